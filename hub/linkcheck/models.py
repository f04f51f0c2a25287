"""What the checker and the probe store: every outside link with the places it is published,
each check run's record, and every availability probe.

Counts are never kept in a counter: they are read from the rows (a link's `last_run`, a probe's
`ok`), so a run stopped half-way and run again counts each link once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    PENDING = "pending", _("未检查")
    OK = "ok", _("正常")
    BROKEN = "broken", _("无法访问")
    HIJACKED = "hijacked", _("疑似被劫持")


class ErrorKind(models.TextChoices):
    NONE = "", _("无")
    HTTP = "http", _("错误状态码")
    TIMEOUT = "timeout", _("超时")
    DNS = "dns", _("域名无法解析")
    CONNECTION = "connection", _("连接失败")
    TLS = "tls", _("证书或加密连接错误")
    REDIRECTS = "redirects", _("重定向过多")
    INVALID = "invalid", _("地址无效")
    OTHER = "other", _("其他错误")


class HijackReason(models.TextChoices):
    NONE = "", _("无")
    DOMAIN = "domain", _("跳转到其他域名")
    WORDS = "words", _("页面含赌博色情内容")


class LinkCheckRun(models.Model):
    """One check of a tenant's outside links; an unfinished run is resumed by the next one."""

    class State(models.TextChoices):
        RUNNING = "running", _("进行中")
        INTERRUPTED = "interrupted", _("已中断")
        FINISHED = "finished", _("已完成")

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("网站"), on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    # Touched as results are stored: a running run that has not moved for a while was killed.
    updated_at = models.DateTimeField(_("最近进展"), auto_now=True)
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.RUNNING)
    forced = models.BooleanField(_("强制检查"), default=False)
    total = models.PositiveIntegerField(_("待检查链接数"), default=0)
    error = models.CharField(_("中断原因"), max_length=500, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("外链检查记录")
        verbose_name_plural = _("外链检查记录")

    def __str__(self):
        return f"{self.department} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def done(self):
        return self.links.count()

    def counts(self):
        """{outcome: number} of the links this run checked, read from the links themselves."""
        rows = self.links.values("outcome").annotate(n=models.Count("pk")).order_by()
        return {row["outcome"]: row["n"] for row in rows}


class OutsideLink(models.Model):
    """One outside address one tenant publishes, with its latest check."""

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("网站"), on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(_("链接地址"), max_length=2000)
    host = models.CharField(_("主机名"), max_length=253, db_index=True)
    published = models.BooleanField(
        _("仍在发布"), default=True, help_text=_("最近一次查找时仍有页面或设置使用这个链接。")
    )
    first_seen_at = models.DateTimeField(_("首次发现"))
    last_seen_at = models.DateTimeField(_("最近发现"))
    # The latest check
    outcome = models.CharField(_("检查结果"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING)
    checked_at = models.DateTimeField(_("检查时间"), null=True, blank=True)
    last_run = models.ForeignKey(
        LinkCheckRun,
        verbose_name=_("检查记录"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="links",
    )
    method = models.CharField(_("请求方式"), max_length=10, blank=True)
    status_code = models.PositiveSmallIntegerField(_("状态码"), null=True, blank=True)
    final_url = models.CharField(_("最终地址"), max_length=2000, blank=True)
    redirects = models.PositiveSmallIntegerField(_("重定向次数"), default=0)
    content_type = models.CharField(_("内容类型"), max_length=200, blank=True)
    response_ms = models.PositiveIntegerField(_("响应时间（毫秒）"), null=True, blank=True)
    error = models.CharField(_("错误类型"), max_length=20, choices=ErrorKind.choices, blank=True)
    error_detail = models.CharField(_("错误详情"), max_length=500, blank=True)
    hijack_reason = models.CharField(_("疑似劫持原因"), max_length=20, choices=HijackReason.choices, blank=True)
    hijack_words = models.CharField(_("发现的词语"), max_length=500, blank=True)
    consecutive_failures = models.PositiveSmallIntegerField(_("连续失败次数"), default=0)
    failing_since = models.DateTimeField(_("开始失败时间"), null=True, blank=True)
    last_ok_at = models.DateTimeField(_("最近正常时间"), null=True, blank=True)

    class Meta:
        ordering = ["department", "url"]
        constraints = [models.UniqueConstraint(fields=["department", "url"], name="linkcheck_one_link_per_tenant")]
        verbose_name = _("外部链接")
        verbose_name_plural = _("外部链接")

    def __str__(self):
        return self.url


class LinkSource(models.Model):
    """One place that publishes an outside link: a page's field, a friendly link, a feed source …"""

    class Kind(models.TextChoices):
        PAGE = "page", _("页面")
        FRIENDLY_LINK = "friendly_link", _("友情链接")
        SERVICE = "service", _("办事事项")
        FEED = "feed", _("外部订阅源")
        SETTINGS = "settings", _("网站设置")

    link = models.ForeignKey(OutsideLink, verbose_name=_("外部链接"), on_delete=models.CASCADE, related_name="sources")
    kind = models.CharField(_("来源类型"), max_length=20, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("页面"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("标题"), max_length=255)
    field = models.CharField(_("位置"), max_length=255, blank=True)
    public_url = models.CharField(_("公开地址"), max_length=2000, blank=True)
    edit_url = models.CharField(_("编辑地址"), max_length=500, blank=True)

    class Meta:
        ordering = ["link", "pk"]
        verbose_name = _("外链来源")
        verbose_name_plural = _("外链来源")

    def __str__(self):
        return self.title


class Probe(models.Model):
    """One visit of one page of a tenant's site through its real hostname."""

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("网站"), on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(_("访问地址"), max_length=2000)
    requested_at = models.DateTimeField(_("访问时间"), db_index=True)
    status_code = models.PositiveSmallIntegerField(_("状态码"), null=True, blank=True)
    elapsed_ms = models.PositiveIntegerField(_("用时（毫秒）"))
    ok = models.BooleanField(_("访问成功"))
    error = models.CharField(_("错误类型"), max_length=20, choices=ErrorKind.choices, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["department", "requested_at"], name="linkcheck_probe_when")]
        verbose_name = _("可用性探测")
        verbose_name_plural = _("可用性探测")

    def __str__(self):
        return f"{self.url} {self.requested_at:%Y-%m-%d %H:%M}"

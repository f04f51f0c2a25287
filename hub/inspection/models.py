"""What inspection keeps: each column's update class, each run per tenant and the findings over time."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registry import Severity


class UpdateClass(models.TextChoices):
    """How often a column must get something new (the column plan's `update`)."""

    NEWS = "news", _("动态要闻（14天）")
    NOTICE = "notice", _("通知公告（6个月）")
    POLICY = "policy", _("政策文件（6个月）")
    PERIODIC = "periodic", _("应更新栏目（按周期）")
    STATIC = "static", _("不需更新（豁免）")


class ColumnRule(models.Model):
    """One column's update class and, where nothing arises for it, its 本栏目暂无信息 note.

    Made from the column plan's kinds the first time a site is inspected; central admins change the
    class per column, and a column's note is shown to the public on the column page.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("栏目"), on_delete=models.CASCADE, related_name="inspection_rule"
    )
    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("站点"), on_delete=models.CASCADE, related_name="+"
    )
    update_class = models.CharField(_("更新类别"), max_length=12, choices=UpdateClass.choices)
    period_days = models.PositiveSmallIntegerField(
        _("更新周期（天）"), null=True, blank=True, help_text=_("只用于“应更新栏目”。")
    )
    no_content_note = models.CharField(
        _("暂无信息说明"),
        max_length=200,
        blank=True,
        help_text=_("栏目暂无信息时向公众说明原因，例如“本单位本年度无规划计划类信息”。"),
    )
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("栏目更新规则")
        verbose_name_plural = _("栏目更新规则")

    def __str__(self):
        return f"{self.page_id} {self.update_class}"


class InspectionRun(models.Model):
    """One inspection of one tenant: when, how it ended, its score and veto items."""

    class Status(models.TextChoices):
        RUNNING = "running", _("检查中")
        FINISHED = "finished", _("已完成")
        FAILED = "failed", _("出错")

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("站点"), on_delete=models.CASCADE, related_name="inspection_runs"
    )
    started_at = models.DateTimeField(_("开始时间"), db_index=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    trigger = models.CharField(_("发起方式"), max_length=20, blank=True)
    score = models.DecimalField(_("得分"), max_digits=5, decimal_places=1, null=True, blank=True)
    veto_count = models.PositiveSmallIntegerField(_("单项否决项"), default=0)
    warning_count = models.PositiveSmallIntegerField(_("预警"), default=0)
    passed = models.BooleanField(_("合格"), default=False)
    pages_checked = models.PositiveIntegerField(_("检查页面数"), default=0)
    # One entry per indicator: code, name, rule, veto, vetoed, deduction, figures.
    results = models.JSONField(_("各项结果"), default=list, blank=True, encoder=DjangoJSONEncoder)
    error = models.TextField(_("错误"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("检查记录")
        verbose_name_plural = _("检查记录")

    def __str__(self):
        return f"{self.department_id} {self.started_at:%Y-%m-%d %H:%M}"


class StoredFinding(models.Model):
    """A finding as it lives across runs: kept by its key, so it shows since when and when it went."""

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("站点"), on_delete=models.CASCADE, related_name="inspection_findings"
    )
    indicator = models.CharField(_("指标"), max_length=60)
    key = models.CharField(_("标识"), max_length=500)
    severity = models.CharField(_("级别"), max_length=12, choices=Severity.choices)
    message = models.TextField(_("问题"))
    label = models.CharField(_("对象"), max_length=300, blank=True)
    url = models.CharField(_("地址"), max_length=1000, blank=True)
    edit_url = models.CharField(_("修改地址"), max_length=1000, blank=True)
    data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    first_seen = models.DateTimeField(_("首次发现"))
    last_seen = models.DateTimeField(_("最近发现"))
    resolved_at = models.DateTimeField(_("已解决"), null=True, blank=True, db_index=True)
    notified_at = models.DateTimeField(_("已通知"), null=True, blank=True)
    last_run = models.ForeignKey(InspectionRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["resolved_at", "first_seen", "pk"]
        verbose_name = _("检查发现")
        verbose_name_plural = _("检查发现")
        constraints = [
            models.UniqueConstraint(fields=["department", "indicator", "key"], name="inspection_finding_unique_key")
        ]

    def __str__(self):
        return self.message

    @property
    def is_open(self):
        return self.resolved_at is None

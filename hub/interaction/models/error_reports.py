"""Error reports (我要纠错): a citizen says what is wrong on one public page of a tenant's site."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.tenancy.owned import TenantOwned


class ErrorReport(TenantOwned):
    """A report about one page, owned by the tenant whose site the page is on; handled with a reply."""

    receipt_prefix = "JC"

    class Kind(models.TextChoices):
        TYPO = "typo", _("错别字")
        LINK = "link", _("链接错误")
        OUTDATED = "outdated", _("内容过时")
        MEDIA = "media", _("图片或附件问题")
        OTHER = "other", _("其他")

    class Status(models.TextChoices):
        OPEN = "open", _("待处理")
        CLOSED = "closed", _("已办结")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("页面"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as typed so the report still says where the error was if the page moves or is deleted.
    page_url = models.CharField(_("页面地址"), max_length=500)
    page_title = models.CharField(_("页面标题"), max_length=255, blank=True)
    receipt_code = models.CharField(_("回执号"), max_length=24, unique=True, editable=False)
    kind = models.CharField(_("错误类型"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("错误描述"))
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True, editable=False)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.OPEN)
    reply = models.TextField(_("处理意见"), blank=True)
    handled_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("网站纠错")
        verbose_name_plural = _("网站纠错")

    def __str__(self):
        return f"{self.receipt_code} · {self.page_title or self.page_url}"

    @property
    def tracking_code(self):
        return self.receipt_code

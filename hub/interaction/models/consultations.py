"""Comments on a draft policy (意见征集); the consultation itself is a page on the tenant's site."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.tenancy.owned import TenantOwned


class ConsultationComment(TenantOwned):
    """A comment on a consultation page. Only the tenant's staff read comments; the public sees the
    tenant's summary of what was adopted (采纳情况) once the consultation has closed."""

    receipt_prefix = "YJ"

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("意见征集"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept so a comment still says what it was about if the page is ever deleted.
    page_title = models.CharField(_("征集标题"), max_length=255)
    receipt_code = models.CharField(_("回执号"), max_length=24, unique=True, editable=False)
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    organisation = models.CharField(_("单位"), max_length=100, blank=True)
    contact = models.CharField(_("电话或电子邮箱"), max_length=100, blank=True)
    section = models.CharField(_("条款"), max_length=100, blank=True)
    text = models.TextField(_("意见建议"))
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True, editable=False)
    is_read = models.BooleanField(_("已阅"), default=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("征集意见")
        verbose_name_plural = _("征集意见")

    def __str__(self):
        return f"{self.receipt_code} · {self.page_title}"

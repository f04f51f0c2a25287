"""Data a tenant owns outside the page tree: the `TenantOwned` base and the models built on it.

A tenant-owned model knows its tenant by a foreign key; the admin scopes its listings, edit
views and choosers through `hub.tenancy.snippets.TenantOwnedViewSet`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class TenantOwned(models.Model):
    """Abstract base for records that belong to one department site."""

    department = models.ForeignKey(
        "tenancy.Department",
        verbose_name=_("部门网站"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        abstract = True

    @classmethod
    def tenant_field(cls):
        """The lookup from this model to its tenant, for querysets scoped by `hub.tenancy.scoping`."""
        return "department"


class FriendlyLink(TenantOwned):
    """A 友情链接: a link a site lists in its footer (other government sites, services)."""

    title = models.CharField(_("标题"), max_length=100)
    url = models.URLField(_("地址"))
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)

    panels = [FieldPanel("department"), FieldPanel("title"), FieldPanel("url"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["department", "sort_order", "title"]
        verbose_name = _("友情链接")
        verbose_name_plural = _("友情链接")

    def __str__(self):
        return self.title


@register_setting(icon="cog")
class SiteOptions(BaseSiteSetting):
    """Per-site options a webmaster keeps: social accounts and the mourning (grey) mode."""

    wechat_account = models.CharField(_("微信公众号"), max_length=100, blank=True)
    weibo_url = models.URLField(_("微博"), blank=True)
    mourning_mode = models.BooleanField(
        _("网页灰色"),
        default=False,
        help_text=_("在全国哀悼日将整个网站显示为灰色。"),
    )

    panels = [FieldPanel("wechat_account"), FieldPanel("weibo_url"), FieldPanel("mourning_mode")]

    class Meta:
        verbose_name = _("站点选项")

"""A department subsite's home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from sites.common.blocks import RICH_TEXT_FEATURES
from sites.common.models import BasePage
from sites.common.queries import latest_in_site


class DepartmentHomePage(BasePage):
    """A department's front page: its introduction, news, notices and documents."""

    intro = RichTextField(_("简介"), blank=True, features=RICH_TEXT_FEATURES)
    latest_count = models.PositiveSmallIntegerField(_("每个列表的条数"), default=8)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("latest_count")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["common.ColumnIndexPage", "common.StandardPage"]

    search_type_label = _("网站首页")

    class Meta:
        verbose_name = _("部门网站首页")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = latest_in_site(self, kind="news", count=self.latest_count)
        context["notices"] = latest_in_site(self, kind="notice", count=self.latest_count)
        context["documents"] = latest_in_site(self, model="common.GovernmentDocumentPage", count=self.latest_count)
        return context

"""The prefecture portal's home page."""

from functools import partial

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from hub.directory.queries import entry_for
from hub.tenancy.scoping import department_for_request
from sites.common.blocks import RICH_TEXT_FEATURES, BodyBlock
from sites.common.models import BasePage
from sites.common.queries import latest_across_sites, latest_in_site


class PortalHomePage(BasePage):
    """The portal's front page: headlines, notices and the latest from every department."""

    welcome = RichTextField(_("welcome text"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    latest_count = models.PositiveSmallIntegerField(_("items per list"), default=8)

    content_panels = Page.content_panels + [FieldPanel("welcome"), FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("latest_count")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "common.ColumnIndexPage",
        "common.StandardPage",
        "portal.TopicIndexPage",
        "portal.DepartmentIndexPage",
    ]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = latest_in_site(self, kind="news", count=self.latest_count)
        context["notices"] = latest_in_site(self, kind="notice", count=self.latest_count)
        context["documents"] = latest_in_site(self, model="common.GovernmentDocumentPage", count=self.latest_count)
        # Callables, run by the template only when its fragment cache misses (keyed on the site
        # group's generation, hub/tenancy/generations.py): the department news and 领导之窗.
        context["department_news"] = partial(latest_across_sites, exclude_root=self, count=self.latest_count)
        context["leaders"] = partial(self.leaders, request)
        return context

    def leaders(self, request):
        """领导之窗: the portal tenant's leaders from the shared department directory."""
        department = department_for_request(request)
        if department is None or department.site.root_page_id != self.pk:
            department = self.department
        entry = entry_for(department)
        return list(entry.leaders.all()) if entry else []

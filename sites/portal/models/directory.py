"""The portal's department list (部门名录), read from the shared department directory."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from hub.directory.models import DirectoryEntry
from hub.directory.queries import directory_entries
from sites.common.blocks import RICH_TEXT_FEATURES
from sites.common.models import BasePage

from .mixins import PortalOnlyMixin


class DepartmentIndexPage(PortalOnlyMixin, RoutablePageMixin, BasePage):
    """Every online department by category with its contact details; <code>/ shows one in full."""

    intro = RichTextField(_("简介"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    parent_page_types = ["portal.PortalHomePage", "common.ColumnIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("部门名录页面")

    @path("")
    def department_list(self, request):
        entries = list(directory_entries())
        groups = []
        for value, label in DirectoryEntry.Category.choices:
            members = [entry for entry in entries if entry.category == value]
            if members:
                groups.append({"label": label, "entries": members})
        return self.render(request, context_overrides={"groups": groups, "entries": entries})

    @re_path(r"^(?P<code>[a-z][a-z0-9-]{1,29})/$")
    def department_detail(self, request, code):
        entry = directory_entries().filter(department__code=code).first()
        if entry is None:
            raise Http404
        return self.render(
            request, context_overrides={"entry": entry}, template="portal/department_index_page_detail.html"
        )

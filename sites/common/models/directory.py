"""Pages that show the department directory (部门名录) of their own tenant; they hold no copy of it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from hub.directory.queries import entry_for

from ..blocks import RICH_TEXT_FEATURES
from .mixins import BasePage


class DirectoryPageMixin:
    """Gives the template the tenant's directory entry (leaders joined) as `entry`."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry"] = entry_for(self.department)
        return context


class ContactPage(DirectoryPageMixin, BasePage):
    """联系我们: the tenant's address, phone, email, office hours and website, read from the directory."""

    intro = RichTextField(
        _("further information"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("E.g. how to get there. Address, phone and office hours come from the department directory."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page (联系我们)")


class LeadershipPage(DirectoryPageMixin, BasePage):
    """领导之窗: the tenant's leaders, positions and responsibilities from the directory; profiles may sit below."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = ["common.LeaderProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("leadership page (领导之窗)")

"""Pages that show the department directory (部门名录) of their own tenant; they hold no copy of it."""

from functools import cached_property

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from hub.directory.panels import DirectoryLeaderPanel
from hub.directory.queries import entry_for, leader_for_profile

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
        _("其他信息"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("例如交通方式。地址、电话和办公时间取自部门名录。"),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("联系我们")


class LeadershipPage(DirectoryPageMixin, BasePage):
    """领导之窗: the tenant's leaders, positions and responsibilities from the directory; profiles may sit below."""

    intro = RichTextField(_("简介"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = ["common.LeaderProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("领导之窗")


class LeaderProfilePage(BasePage):
    """A leader's profile (领导之窗): biography and speeches. Name, position, responsibilities and photo are
    the leader's record in the department directory, which links to this page as the leader's profile."""

    biography = RichTextField(_("简历"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [DirectoryLeaderPanel(), FieldPanel("biography")]
    search_fields = BasePage.search_fields + [index.SearchField("leader_text"), index.SearchField("biography")]
    parent_page_types = ["common.ColumnIndexPage", "common.LeadershipPage"]
    subpage_types = ["common.SpeechPage"]

    search_type_label = _("领导之窗")
    # The page a directory leader's record links to as the leader's profile.
    directory_role = "leader_profile"

    class Meta:
        verbose_name = _("领导个人页面")

    @cached_property
    def directory_leader(self):
        """The directory's record of the leader (name, position, responsibilities, photo), or None."""
        return leader_for_profile(self)

    @property
    def person_name(self):
        leader = self.directory_leader
        return leader.name if leader else self.title

    def leader_text(self):
        """What the directory says about the leader, indexed with the page so a search for it finds the profile."""
        leader = self.directory_leader
        if leader is None:
            return ""
        return " ".join(filter(None, [leader.name, leader.position, leader.responsibilities]))

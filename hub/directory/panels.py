"""Showing, in a page editor, what the directory holds and the page does not repeat: a leader's name,
position, responsibilities and photo on the leader's profile page, the department's main functions on
its functions page; the editor sees where they come from."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .queries import entry_for, leader_for_profile


def entry_edit_url(user, entry):
    """The directory entry's edit screen, for those who may change the directory; else None."""
    if entry is None or not user.has_perm("directory.change_directoryentry"):
        return None
    return reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk])


class DirectoryPanel(Panel):
    """A read-only panel showing what the directory holds for the page; subclasses name the heading,
    the panel's name and its template, and fill the context."""

    default_heading = None
    default_name = None

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", self.default_heading)
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or self.default_name


class DirectoryLeaderPanel(DirectoryPanel):
    """Read-only: the directory leader this page profiles, with a link to the directory for those who may edit it."""

    default_heading = _("部门名录中的领导信息")
    default_name = "directory_leader"

    class BoundPanel(Panel.BoundPanel):
        template_name = "directory/panels/directory_leader.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            leader = leader_for_profile(self.instance)
            context["leader"] = leader
            context["edit_url"] = entry_edit_url(self.request.user, leader.entry if leader is not None else None)
            return context


class DirectoryFunctionsPanel(DirectoryPanel):
    """Read-only: the main functions (主要职责) of the page's department as the directory holds them."""

    default_heading = _("部门名录中的主要职责")
    default_name = "directory_functions"

    class BoundPanel(Panel.BoundPanel):
        template_name = "directory/panels/directory_functions.html"

        def department(self):
            """The page's tenant; a page being created belongs to its parent's."""
            from hub.tenancy.scoping import department_for_page

            page = self.instance
            if page.pk is None:
                page = getattr(self.form, "parent_page", None)
            return department_for_page(page) if page is not None else None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            entry = entry_for(self.department())
            context["entry"] = entry
            context["edit_url"] = entry_edit_url(self.request.user, entry)
            return context

"""Showing, in a page editor, what the directory holds and the page does not repeat: a leader's name,
position, responsibilities and photo on the leader's profile page, the department's main functions on
its functions page; the editor sees where they come from."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .queries import entry_for, leader_for_profile


class DirectoryLeaderPanel(Panel):
    """Read-only: the directory leader this page profiles, with a link to the directory for those who may edit it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("部门名录中的领导信息"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "directory_leader"

    class BoundPanel(Panel.BoundPanel):
        template_name = "directory/panels/directory_leader.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            leader = leader_for_profile(self.instance)
            context["leader"] = leader
            context["edit_url"] = None
            if leader is not None and self.request.user.has_perm("directory.change_directoryentry"):
                entry = leader.entry
                context["edit_url"] = reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk])
            return context


class DirectoryFunctionsPanel(Panel):
    """Read-only: the main functions (主要职责) of the page's department as the directory holds them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("部门名录中的主要职责"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "directory_functions"

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
            context["edit_url"] = None
            if entry is not None and self.request.user.has_perm("directory.change_directoryentry"):
                context["edit_url"] = reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk])
            return context

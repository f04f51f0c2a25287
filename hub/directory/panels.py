"""Showing, in a leader's profile page editor, what the directory holds about the leader: the page does
not repeat it, so the editor sees where name, position, responsibilities and photo come from."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .queries import leader_for_profile


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

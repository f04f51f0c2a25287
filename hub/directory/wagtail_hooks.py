"""The department directory in the admin: the central admin edits it; tenant groups hold no permission on it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import DirectoryEntryForm
from .models import DirectoryEntry


class DirectoryEntryViewSet(SnippetViewSet):
    model = DirectoryEntry
    icon = "group"
    menu_label = _("部门名录")
    menu_name = "directory"
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["department", "category", "department__phone", "department__office_hours"]
    list_filter = ["category"]
    search_fields = ["summary"]
    edit_handler = ObjectList(DirectoryEntry.panels, base_form_class=DirectoryEntryForm)

    def get_queryset(self, request):
        return DirectoryEntry.objects.select_related("department")


register_snippet(DirectoryEntryViewSet)

"""Outside feed sources in the admin: the central admin configures which feed goes to which column."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.tenancy.choices import LimitedAdminModelForm

from .models import FeedSource


class FeedSourceViewSet(SnippetViewSet):
    model = FeedSource
    icon = "link-external"
    menu_label = _("外部订阅源")
    menu_name = "feed-sources"
    menu_order = 340
    add_to_admin_menu = True
    list_display = ["name", "url", "column", "is_active", "last_run_at", "last_result"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    # The column is one the user may link to: never another tenant's unpublished page.
    edit_handler = ObjectList(FeedSource.panels, base_form_class=LimitedAdminModelForm)


register_snippet(FeedSourceViewSet)

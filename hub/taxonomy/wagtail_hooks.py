"""The shared classification in the admin: one menu group, editable by the central admin only.

Tenant groups hold no permission on these models, so Wagtail hides the menu and refuses the views
to them; editors still pick topics on their pages through the chooser.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Subject, Topic


class ActiveTopicsMixin:
    """Editors are offered listed topics only; a retired topic stays on the pages that carry it."""

    def get_object_list(self):
        return super().get_object_list().filter(is_active=True)


class ActiveTopicChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = type("TopicChooseView", (ActiveTopicsMixin, snippet_chooser.ChooseView), {})
    choose_results_view_class = type(
        "TopicChooseResultsView", (ActiveTopicsMixin, snippet_chooser.ChooseResultsView), {}
    )


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "list-ul"
    menu_label = _("主题分类")
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    ordering = ["code"]
    panels = [FieldPanel("code"), FieldPanel("name")]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("专题")
    list_display = ["name", "slug", "is_active", "sort_order"]
    list_filter = ["is_active"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]
    chooser_viewset_class = ActiveTopicChooserViewSet


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (SubjectViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("分类")
    menu_name = "taxonomy"
    menu_order = 320


register_snippet(TaxonomyViewSetGroup)

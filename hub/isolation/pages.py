"""The page tree in the admin: explorer, page search, history, page choosers (link chooser included).

Editors explore, search and act on their own tenants' pages only (every locale root of each site).
Choosers also offer other tenants' live pages, because linking across sites is useful and the
public already sees those pages; such pages are shown as the public sees them (live title, no draft
status), and their drafts and unpublished pages never appear.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin.views import chooser
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.history import PageHistoryView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.views.pages.usage import ContentTypeUseView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from hub.tenancy import scoping
from hub.tenancy.choices import limit_choices, limited_form_class
from hub.tenancy.filters import ScopedFiltersMixin

# The tree's root is above every site; choosers and the explorer start there.
TREE_ROOT = Q(depth=1)


def visible_pages(user, queryset=None):
    """A page queryset narrowed to the tenants the user may act on."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(scoping.visible_pages_q(user))


# Hooks -------------------------------------------------------------------------------------------


def explorer_queryset(parent_page, pages, request):
    """construct_explorer_page_queryset: the explorer (and its menu) lists own tenants' pages only."""
    return pages.filter(scoping.visible_pages_q(request.user) | TREE_ROOT)


def page_chooser_queryset(pages, request):
    """construct_page_chooser_queryset: own tenants' pages, and other tenants' live pages."""
    return pages.filter(scoping.linkable_pages_q(request.user) | TREE_ROOT)


# Explorer, search, history and page-type listings -----------------------------------------------


class TenantExplorableIndexView(ScopedFiltersMixin, ExplorableIndexView):
    """The explorer. A tenant whose site has several locale roots explores from the tree's root, under
    which Wagtail would also open another tenant's pages (showing their titles and status, though
    none of their children); only the user's own pages and the tree root may be opened."""

    def get(self, request, parent_page_id=None):
        if parent_page_id and not Page.objects.filter(pk=parent_page_id).filter(
            scoping.visible_pages_q(request.user) | TREE_ROOT
        ):
            return redirect("wagtailadmin_explore_root")
        return super().get(request, parent_page_id)

    def get_base_queryset(self):
        return visible_pages(self.request.user, super().get_base_queryset())


class TenantContentTypeUseView(ScopedFiltersMixin, ContentTypeUseView):
    def get_base_queryset(self):
        return visible_pages(self.request.user, super().get_base_queryset())


class TenantPageHistoryView(ScopedFiltersMixin, PageHistoryView):
    pass


class LimitChoicesMixin:
    """Page create and edit views: the form's page, record and media choice fields are narrowed to
    what the user may choose (`choices.limit_choices`), so a crafted POST cannot attach another
    tenant's unpublished page, record or file to a page, nor see it named in the form."""

    def get(self, request, *args, **kwargs):
        self.form_class = limited_form_class(self.form_class)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.form_class = limited_form_class(self.form_class)
        return super().post(request, *args, **kwargs)


class LimitPreviewChoicesMixin:
    """Previews render the posted form: the same narrowing, so nothing of another tenant is shown."""

    def get_form(self, query_dict):
        return limit_choices(super().get_form(query_dict), self.request.user)


class TenantPageViewSet(PageViewSet):
    """Wagtail's page views with the tenant-scoped listings and forms; registered for the base Page model.

    A page type that needs its own PageViewSet should subclass this one to stay scoped. The admin
    page search keeps Wagtail's own view: it lists only pages the user has permissions on, as long as
    WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS stays on (a system check guards it).
    """

    index_view_class = TenantExplorableIndexView
    history_view_class = TenantPageHistoryView
    content_type_use_view_class = TenantContentTypeUseView
    add_view_class = type("TenantCreateView", (LimitChoicesMixin, CreateView), {})
    edit_view_class = type("TenantEditView", (LimitChoicesMixin, EditView), {})
    revisions_revert_view_class = type("TenantRevisionsRevertView", (LimitChoicesMixin, RevisionsRevertView), {})
    preview_on_add_view_class = type("TenantPreviewOnCreateView", (LimitPreviewChoicesMixin, PreviewOnCreateView), {})
    preview_on_edit_view_class = type("TenantPreviewOnEditView", (LimitPreviewChoicesMixin, PreviewOnEditView), {})


# Choosers ------------------------------------------------------------------------------------------


def present_as_public(page, user):
    """Show a page of another tenant as the public sees it: its live title, no trace of a draft."""
    if getattr(page, "_hub_presented", False):
        return page
    page._hub_presented = True
    if page.depth > 1 and not visible_pages(user).filter(pk=page.pk).exists():
        page.draft_title = page.title
        page.has_unpublished_changes = False
        page.latest_revision_created_at = page.last_published_at
        page.locked = False
    return page


class PublicTitleColumn(chooser.PageTitleColumn):
    def get_cell_context_data(self, instance, parent_context):
        present_as_public(instance, parent_context["request"].user)
        return super().get_cell_context_data(instance, parent_context)


class PublicParentColumn(chooser.ParentPageColumn):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context.get("value") is not None:
            present_as_public(context["value"], parent_context["request"].user)
        return context


class LinkableChildrenColumn(chooser.PageNavigateToChildrenColumn):
    """The arrow into a page's children, only if one of them may be linked to.

    Wagtail shows it for any page with children, so another tenant's page whose only children are
    unpublished would give away that they exist (and lead to an empty listing).
    """

    def get_cell_context_data(self, instance, parent_context):
        user = parent_context["request"].user
        if getattr(instance, "can_descend", False):
            instance.can_descend = (
                Page.objects.child_of(instance).filter(scoping.linkable_pages_q(user) | TREE_ROOT).exists()
            )
        present_as_public(instance, user)
        return super().get_cell_context_data(instance, parent_context)


def _public_columns(columns):
    """Wagtail's chooser columns, with the title and parent columns showing public titles and the
    arrow into a page's children shown only where a child may be linked to."""
    replaced = []
    for column in columns:
        if type(column) is chooser.PageTitleColumn:
            column = PublicTitleColumn(column.name, label=column.label, is_multiple_choice=column.is_multiple_choice)
        elif type(column) is chooser.ParentPageColumn:
            column = PublicParentColumn(column.name, label=column.label)
        elif type(column) is chooser.PageNavigateToChildrenColumn:
            column = LinkableChildrenColumn(column.name, label=column.label, width=column.width)
        replaced.append(column)
    return replaced


class TenantPageBrowseView(chooser.BrowseView):
    @property
    def columns(self):
        return _public_columns(super().columns)

    def get(self, request, parent_page_id=None):
        if parent_page_id:
            parent = get_object_or_404(Page, id=parent_page_id)
            if not Page.objects.filter(pk=parent.pk).filter(scoping.linkable_pages_q(request.user) | TREE_ROOT):
                raise Http404
        return super().get(request, parent_page_id)


class TenantPageSearchChooserView(chooser.SearchView):
    @property
    def columns(self):
        return _public_columns(super().columns)


class TenantPageChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        pks = request.GET.getlist("id")
        pages = Page.objects.filter(pk__in=pks).filter(scoping.linkable_pages_q(request.user)).specific()
        result = []
        for page in pages:
            present_as_public(page, request.user)
            result.append(
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": chooser.reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url,
                }
            )
        return self.render_chosen_response(result)


# Page choice fields in forms ------------------------------------------------------------------------------

# Forms with a page foreign key outside the page editor (snippets, settings, app records) call this;
# it narrows their record and media choice fields too (see `choices`).
limit_page_choices = limit_choices

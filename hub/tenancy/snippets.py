"""Tenant-owned snippets: listings, edit and delete views, history, usage and choosers, all scoped.

`TenantOwnedViewSet` is the base for every snippet whose model subclasses
`hub.tenancy.owned.TenantOwned`: an editor sees and acts on the records of their own tenants only,
and may create records for those tenants only. Register the model's permission policy with
`register_tenant_owned(Model)` so that every permission check (bulk actions included) is scoped.
"""

from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .choices import limit_choices
from .filters import SEE_ACTIONS, ScopedFiltersMixin
from .models import Department
from .owned import FriendlyLink
from .policies import KeptRecordPolicy, TenantPermissionPolicy


def register_tenant_owned(model, tenant_lookup=None, kept=False):
    """Scope every permission check on this tenant-owned model to the tenants of the user's groups.

    `kept`: a record the government must keep, which no permission lets anyone delete (KeptRecordPolicy).
    """
    policy_class = KeptRecordPolicy if kept else TenantPermissionPolicy
    policy = policy_class(model, tenant_lookup or model.tenant_field())
    register_permission_policy(model, policy, exact_class=True)
    return policy


class TenantRecordMixin:
    """For snippet views: only records of the user's tenants exist; the tenant field offers only those."""

    def tenant_policy(self):
        return policy_registry.get_by_type(self.model)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not self.tenant_policy().user_has_any_permission_for_instance(
            self.request.user, SEE_ACTIONS, obj
        ):
            raise Http404
        return obj

    def allowed_departments(self, action):
        ids = self.tenant_policy().department_ids(self.request.user, [action])
        departments = Department.objects.all()
        return departments if ids is None else departments.filter(pk__in=ids)

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        field = form.fields.get(self.model.tenant_field())
        if field is not None:
            is_new = getattr(form.instance, "pk", None) is None
            field.queryset = self.allowed_departments("add" if is_new else "change")
            if is_new and not form.is_bound and field.queryset.count() == 1:
                form.initial.setdefault(self.model.tenant_field(), field.queryset.get().pk)
        return limit_choices(form, self.request.user)


class TenantIndexView(ScopedFiltersMixin, snippet_views.IndexView):
    pass


class KeptRecordIndexView(TenantIndexView):
    """The list of records nobody deletes: no selection boxes and no bulk actions (delete is the only one)."""

    @cached_property
    def columns(self):
        return [column for column in super().columns if not isinstance(column, BulkActionsCheckboxColumn)]


def _scoped(view_class):
    return type(f"Tenant{view_class.__name__}", (TenantRecordMixin, view_class), {})


class TenantChooserMixin:
    def get_object_list(self):
        policy = policy_registry.get_by_type(self.model_class)
        return (
            super()
            .get_object_list()
            .filter(pk__in=policy.instances_user_has_any_permission_for(self.request.user, SEE_ACTIONS).values("pk"))
        )


class TenantChosenMixin:
    def get_object(self, pk):
        obj = super().get_object(pk)
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission_for_instance(self.request.user, SEE_ACTIONS, obj):
            raise Http404
        return obj

    def get_objects(self, pks):
        policy = policy_registry.get_by_type(self.model_class)
        return (
            super()
            .get_objects(pks)
            .filter(pk__in=policy.instances_user_has_any_permission_for(self.request.user, SEE_ACTIONS).values("pk"))
        )


class TenantSnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = type("TenantChooseView", (TenantChooserMixin, snippet_chooser.ChooseView), {})
    choose_results_view_class = type(
        "TenantChooseResultsView", (TenantChooserMixin, snippet_chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("TenantChosenView", (TenantChosenMixin, snippet_chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "TenantChosenMultipleView", (TenantChosenMixin, snippet_chooser.SnippetChosenMultipleView), {}
    )


class TenantOwnedViewSet(SnippetViewSet):
    """A SnippetViewSet for a TenantOwned model, scoped to the user's tenants on every view."""

    index_view_class = TenantIndexView
    add_view_class = _scoped(snippet_views.CreateView)
    copy_view_class = _scoped(snippet_views.CopyView)
    edit_view_class = _scoped(snippet_views.EditView)
    delete_view_class = _scoped(snippet_views.DeleteView)
    usage_view_class = _scoped(snippet_views.UsageView)
    history_view_class = type(
        "TenantHistoryView", (ScopedFiltersMixin, TenantRecordMixin, snippet_views.HistoryView), {}
    )
    inspect_view_class = _scoped(snippet_views.InspectView)
    revisions_view_class = _scoped(snippet_views.PreviewRevisionView)
    revisions_compare_view_class = _scoped(snippet_views.RevisionsCompareView)
    revisions_unschedule_view_class = _scoped(snippet_views.RevisionsUnscheduleView)
    unpublish_view_class = _scoped(snippet_views.UnpublishView)
    preview_on_edit_view_class = _scoped(snippet_views.PreviewOnEditView)
    lock_view_class = _scoped(snippet_views.LockView)
    unlock_view_class = _scoped(snippet_views.UnlockView)
    workflow_history_view_class = _scoped(snippet_views.WorkflowHistoryView)
    chooser_viewset_class = TenantSnippetChooserViewSet

    def get_queryset(self, request):
        policy = policy_registry.get_by_type(self.model)
        return policy.instances_user_has_any_permission_for(request.user, SEE_ACTIONS)


class KeptRecordViewSet(TenantOwnedViewSet):
    """A TenantOwnedViewSet for records registered with `kept=True`: listed and read, never deleted."""

    index_view_class = KeptRecordIndexView
    # The plain generic list, without the bulk-action footer and its script.
    index_template_name = "wagtailadmin/generic/index.html"


class FriendlyLinkViewSet(TenantOwnedViewSet):
    model = FriendlyLink
    icon = "link"
    menu_label = _("友情链接")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "url", "department", "sort_order"]
    list_filter = ["department"]
    search_fields = ["title", "url"]
    ordering = ["department", "sort_order", "title"]

"""Wagtail's reports, scoped: each lists and exports only the user's tenants' pages and people.

Stock reports have no hook for their querysets or filters, so these subclasses are served at the
reports' own addresses by `isolation.urls`.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import aging_pages, locked_pages, page_types_usage, workflows
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.models import Page, Site, get_default_page_content_type

from hub.tenancy import scoping
from hub.tenancy.filters import ScopedFilterSetMixin, ScopedFiltersMixin, narrow_choices
from hub.tenancy.models import Department

from .audit import TENANT_KEY, tenant_filter_q
from .pages import visible_pages


class TenantLockedPagesView(ScopedFiltersMixin, locked_pages.LockedPagesView):
    def get_queryset(self):
        return visible_pages(self.request.user, super().get_queryset())


class TenantAgingPagesView(ScopedFiltersMixin, aging_pages.AgingPagesView):
    def get_queryset(self):
        return visible_pages(self.request.user, super().get_queryset())


# Page types usage ------------------------------------------------------------------------------


class TenantPageTypesUsageFilterSet(page_types_usage.PageTypesUsageReportFilterSet):
    """The site filter offers the user's own sites only."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None and "site" in self.filters:
            sites = narrow_choices(Site, Site.objects.select_related("root_page"), request.user)
            self.filters["site"].extra["choices"] = [(site.root_page.path, str(site)) for site in sites]


class TenantPageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """Counts and the last edited page of each type, among the user's tenants' pages only."""

    filterset_class = TenantPageTypesUsageFilterSet

    def get_queryset(self):
        queryset = ContentType.objects.filter(model__in=self.page_models)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)

        own = scoping.visible_pages_q(self.request.user)
        counted = scoping.visible_pages_q(self.request.user, prefix="pages__")
        last_edited = Page.objects.filter(own, content_type=OuterRef("pk"))
        if language_code:
            counted &= Q(pages__locale__language_code=language_code)
            last_edited = last_edited.filter(locale__language_code=language_code)
        if site_root_path:
            counted &= Q(pages__path__startswith=site_root_path)
            last_edited = last_edited.filter(path__startswith=site_root_path)
        last_edited = last_edited.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
        queryset = queryset.annotate(
            count=Count("pages", filter=counted & Q(pages__depth__gt=1)),
            last_edited_page_id=Subquery(last_edited.values("pk")[:1]),
        )
        if not scoping.is_central_admin(self.request.user):
            queryset = queryset.filter(count__gt=0)
        return queryset.order_by("-count", "app_label", "model")


# Workflows ---------------------------------------------------------------------------------------


def visible_page_ids(user):
    """Ids (as text, the type of workflow states' object_id) of the user's tenants' pages."""
    return visible_pages(user).values_list(Cast("id", output_field=CharField()), flat=True)


def tenant_owned_content_types():
    from hub.tenancy.owned import TenantOwned

    return [model for model in _concrete_models() if issubclass(model, TenantOwned)]


def _concrete_models():
    from django.apps import apps

    return [model for model in apps.get_models() if not model._meta.abstract]


def visible_workflow_objects_q(user, prefix=""):
    """Workflow states of the user's tenants' pages and tenant-owned records (all for central admins)."""
    if scoping.is_central_admin(user):
        return scoping.everything_q()
    q = Q(
        **{
            f"{prefix}base_content_type_id": get_default_page_content_type().id,
            f"{prefix}object_id__in": visible_page_ids(user),
        }
    )
    for model in tenant_owned_content_types():
        records = scoping.scope_queryset(model.objects.all(), user, model.tenant_field())
        q |= Q(
            **{
                f"{prefix}content_type": ContentType.objects.get_for_model(model),
                f"{prefix}object_id__in": records.values_list(Cast("pk", output_field=CharField()), flat=True),
            }
        )
    return q


class TenantWorkflowView(ScopedFiltersMixin, workflows.WorkflowView):
    def get_queryset(self):
        return super().get_queryset().filter(visible_workflow_objects_q(self.request.user))


class TenantWorkflowTasksView(ScopedFiltersMixin, workflows.WorkflowTasksView):
    def get_queryset(self):
        return super().get_queryset().filter(visible_workflow_objects_q(self.request.user, "workflow_state__"))


# Site history (the audit log) ----------------------------------------------------------------------


def department_choices(request):
    departments = Department.objects.order_by("sort_order", "code")
    return [(d.code, d.name) for d in narrow_choices(Department, departments, request.user)]


class TenantHistoryFilterSet(ScopedFilterSetMixin, SiteHistoryReportFilterSet):
    """Site history filters, with a site (子站) filter so a central admin can follow one tenant."""

    tenant = django_filters.ChoiceFilter(label=_("站点"), choices=[], method="filter_tenant")

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["tenant"].extra["choices"] = department_choices(request)

    def filter_tenant(self, queryset, name, value):
        return queryset.filter(**{f"data__{TENANT_KEY}": value}) if value else queryset


class TenantLogEntriesView(LogEntriesView):
    """The site history: a tenant's editors see their tenants' entries; central admins filter by tenant."""

    filterset_class = TenantHistoryFilterSet

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.filter(tenant_filter_q(self.request.user))

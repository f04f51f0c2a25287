"""Filter dropdowns that name only what the user may see.

Wagtail's listing filters offer every user, site, collection and workflow of the installation
("edited by", "locked by", "site" …), which would name other tenants' editors and sites. A filter
set made with `scoped_filterset` narrows each such choice list to the request user's tenants;
choices of tenant-owned records (a letter's mailbox …) and pages are narrowed likewise.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from taggit.models import Tag, TaggedItem
from wagtail.admin.filters import PopularTagsFilter
from wagtail.admin.models import popular_tags_for_model
from wagtail.models import Collection, CollectionMember, Page, Site, Task, Workflow
from wagtail.permissions import policy_registry

from . import scoping
from .models import Department
from .policies import TenantPermissionPolicy

# Any of these lets a user see a tenant-owned record at all.
SEE_ACTIONS = ["add", "change", "delete", "view"]


def _visible_workflow_ids(user):
    from wagtail.models import WorkflowPage

    pages = Page.objects.filter(scoping.visible_pages_q(user))
    return WorkflowPage.objects.filter(page__in=pages).values_list("workflow_id", flat=True)


def narrow_choices(model, queryset, user):
    """The part of a filter's choice queryset the user may see named, or the queryset unchanged."""
    if scoping.is_central_admin(user):
        return queryset
    if model is get_user_model():
        return queryset.filter(pk__in=scoping.visible_users(user).values("pk"))
    if model is Site:
        ids = scoping.department_ids_for_user(user)
        return queryset.filter(department__in=ids)
    if model is Department:
        return queryset.filter(pk__in=scoping.department_ids_for_user(user))
    if model is Collection:
        return queryset.filter(pk__in=scoping.collections_for_user(user).values("pk"))
    if model is Workflow:
        return queryset.filter(pk__in=_visible_workflow_ids(user))
    if model is Task:
        return queryset.filter(workflow_tasks__workflow__in=_visible_workflow_ids(user)).distinct()
    if issubclass(model, Page):
        return queryset.filter(scoping.visible_pages_q(user))
    policy = policy_registry.get_by_type(model, fallback=False)
    if isinstance(policy, TenantPermissionPolicy):  # a tenant-owned model, e.g. a mailbox
        return queryset.filter(pk__in=policy.instances_user_has_any_permission_for(user, SEE_ACTIONS).values("pk"))
    return queryset


def _choice_model(queryset):
    model = getattr(queryset, "model", None)
    if model is not None and issubclass(model, Task):
        return Task
    return model


class ScopedFilterSetMixin:
    """Narrows every model-choice filter of a filter set to the request user's tenants."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None:
            return
        for filter_ in self.filters.values():
            # django-filter keeps a choice queryset on the filter (maybe a callable taking the
            # request) or, when set after construction as Wagtail does, in its extra arguments.
            if getattr(filter_, "queryset", None) is not None:
                source = filter_.queryset(request) if callable(filter_.queryset) else filter_.queryset
                model = _choice_model(source)
                if model is not None and model is not ContentType:
                    filter_.queryset = narrow_choices(model, source, request.user)
            elif isinstance(filter_, PopularTagsFilter) and issubclass(self._meta.model, CollectionMember):
                tags = popular_tags_for_user(self._meta.model, request.user)
                filter_.extra["choices"] = [(tag.name, tag.name) for tag in tags]
            elif hasattr(filter_.extra.get("queryset"), "model"):
                source = filter_.extra["queryset"]
                model = _choice_model(source)
                if model is not ContentType:
                    filter_.extra["queryset"] = narrow_choices(model, source, request.user)


class ScopedFiltersMixin:
    """For listing views: filters (site, owner, edited by …) name only the user's tenants and their editors.

    Applied in setup() because a viewset may hand the filter set class to the view as an argument.
    """

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.filterset_class = scoped_filterset(self.filterset_class)


@cache
def scoped_filterset(filterset_class):
    """A subclass of a django-filter FilterSet whose choices are narrowed to the user's tenants."""
    if filterset_class is None or issubclass(filterset_class, ScopedFilterSetMixin):
        return filterset_class
    return type(f"Scoped{filterset_class.__name__}", (ScopedFilterSetMixin, filterset_class), {})


# The user's own media and their tags (tag filters of the media listings, tag suggestions) ---------


def own_media(queryset, user):
    """Media in the collections of the user's tenants (everything for central admins)."""
    if scoping.is_central_admin(user):
        return queryset
    return queryset.filter(collection__in=scoping.collections_for_user(user))


def own_ids(model, user):
    return own_media(model.objects.all(), user).values_list("pk", flat=True)


def popular_tags_for_user(model, user, count=10):
    """The tags most used on the user's own media of a model (Wagtail counts every tenant's)."""
    if scoping.is_central_admin(user):
        return popular_tags_for_model(model, count)
    items = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=own_ids(model, user)
    )
    return (
        Tag.objects.filter(taggit_taggeditem_items__in=items)
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count")[:count]
    )

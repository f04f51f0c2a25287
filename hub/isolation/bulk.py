"""Bulk actions (delete, publish, move … on several selected items) name only what the user may see.

Wagtail's bulk action pages list the selected items the user may not act on ("you don't have
permission to …"), by title, for any ids in the address, or for every object when the selection is
"all". Items of other tenants are left out of the selection altogether, as if they did not exist.
"""

from functools import cache

from django.apps import apps
from django.http import Http404
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import CollectionMember, Page
from wagtail.permissions import policy_registry

from hub.tenancy import scoping
from hub.tenancy.filters import own_media
from hub.tenancy.policies import TenantPermissionPolicy

from .pages import visible_pages


def visible_ids(user, model, ids):
    """The ids among `ids` of objects of `model` the user may see."""
    queryset = model._default_manager.filter(pk__in=ids)
    if scoping.is_central_admin(user):
        return set(queryset.values_list("pk", flat=True))
    if issubclass(model, Page):
        queryset = visible_pages(user, queryset)
    elif issubclass(model, CollectionMember):
        queryset = own_media(queryset, user)
    else:
        policy = policy_registry.get_by_type(model)
        if isinstance(policy, TenantPermissionPolicy):
            queryset = queryset.filter(
                pk__in=policy.instances_user_has_any_permission_for(user, ["add", "change", "delete", "view"])
            )
    return set(queryset.values_list("pk", flat=True))


class TenantBulkActionMixin:
    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        selected = [obj.pk for obj in objects] + [obj.pk for obj in extra.get("items_with_no_access", [])]
        visible = visible_ids(self.request.user, self.model, selected)
        objects = [obj for obj in objects if obj.pk in visible]
        extra["items_with_no_access"] = [obj for obj in extra.get("items_with_no_access", []) if obj.pk in visible]
        return objects, extra


@cache
def tenant_action_class(action_class):
    return type(f"Tenant{action_class.__name__}", (TenantBulkActionMixin, action_class), {})


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk action dispatcher, running each action with the tenant-aware selection."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as e:
        raise Http404 from e
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    return tenant_action_class(action_class)(request, model).dispatch(request)

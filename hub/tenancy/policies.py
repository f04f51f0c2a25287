"""Permission policies for records that belong to a tenant through a foreign key."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy, ModelPermissionPolicy

from . import scoping


class TenantPermissionPolicy(BaseDjangoAuthPermissionPolicy):
    """Django model permissions, each valid on the tenants of the group it was granted through.

    `tenant_lookup` leads from the model to its Department ("department", "site__department").
    A record without a tenant (e.g. a redirect for every site) needs a permission valid everywhere.
    """

    def __init__(self, model, tenant_lookup="department"):
        super().__init__(model)
        self.tenant_lookup = tenant_lookup

    def department_ids(self, user, actions):
        return scoping.permitted_department_ids(user, self.app_label, self._get_permission_codenames(actions))

    def tenant_id_of(self, instance):
        """The id of the tenant a record belongs to, following `tenant_lookup`; None if it has none."""
        *path, last = self.tenant_lookup.split("__")
        obj = instance
        for name in path:
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        if hasattr(obj, f"{last}_id"):
            return getattr(obj, f"{last}_id")
        try:  # a reverse one-to-one, e.g. Site → Department
            tenant = getattr(obj, last)
        except ObjectDoesNotExist:
            return None
        return tenant.pk if tenant is not None else None

    def user_has_permission(self, user, action):
        return self.user_has_any_permission(user, [action])

    def user_has_any_permission(self, user, actions):
        ids = self.department_ids(user, actions)
        return ids is None or bool(ids)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        ids = self.department_ids(user, actions)
        return ids is None or self.tenant_id_of(instance) in ids

    def instances_user_has_any_permission_for(self, user, actions):
        ids = self.department_ids(user, actions)
        return self.model._default_manager.filter(scoping.tenant_q(ids, self.tenant_lookup))

    def users_with_any_permission(self, actions):
        return self._get_users_with_any_permission_codenames(self._get_permission_codenames(actions))

    def users_with_any_permission_for_instance(self, actions, instance):
        codenames = self._get_permission_codenames(actions)
        permissions = Permission.objects.filter(content_type=self._content_type, codename__in=codenames)
        # A permission held through another tenant's group does not reach this record.
        valid_groups = Q(groups__tenant_group__isnull=True) | Q(
            groups__tenant_group__department_id=self.tenant_id_of(instance)
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=permissions)
                | (Q(groups__permissions__in=permissions) & valid_groups)
            )
            .distinct()
        )


class KeptRecordPolicy(TenantPermissionPolicy):
    """For records the government must keep (a citizen's letter, request, application, comment).

    Nobody deletes one through Wagtail's delete view or bulk action, whatever permissions they hold,
    superusers included: removal is a separate, logged act of the central admins with a reason.
    """

    def department_ids(self, user, actions):
        actions = [action for action in actions if action != "delete"]
        if not actions:
            return set()
        return super().department_ids(user, actions)


class CentralAdminPermissionPolicy(ModelPermissionPolicy):
    """Model permissions that count for central admins only (子站管理): held through a tenant's group,
    or directly by anyone else, they give nothing."""

    def user_has_permission(self, user, action):
        return scoping.is_central_admin(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        central = Q(is_superuser=True) | Q(groups__name=scoping.CENTRAL_ADMIN_GROUP)
        return super().users_with_any_permission(actions).filter(central).distinct()

"""Who may keep a site's best bets and read its search statistics: its webmasters, and central admins."""

from wagtail.permission_policies.base import BasePermissionPolicy

from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.scoping import departments_for_user, is_central_admin, roles_for_user


def managed_departments(user):
    """The tenants whose search a user manages (a queryset): all for central admins, else their webmaster sites."""
    if not user.is_authenticated or not user.is_active:
        return Department.objects.none()
    if is_central_admin(user):
        return Department.objects.all()
    ids = [d.pk for d in departments_for_user(user) if TenantGroup.Role.WEBMASTER in roles_for_user(user, d)]
    return Department.objects.filter(pk__in=ids)


class SiteSearchPermissionPolicy(BasePermissionPolicy):
    """Every action on a record with a `department` is allowed on the departments the user manages."""

    def user_has_permission(self, user, action):
        return managed_departments(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return managed_departments(user).filter(pk=instance.department_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return self.model._default_manager.filter(department__in=managed_departments(user))

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(is_active=True, is_superuser=True)

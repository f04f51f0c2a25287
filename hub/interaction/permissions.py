"""Model permissions the citizen channels give each tenant role and the central admins.

Held through a tenant's group, a permission applies to that tenant's records only (the
TenantPermissionPolicy of `hub.tenancy.policies`). Letters, requests and applications carry
personal data: only the staff of the tenant they are assigned to get to read them, so the central
admins (e-government centre) manage mailboxes, the calendar and life events but read no letters.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.scoping import CENTRAL_ADMIN_GROUP

HANDLE = ["view", "change"]
MANAGE = ["add", "change", "delete", "view"]


def _pairs(app_label, spec):
    return [(app_label, f"{action}_{model}") for model, actions in spec.items() for action in actions]


class RoleGrants:
    """Which permissions of one app each role holds; granted at onboarding and after every migrate."""

    def __init__(self, app_label, roles, central):
        self.app_label = app_label
        self.roles = {role: _pairs(app_label, spec) for role, spec in roles.items()}
        self.central = _pairs(app_label, central)

    def _permissions(self, pairs):
        if not pairs:
            return []
        query = Q()
        for app_label, codename in pairs:
            query |= Q(content_type__app_label=app_label, codename=codename)
        return list(Permission.objects.filter(query))

    def grant_tenant(self, department):
        for tenant_group in TenantGroup.objects.filter(department=department).select_related("group"):
            tenant_group.group.permissions.add(*self._permissions(self.roles.get(tenant_group.role, [])))

    def grant_central(self):
        group = Group.objects.filter(name=CENTRAL_ADMIN_GROUP).first()
        if group is not None:
            group.permissions.add(*self._permissions(self.central))

    def on_onboarding(self, sender, department, **kwargs):
        self.grant_tenant(department)
        self.grant_central()

    def after_migrate(self, sender, app_config=None, using="default", **kwargs):
        # auth creates an app's permissions in its own post_migrate receiver, which may run after
        # this one; creating them here first is idempotent.
        if app_config is not None:
            create_permissions(app_config, verbosity=0, using=using)
        for department in Department.objects.using(using).all():
            self.grant_tenant(department)
        self.grant_central()


INTERACTION_GRANTS = RoleGrants(
    "interaction",
    roles={
        TenantGroup.Role.WEBMASTER: {
            "mailbox": ["view", "change"],
            "letter": HANDLE,
            "consultationcomment": HANDLE,
            "disclosurerequest": HANDLE,
            "errorreport": HANDLE,
        },
        TenantGroup.Role.EDITOR: {
            "letter": HANDLE,
            "consultationcomment": HANDLE,
            "disclosurerequest": HANDLE,
            "errorreport": HANDLE,
        },
        TenantGroup.Role.REVIEWER: {},
    },
    central={"mailbox": MANAGE, "calendarday": MANAGE},
)

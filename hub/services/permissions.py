"""Service items are kept by their department's editors; applications are handled by its staff."""

from hub.interaction.permissions import HANDLE, MANAGE, RoleGrants
from hub.tenancy.models import TenantGroup

SERVICE_GRANTS = RoleGrants(
    "services",
    roles={
        TenantGroup.Role.WEBMASTER: {"serviceitem": MANAGE, "serviceapplication": HANDLE, "lifeevent": ["view"]},
        TenantGroup.Role.EDITOR: {
            "serviceitem": ["add", "change", "view"],
            "serviceapplication": HANDLE,
            "lifeevent": ["view"],
        },
        TenantGroup.Role.REVIEWER: {"serviceitem": ["view"]},
    },
    # Central admins keep the shared life events and may correct any department's items.
    central={"lifeevent": MANAGE, "serviceitem": MANAGE},
)

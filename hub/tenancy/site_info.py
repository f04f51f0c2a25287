"""本站信息: what a tenant's webmasters keep up to date on their own record (contact details and the
承办单位 of the footer). Code, hostname, kind, online state and the required marks stay with the
central admins (子站管理)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Department
from .scoping import can_act

# The only fields 本站信息 writes, whatever a request posts.
SITE_INFO_FIELDS = ["address", "postcode", "phone", "email", "office_hours", "organizer"]


def can_edit_site_info(user, department):
    """Central admins, and the tenant's own webmasters ("manage" on it)."""
    return can_act(user, department, "manage")


class UpdateSiteInfo:
    """check() + execute(): save the 本站信息 fields of one tenant, logged."""

    log_action = "tenancy.site_info"

    def __init__(self, department, user):
        self.department = department
        self.user = user

    def is_allowed(self):
        return can_edit_site_info(self.user, self.department)

    def check(self):
        if not self.is_allowed():
            raise PermissionDenied(_("只有本站的网站管理员可以修改本站信息。"))

    def execute(self, data):
        self.check()
        values = {name: (data.get(name) or "").strip() for name in SITE_INFO_FIELDS if name in data}
        with transaction.atomic():
            changed = {name: value for name, value in values.items() if getattr(self.department, name) != value}
            Department.objects.filter(pk=self.department.pk).update(**changed)
            for name, value in changed.items():
                setattr(self.department, name, value)
            log(self.department, self.log_action, user=self.user, data={"fields": sorted(changed)})
        return changed

"""The directory entry's admin form: also edits the contact details, which are kept on the tenant."""

from django.db import transaction
from wagtail.admin.forms import WagtailAdminModelForm

from hub.tenancy.choices import LimitChoicesFormMixin
from hub.tenancy.models import Department

from .models import CONTACT_FIELDS


def _department_field(name):
    return Department._meta.get_field(name).formfield()


class DirectoryEntryForm(LimitChoicesFormMixin, WagtailAdminModelForm):
    """LimitChoicesFormMixin: a leader's profile page is one the user may link to, never another
    tenant's unpublished page."""

    address = _department_field("address")
    postcode = _department_field("postcode")
    phone = _department_field("phone")
    email = _department_field("email")
    office_hours = _department_field("office_hours")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        department = self.instance.department if self.instance.department_id else None
        if department is not None:
            for name in CONTACT_FIELDS:
                self.initial.setdefault(name, getattr(department, name))
        if "department" in self.fields:
            field = self.fields["department"]
            if self.instance.pk:
                # An entry describes one tenant for good.
                field.disabled = True
            else:
                # One entry per tenant: offer only tenants that have none yet.
                field.queryset = Department.objects.exclude(pk__in=type(self.instance).objects.values("department_id"))

    @transaction.atomic
    def save(self, commit=True):
        entry = super().save(commit=commit)
        department = entry.department
        changed = [name for name in CONTACT_FIELDS if getattr(department, name) != self.cleaned_data[name]]
        for name in changed:
            setattr(department, name, self.cleaned_data[name])
        if changed and commit:
            department.save(update_fields=changed)
        return entry

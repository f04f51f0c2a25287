"""The audit log knows its tenant: every log entry is stamped with the tenant of the object acted on.

Wagtail records the acting user and the action; a receiver adds the tenant's code to the entry's
data when it is written (later changes to the object, or its deletion, cannot lose it). The site
history shows an editor their tenants' entries, and lets a central admin filter by tenant.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models import BaseLogEntry, PageLogEntry

from hub.tenancy import scoping
from hub.tenancy.models import Department

logger = logging.getLogger(__name__)

# The key under which a log entry's data holds the tenant's code.
TENANT_KEY = "tenant"


def log_entry_tenant(entry):
    """The tenant of the object a log entry is about, or None (shared data, accounts)."""
    if isinstance(entry, PageLogEntry):
        page = entry.page if entry.page_id else None
        return scoping.department_for_page(page) if page is not None else None
    content_type = getattr(entry, "content_type", None)
    object_id = getattr(entry, "object_id", None)
    if content_type is None or object_id in (None, ""):
        return None
    try:
        obj = content_type.get_object_for_this_type(pk=object_id)
    except (ObjectDoesNotExist, ValueError, TypeError):
        return None
    return scoping.tenant_of(obj)


@receiver(pre_save)
def stamp_log_entry_tenant(sender, instance, raw=False, **kwargs):
    if raw or instance.pk or not isinstance(instance, BaseLogEntry):
        return
    data = instance.data if isinstance(instance.data, dict) else {}
    if TENANT_KEY in data:
        return
    department = log_entry_tenant(instance)
    if department is not None:
        instance.data = {**data, TENANT_KEY: department.code}


def tenant_codes_for_user(user):
    ids = scoping.department_ids_for_user(user)
    if ids is None:
        return None
    return list(Department.objects.filter(pk__in=ids).values_list("code", flat=True))


def tenant_filter_q(user):
    """Log entries the user may read: those of their tenants (all for central admins)."""
    codes = tenant_codes_for_user(user)
    if codes is None:
        return scoping.everything_q()
    return Q(**{f"data__{TENANT_KEY}__in": codes})

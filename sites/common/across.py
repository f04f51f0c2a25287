"""Listing pages of many tenants at once (catalogue, topics), each item's tenant known without a query per item."""

from django.db.models import Q
from wagtail.models import Page

from hub.tenancy.scoping import department_map, paths_q

ROOT_PATH_LENGTH = 2 * Page.steplen


def tenant_roots(department=None, *, locale_id=None, departments=None):
    """{locale root path: Department} of every online tenant, or of one tenant; optionally one locale's roots.

    `departments` is a `department_map()` the caller already has.
    """
    departments = department_map() if departments is None else departments
    roots = {
        path: tenant
        for path, tenant in departments.items()
        if tenant.is_online and (department is None or tenant.pk == department.pk)
    }
    if locale_id is not None:
        in_locale = set(Page.objects.filter(path__in=list(roots), locale_id=locale_id).values_list("path", flat=True))
        roots = {path: tenant for path, tenant in roots.items() if path in in_locale}
    return roots


def originals_q(roots):
    """Pages under these roots that are not synced copies (aliases) of pages elsewhere."""
    return paths_q(list(roots)) & Q(alias_of__isnull=True, depth__gt=2)


def attach_departments(items, roots):
    """Give each listed page its tenant, so `item.department` costs nothing."""
    for item in items:
        item._department = roots.get(item.path[:ROOT_PATH_LENGTH])
    return items

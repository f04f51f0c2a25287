"""The one place that answers "which tenant does this belong to" and "which tenants may this user act on".

Pages belong to a tenant through the tree: a site's root and its translations are siblings at
depth 2 sharing one translation key, so a tenant's pages are everything under any of those roots.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, Site

from .models import Department

# Length of a treebeard path segment; a depth-2 page's path is two segments long.
STEPLEN = Page.steplen
CENTRAL_ADMIN_GROUP = "中心管理员"


def locale_roots(department):
    """Every locale's root page of a tenant's site (the zh-hans root and its translations)."""
    root = department.site.root_page
    return Page.objects.filter(depth=root.depth, translation_key=root.translation_key)


def root_paths(departments):
    """Path prefixes of every locale root of the given tenants."""
    keys = [d.site.root_page.translation_key for d in departments]
    return list(Page.objects.filter(depth=2, translation_key__in=keys).values_list("path", flat=True))


def paths_q(paths, prefix=""):
    """A Q matching every page under any of the given root paths; matches nothing for none."""
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{prefix}path__startswith": path}) for path in paths))


def pages_q(departments, prefix=""):
    """A Q matching every page of the given tenants, in every locale; matches nothing for none."""
    return paths_q(root_paths(departments), prefix)


def pages_for(departments):
    departments = [departments] if isinstance(departments, Department) else list(departments)
    return Page.objects.filter(pages_q(departments))


def department_map():
    """{locale root path: Department} for every tenant; one query for sites, one for roots."""
    departments = list(Department.objects.select_related("site__root_page"))
    by_key = {d.site.root_page.translation_key: d for d in departments}
    roots = Page.objects.filter(depth=2, translation_key__in=by_key).values_list("path", "translation_key")
    return {path: by_key[key] for path, key in roots}


def department_for_page(page):
    """The tenant a page belongs to, or None for pages outside every site."""
    if page.depth < 2:
        return None
    root_path = page.path[: 2 * STEPLEN]
    root = Page.objects.filter(path=root_path).only("translation_key").first()
    if root is None:
        return None
    return (
        Department.objects.select_related("site").filter(site__root_page__translation_key=root.translation_key).first()
    )


def department_for_request(request):
    """The tenant whose hostname served this request (cached on the request)."""
    if not hasattr(request, "_hub_department"):
        site = Site.find_for_request(request)
        request._hub_department = (
            Department.objects.select_related("site", "logo").filter(site=site).first() if site else None
        )
    return request._hub_department


def is_central_admin(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=CENTRAL_ADMIN_GROUP).exists())


def departments_for_user(user):
    """The tenants a user may act on: all for central admins, else those of their tenant groups."""
    if not user.is_authenticated or not user.is_active:
        return Department.objects.none()
    if is_central_admin(user):
        return Department.objects.all()
    return Department.objects.filter(tenant_groups__group__user=user).distinct()


def roles_for_user(user, department):
    """The roles (TenantGroup.Role values) a user holds on one tenant."""
    return set(department.tenant_groups.filter(group__user=user).values_list("role", flat=True))

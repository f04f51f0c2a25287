"""The one place that answers "which tenant does this belong to" and "which tenants may this user act on".

Pages belong to a tenant through the tree: a site's root and its translations are siblings at
depth 2 sharing one translation key, so a tenant's pages are everything under any of those roots.
"""

from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import Collection, Page, Site

from .models import Department, TenantGroup

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


def page_department(page):
    """The tenant of a page (cached on page types that know it)."""
    try:
        return page.department
    except AttributeError:
        return department_for_page(page)


def department_for_request(request):
    """The tenant whose hostname served this request (cached on the request)."""
    if not hasattr(request, "_hub_department"):
        site = Site.find_for_request(request)
        request._hub_department = (
            Department.objects.select_related("site", "logo").filter(site=site).first() if site else None
        )
    return request._hub_department


def _cache(user):
    """Answers about one user, kept on the user object (which lives for one request in the admin)."""
    cache = getattr(user, "_hub_scoping", None)
    if cache is None:
        cache = user._hub_scoping = {}
    return cache


def is_central_admin(user):
    if not user.is_authenticated or not user.is_active:
        return False
    cache = _cache(user)
    if "central" not in cache:
        cache["central"] = user.is_superuser or user.groups.filter(name=CENTRAL_ADMIN_GROUP).exists()
    return cache["central"]


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


# How: what each role may do on its own tenant. Model permissions refine this per model (see
# permitted_department_ids); these capabilities decide the surfaces that have no model permission.
ROLE_CAPABILITIES = {
    TenantGroup.Role.WEBMASTER: {"view", "edit", "publish", "review", "manage"},
    TenantGroup.Role.EDITOR: {"view", "edit"},
    TenantGroup.Role.REVIEWER: {"view", "review"},
}


def tenant_roles(user):
    """{department id: frozenset of roles} for every tenant the user holds a role on."""
    if not user.is_authenticated or not user.is_active:
        return {}
    cache = _cache(user)
    if "roles" not in cache:
        roles = {}
        for department_id, role in TenantGroup.objects.filter(group__user=user).values_list("department_id", "role"):
            roles.setdefault(department_id, set()).add(role)
        cache["roles"] = {key: frozenset(value) for key, value in roles.items()}
    return cache["roles"]


def department_ids_for_user(user, capability="view"):
    """Ids of the tenants the user may act on with a capability; None means every tenant (central admin)."""
    if is_central_admin(user):
        return None
    return {
        department_id
        for department_id, roles in tenant_roles(user).items()
        if any(capability in ROLE_CAPABILITIES[role] for role in roles)
    }


def can_act(user, department, capability="view"):
    """Whether the user may act on this tenant with a capability ("view", "edit", "publish", "review", "manage")."""
    if department is None:
        return is_central_admin(user)
    ids = department_ids_for_user(user, capability)
    return ids is None or department.pk in ids


def permitted_department_ids(user, app_label, codenames):
    """Ids of the tenants on which the user holds any of these model permissions; None means every tenant.

    A model permission held through a tenant's group applies to that tenant only. Held directly, through
    a group that serves no tenant (such as the central admins'), or as a superuser, it applies to all.
    """
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    key = ("perm", app_label, frozenset(codenames))
    cache = _cache(user)
    if key not in cache:
        permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        if permissions.filter(user=user).exists():
            cache[key] = None
        else:
            holders = set(
                permissions.filter(group__user=user).values_list("group__tenant_group__department_id", flat=True)
            )
            cache[key] = None if None in holders else holders
    return cache[key]


def everything_q(prefix=""):
    """A Q matching every row. (An empty Q() would vanish when OR-ed with another condition.)"""
    return Q(**{f"{prefix}pk__isnull": False})


def tenant_q(department_ids, lookup="department"):
    """A Q matching objects whose tenant (reached through `lookup`) is one of these ids; None matches all."""
    if department_ids is None:
        return everything_q()
    return Q(**{f"{lookup}__in": list(department_ids)})


def scope_queryset(queryset, user, lookup="department", capability="view"):
    """Only the objects of the tenants the user may act on (every object for central admins)."""
    return queryset.filter(tenant_q(department_ids_for_user(user, capability), lookup))


def visible_pages_q(user, prefix=""):
    """A Q matching every page, draft or live, of the tenants the user may act on."""
    ids = department_ids_for_user(user)
    if ids is None:
        return everything_q(prefix)
    return pages_q(Department.objects.filter(pk__in=ids).select_related("site__root_page"), prefix)


def linkable_pages_q(user, prefix=""):
    """Pages a user may choose as a link target: all of their own tenants' and other tenants' live pages.

    The public already sees live pages, so linking across sites is allowed; drafts stay private.
    """
    if is_central_admin(user):
        return everything_q(prefix)
    return visible_pages_q(user, prefix) | Q(**{f"{prefix}live": True, f"{prefix}depth__gt": 1})


def collections_for_user(user):
    """The media collections (each tenant's and the collections below it) the user may see."""
    ids = department_ids_for_user(user)
    if ids is None:
        return Collection.objects.all()
    roots = Collection.objects.filter(department__in=ids)
    return Collection.objects.filter(paths_q(list(roots.values_list("path", flat=True)))) if roots else roots


def visible_users(user):
    """Accounts the user may see named in the admin: those serving one of their tenants, and themselves."""
    users = get_user_model().objects.all()
    ids = department_ids_for_user(user)
    if ids is None:
        return users
    return users.filter(Q(groups__tenant_group__department__in=ids) | Q(pk=user.pk)).distinct()


def department_for_site(site):
    if site is None:
        return None
    return Department.objects.filter(site=site).first()


def department_for_collection(collection):
    """The tenant whose media collection is this one or one of its ancestors."""
    steplen = Collection.steplen
    paths = [collection.path[:end] for end in range(steplen, len(collection.path) + 1, steplen)]
    return Department.objects.filter(collection__path__in=paths).order_by("-collection__depth").first()


def tenant_of(obj):
    """The tenant any object belongs to: a page (through the tree), a tenant-owned record (its foreign
    key), an image or document (its collection), a site, redirect or site setting (its site), a
    tenant's group; None for shared data and objects outside every tenant."""
    if obj is None:
        return None
    if isinstance(obj, Department):
        return obj
    if isinstance(obj, Page):
        return department_for_page(obj)
    if isinstance(obj, Site):
        return department_for_site(obj)
    if isinstance(obj, Collection):
        return department_for_collection(obj)
    tenant_field = getattr(type(obj), "tenant_field", None)
    if callable(tenant_field):
        target = obj
        for name in tenant_field().split("__"):
            target = getattr(target, name, None)
        return target if isinstance(target, Department) else None
    if isinstance(obj, Group):
        tenant_group = TenantGroup.objects.filter(group=obj).select_related("department").first()
        return tenant_group.department if tenant_group else None
    for attribute in ("page", "collection", "site"):
        if getattr(obj, f"{attribute}_id", None) is not None:
            return tenant_of(getattr(obj, attribute))
    return None

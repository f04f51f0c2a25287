"""Every route of the admin (Wagtail's, wagtail-localize's and ours) is scoped, closed or tenant-neutral.

The URL resolver is walked as Django matches requests: for each address only the first pattern
answers, so Wagtail's screens that `hub.isolation.urls` shadows count as the layer's. Every other
route needs its row in `hub.isolation.routes.ADMIN_ROUTES`: a route a Wagtail upgrade adds fails
here until someone has decided how it keeps tenants apart.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import URLResolver, get_resolver
from wagtail.models import GroupCollectionPermission

from hub.isolation import routes
from hub.isolation import urls as isolation_urls

ADMIN = "admin/"
SHADOWED = {ADMIN + str(pattern.pattern) for pattern in isolation_urls.urlpatterns}
# Views built on the scoped building blocks (TenantOwnedViewSet, TenantPageViewSet …).
SCOPED_MODULES = ("hub.isolation.", "hub.tenancy.snippets")


def walk(resolver, prefix="", namespace=None):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            yield from walk(pattern, route, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
        else:
            yield route, pattern, namespace


def admin_routes():
    """(route, URL name or None, view's module) for each admin address, as the first pattern serves it."""
    seen = set()
    for route, pattern, namespace in walk(get_resolver()):
        if not route.startswith(ADMIN) or route in seen:
            continue
        seen.add(route)
        view = pattern.callback
        view = getattr(view, "view_class", None) or getattr(view, "cls", None) or view
        name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
        yield route, name, view.__module__


ROUTES = list(admin_routes())


def classify(route, name, module):
    if route in SHADOWED or module.startswith(SCOPED_MODULES):
        return routes.SCOPED
    row = routes.row_for(name) if name else None
    row = row or routes.row_for(route)
    return row.kind if row else None


def test_the_walk_finds_the_whole_admin():
    names = {name for _route, name, _module in ROUTES}
    assert len(ROUTES) > 300
    assert {"wagtailadmin_pages:edit", "wagtailusers_users:index", "wagtail_localize:edit_string_translation"} <= names
    assert "workflow:queue" in names


def test_every_admin_route_is_scoped_closed_or_neutral():
    unclassified = [
        f"{route}  ({name}, {module})" for route, name, module in ROUTES if not classify(route, name, module)
    ]
    assert unclassified == [], "classify these routes in hub/isolation/routes.py:\n" + "\n".join(unclassified)


def test_every_row_still_names_a_route():
    used = set()
    for route, name, _module in ROUTES:
        for key in (name, route):
            if key and key in routes.ADMIN_ROUTES:
                used.add(key)
            elif key and ":" in key and f"{key.rpartition(':')[0]}:*" in routes.ADMIN_ROUTES:
                used.add(f"{key.rpartition(':')[0]}:*")
    assert set(routes.ADMIN_ROUTES) - used == set()


def test_every_row_gives_its_reason():
    assert all(row.kind in (routes.SCOPED, routes.CLOSED, routes.NEUTRAL) for row in routes.ADMIN_ROUTES.values())
    assert all(len(row.reason) > 20 for row in routes.ADMIN_ROUTES.values())


def tenant_permissions(groups):
    held = set(Permission.objects.filter(group__in=groups))
    held |= {gcp.permission for gcp in GroupCollectionPermission.objects.filter(group__in=groups)}
    return held


@pytest.mark.django_db
def test_what_the_table_calls_closed_or_shared_tenant_roles_cannot_change(world):
    """A closed route's model: a tenant's groups hold no permission on it; shared data: at most to view it."""
    groups = [group for tenant in (world.a, world.b) for group in tenant.groups.values()]
    held = tenant_permissions(groups)
    assert held, "the tenants' groups hold permissions (the check below has something to find)"
    wrong = []
    for key, row in routes.ADMIN_ROUTES.items():
        if row.model is None:
            continue
        model = apps.get_model(row.model)
        on_model = {p.codename for p in held if p.content_type.model_class() is model}
        allowed = {f"view_{model._meta.model_name}"} if row.kind == routes.NEUTRAL else set()
        if on_model - allowed:
            wrong.append(f"{key}: tenant roles hold {sorted(on_model - allowed)}")
    assert wrong == []

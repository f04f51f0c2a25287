"""Listings home pages share: the latest items of one site, or of every site but one."""

from django.apps import apps

from hub.tenancy.scoping import department_map, paths_q

from .models import ArticlePage


def latest_in_site(root, *, count, kind=None, model=None):
    """Newest published items under a site root, in the root's locale."""
    page_model = apps.get_model(model) if model else ArticlePage
    queryset = page_model.objects.live().public().descendant_of(root).filter(locale_id=root.locale_id)
    if kind:
        queryset = queryset.filter(kind=kind)
    return list(queryset.order_by("-date", "-pk")[:count])


def latest_across_sites(*, exclude_root, count):
    """Newest published news of every other site in the same locale, for the portal's front page."""
    departments = department_map()
    online_roots = [path for path, department in departments.items() if department.is_online]
    items = list(
        ArticlePage.objects.live()
        .public()
        .filter(locale_id=exclude_root.locale_id, depth__gt=2)
        .exclude(path__startswith=exclude_root.path)
        .filter(paths_q(online_roots))
        .order_by("-date", "-pk")[:count]
    )
    for item in items:
        item._department = departments.get(item.path[: len(exclude_root.path)])
    return items

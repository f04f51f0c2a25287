"""Template tags of the standard theme: navigation built in one query each, and small formatting helpers.

Every tag reads the current tenant from the context (`current_department`, set by the tenancy
context processor) and caches what it fetched on the request, so a page that shows the same
navigation twice (the main menu and the home page's quick entries) pays for it once.
"""

import datetime
import re

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.models import Page

from hub.i18n.languages import published_languages
from hub.tenancy import generations

register = template.Library()

STEPLEN = Page.steplen
ROOT_DEPTH = 2
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _cached(context, key, compute):
    """Compute once per request; without a request (rendering outside a view), every time."""
    request = context.get("request")
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_theme_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) and page.depth >= ROOT_DEPTH else None


def _locale_root_path(context):
    """Tree path of the current site's root in the language being shown.

    Pages carry it in their own path; pages served outside the tree (404, offline) ask for the
    translation of the site root in the active language, falling back to the site root itself.
    """
    page = _current_page(context)
    if page is not None:
        return page.path[: ROOT_DEPTH * STEPLEN]
    department = context.get("current_department")
    if department is None:
        return None

    def lookup():
        root_id = department.site.root_page_id
        language = translation.get_language() or settings.LANGUAGE_CODE
        rows = dict(
            Page.objects.filter(
                depth=ROOT_DEPTH,
                translation_key__in=Page.objects.filter(pk=root_id).values("translation_key"),
            ).values_list("locale__language_code", "path")
        )
        return rows.get(language) or rows.get(settings.LANGUAGE_CODE) or next(iter(rows.values()), None)

    return _cached(context, "locale_root_path", lookup)


def menu_items(context):
    """The site's column plan: live top-level columns shown in menus, in the language shown (one query)."""
    root_path = _locale_root_path(context)
    if root_path is None:
        return []

    def lookup():
        return list(
            Page.objects.filter(
                depth=ROOT_DEPTH + 1, path__startswith=root_path, live=True, show_in_menus=True
            ).order_by("path")
        )

    return _cached(context, "menu_items", lookup)


@register.simple_tag(takes_context=True)
def home_url(context):
    """The site root in the active language ("/", "/ug/" …); no query."""
    try:
        return reverse("wagtail_serve", args=[""])
    except NoReverseMatch:
        return "/"


@register.inclusion_tag("themes/tags/main_menu.html", takes_context=True)
def main_menu(context):
    page = _current_page(context)
    current_path = page.path if page else ""
    items = [
        {"page": item, "active": current_path.startswith(item.path), "current": item.path == current_path}
        for item in menu_items(context)
    ]
    return {
        "request": context.get("request"),
        "items": items,
        "home_url": home_url(context),
        "home_active": page is not None and page.depth == ROOT_DEPTH,
    }


@register.inclusion_tag("themes/tags/column_links.html", takes_context=True)
def column_links(context):
    """Quick-entry tiles to the site's columns; shares the main menu's query."""
    return {"request": context.get("request"), "items": menu_items(context)}


@register.simple_tag(takes_context=True)
def section_nav(context):
    """The top-level column the page sits in and its live sub-columns (one query), or None.

    Use: {% section_nav as nav %}{% if nav %}{% include "themes/tags/section_nav.html" %}{% endif %}

    Sub-columns are listed whether or not they are shown in menus: the main menu carries only the
    top level, and this side navigation is how readers reach the level below.
    """
    page = _current_page(context)
    if page is None or page.depth <= ROOT_DEPTH:
        return None
    section_path = page.path[: (ROOT_DEPTH + 1) * STEPLEN]
    column_type = ContentType.objects.get_for_model(apps.get_model(settings.HUB_COLUMN_PAGE_MODEL))
    rows = list(
        Page.objects.filter(path__startswith=section_path, live=True)
        .filter(Q(depth=ROOT_DEPTH + 1) | Q(depth=ROOT_DEPTH + 2, content_type=column_type))
        .order_by("path")
    )
    if len(rows) < 2:
        return None
    return {
        "section": rows[0],
        "columns": [
            {"page": row, "current": "page" if row.path == page.path else page.path.startswith(row.path)}
            for row in rows[1:]
        ],
        "section_current": page.path == section_path,
    }


@register.inclusion_tag("themes/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Home, then every ancestor below the site root, then the page itself (one query)."""
    page = _current_page(context)
    if page is None or page.depth <= ROOT_DEPTH:
        return {"ancestors": [], "page": None}
    paths = [page.path[: depth * STEPLEN] for depth in range(ROOT_DEPTH + 1, page.depth)]
    ancestors = list(Page.objects.filter(path__in=paths).order_by("depth")) if paths else []
    return {
        "request": context.get("request"),
        "home_url": home_url(context),
        "ancestors": ancestors,
        "page": page,
    }


def department_sites(context):
    """Online tenants for the department bar, the portal first (one query, sites joined)."""

    def lookup():
        sites = context.get("department_sites")
        if sites is None:
            return []
        return sorted(sites, key=lambda department: not department.is_portal)

    return _cached(context, "department_sites", lookup)


@register.inclusion_tag("themes/tags/department_bar.html", takes_context=True)
def department_bar(context):
    current = context.get("current_department")
    return {"departments": department_sites(context), "current_id": current.pk if current else None}


@register.simple_tag
def error_report_platform_url():
    """The national 我为政府网站找错 platform's address (a setting; empty hides the footer link)."""
    return getattr(settings, "HUB_ERROR_REPORT_PLATFORM_URL", "")


@register.simple_tag
def site_group_generation():
    """The generation that keys fragment caches of cross-tenant panels (hub/tenancy/generations.py).

    Use: {% site_group_generation as generation %}{% cache 3600 name generation … %}…{% endcache %}
    """
    return generations.generation(generations.SITE_GROUP)


@register.simple_tag(takes_context=True)
def portal_site(context):
    """The portal tenant among the online sites, or None."""
    return next((d for d in department_sites(context) if d.is_portal), None)


@register.inclusion_tag("themes/tags/language_links.html", takes_context=True)
def language_links(context):
    """Links to this page in every language it is live in and its tenant publishes; nothing if only one.

    One query, and one more for the tenant's languages when the page has translations.
    """
    page = _current_page(context)
    if page is None:
        return {"links": []}
    request = context.get("request")
    translations = list(page.get_translations(inclusive=True).live().select_related("locale").order_by("locale_id"))
    if len(translations) < 2:
        return {"links": []}
    published = published_languages(context.get("current_department"))
    order = list(LANGUAGE_NAMES)
    links = []
    for translation_page in translations:
        code = translation_page.locale.language_code
        if code not in published:
            continue
        url = translation_page.get_url(request=request)
        if url and code in LANGUAGE_NAMES:
            links.append(
                {
                    "code": code,
                    "name": LANGUAGE_NAMES[code],
                    "dir": "rtl" if code in settings.RTL_LANGUAGES else "ltr",
                    "url": url,
                    "current": translation_page.pk == page.pk,
                }
            )
    links.sort(key=lambda link: order.index(link["code"]))
    return {"links": links if len(links) > 1 else []}


@register.simple_tag
def attachments_of(page):
    """A page's attachments with their documents joined (one query, not one per attachment)."""
    manager = getattr(page, "attachments", None)
    if manager is None:
        return []
    queryset = manager.all()
    # Previews of unsaved edits hand over an in-memory set that cannot join.
    if hasattr(queryset, "query"):
        queryset = queryset.select_related("document")
    return list(queryset)


@register.filter
def item_date(item):
    """The date to show beside a listed page: its own publication date, else when it was first published."""
    value = getattr(item, "date", None)
    if isinstance(value, datetime.date):
        return value
    published = getattr(item, "first_published_at", None) or getattr(item, "last_published_at", None)
    return timezone.localtime(published).date() if published else None


@register.filter
def digits(value):
    """Only the digits of a record number, e.g. for the public-security record query link."""
    return re.sub(r"\D", "", str(value or ""))


@register.filter
def file_size(num_bytes):
    """A document size in KB or MB, with one decimal; empty when unknown."""
    if not num_bytes:
        return ""
    if num_bytes < 1024 * 1024:
        return f"{max(num_bytes / 1024, 0.1):.1f} KB"
    return f"{num_bytes / (1024 * 1024):.1f} MB"


@register.simple_tag
def list_columns(**lists):
    """For each named list of pages, the live column its first item sits in (one query for all).

    Home pages use it for the "more" link of every block: {% list_columns news=news as columns %}.
    """
    parent_paths = {
        name: items[0].path[:-STEPLEN] for name, items in lists.items() if items and items[0].depth > ROOT_DEPTH + 1
    }
    if not parent_paths:
        return {}
    columns = {page.path: page for page in Page.objects.filter(path__in=set(parent_paths.values()), live=True)}
    return {name: columns[path] for name, path in parent_paths.items() if path in columns}


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current one with gaps (None) elsewhere: 1 … 4 5 [6] 7 8 … 20."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    ]


@register.simple_tag
def leader_speeches(leader, count=20):
    """A leader's published speeches, newest first (one query)."""
    return list(leader.speeches.live().public().order_by("-date", "-pk")[:count])


@register.simple_tag
def text_direction():
    """ "rtl" for the active language when it is written right to left (Uyghur, Kyrgyz), else "ltr".

    For templates rendered without the context processors, such as the 500 page.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    return "rtl" if language in settings.RTL_LANGUAGES else "ltr"

"""A tenant's pages for search engines and visitors: sitemap.xml, robots.txt and the 网站地图 page.

Wagtail's own sitemap (wagtail.contrib.sitemaps) lists the descendants of the site's root page only,
which is the Chinese tree: the Uyghur, Kyrgyz and English trees are translations of that root outside
it, and it writes no hreflang alternates. So the sitemap here is Wagtail's Sitemap class (its
location and lastmod, and each page's own `get_sitemap_urls()`), fed with the live, public pages of
every language the tenant publishes, and Django's sitemap view and template write the alternates:
each language version of a page (one translation key) names every other one and the Chinese
original as x-default.
"""

from django.apps import apps
from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from hub.i18n.languages import default_language, locale_code, published_languages


def site_roots(department):
    """The tenant's live site root in each language it publishes, Chinese first: {language: root}."""
    languages = published_languages(department)
    root = department.site.root_page
    locales = dict(Locale.objects.filter(language_code__in=languages).values_list("pk", "language_code"))
    roots = {}
    for page in Page.objects.filter(translation_key=root.translation_key, locale_id__in=locales).live():
        roots[locales[page.locale_id]] = page
    return {language: roots[language] for language in languages if language in roots}


def public_pages(department):
    """The live pages without view restriction under the tenant's roots in its published languages."""
    roots = site_roots(department)
    if not roots:
        return Page.objects.none()
    queryset = Page.objects.none()
    for root in roots.values():
        queryset = queryset | Page.objects.descendant_of(root, inclusive=True)
    return queryset.live().public()


class TenantSitemap(Sitemap):
    """Every live public page of one tenant, in each published language, with its language versions."""

    def __init__(self, request, department):
        super().__init__(request)
        self.department = department

    def items(self):
        return public_pages(self.department).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        keys = {item.translation_key for item in pages}
        languages = {item.pk: _language(item) for item in pages}
        versions = {}
        for item in pages:
            versions.setdefault(item.translation_key, []).append(item)
        # Language versions of a page on another page of the paginator are still alternates.
        known = {item.pk for item in pages}
        others = public_pages(self.department).filter(translation_key__in=keys).exclude(pk__in=known)
        for item in others.specific():
            languages[item.pk] = _language(item)
            versions.setdefault(item.translation_key, []).append(item)
        locations = {}
        for group in versions.values():
            for item in group:
                locations[item.pk] = item.get_full_url(self.request)
        urls = []
        last_mods = set()
        for item in pages:
            group = [other for other in versions[item.translation_key] if locations.get(other.pk)]
            alternates = []
            if len(group) > 1:
                alternates = [
                    {"lang_code": languages[other.pk], "location": locations[other.pk]}
                    for other in sorted(group, key=lambda other: _order(languages[other.pk]))
                ]
                chinese = [alt for alt in alternates if alt["lang_code"] == default_language()]
                if chinese:
                    alternates.append({"lang_code": "x-default", "location": chinese[0]["location"]})
            for url_info in item.get_sitemap_urls(self.request):
                url_info = dict(url_info)
                if url_info.get("location") == locations.get(item.pk):
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _language(page):
    return locale_code(page.locale_id)


def _order(language):
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return codes.index(language) if language in codes else len(codes)


def columns(department, language):
    """The tenant's columns in one language for the 网站地图 page: [(column, [sub-columns])], menu order."""
    root = site_roots(department).get(language)
    if root is None:
        return []
    column_model = apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)
    pages = list(
        Page.objects.descendant_of(root)
        .filter(depth__lte=root.depth + 2)
        .live()
        .public()
        .type(column_model)
        .order_by("path")
    )
    top = [page for page in pages if page.depth == root.depth + 1]
    return [
        (column, [page for page in pages if page.depth == column.depth + 1 and page.path.startswith(column.path)])
        for column in top
    ]

"""Wagtail's cache of site root paths, filled in two queries instead of one per site."""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION, SiteRootPath


def warm_site_root_paths():
    """Compute `Site.get_site_root_paths()`'s value as Wagtail does, unless it is cached already.

    Wagtail queries each site's translations separately, so a cold cache cost one query per tenant
    on the first page that builds a link; a site group must not grow its page cost with its size.
    """
    if cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION) is not None:
        return
    sites = list(
        Site.objects.select_related("root_page", "root_page__locale").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    result = []
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        translations = {}
        keys = {site.root_page.translation_key for site in sites}
        for page in Page.objects.filter(translation_key__in=keys).select_related("locale").order_by("path"):
            translations.setdefault(page.translation_key, []).append(page)
        for site in sites:
            result.extend(
                SiteRootPath(site.id, page.url_path, site.root_url, page.locale.language_code)
                for page in translations.get(site.root_page.translation_key, [])
            )
    else:
        result = [
            SiteRootPath(site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
            for site in sites
        ]
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, result, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitemapsConfig(AppConfig):
    """sitemap.xml, robots.txt and the 网站地图 page per tenant (no models)."""

    name = "hub.sitemaps"
    label = "site_maps"  # django.contrib.sitemaps holds "sitemaps"
    verbose_name = _("网站地图")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "hub.cache"
    label = "pagecache"
    verbose_name = _("页面缓存")

    def ready(self):
        from . import checks, purge, receivers  # noqa: F401

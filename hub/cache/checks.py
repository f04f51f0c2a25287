from django.conf import settings
from django.core import checks

from .generations import page_cache


@checks.register(checks.Tags.caches)
def shared_cache_for_workers(app_configs, **kwargs):
    """A local-memory cache is per process: a change would invalidate only the worker that made it."""
    if settings.DEBUG or not getattr(settings, "HUB_PAGE_CACHE_SECONDS", 0):
        return []
    if type(page_cache()).__name__ != "LocMemCache":
        return []
    return [
        checks.Warning(
            "The page cache is in local memory, which each worker process keeps for itself: a change "
            "invalidates only the process that made it.",
            hint="With more than one worker process set CACHE_URL=file:///var/cache/portalhub (one machine) "
            "or redis://… (several), or HUB_PAGE_CACHE_SECONDS=0.",
            id="pagecache.W001",
        )
    ]

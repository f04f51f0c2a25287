"""Generation numbers: cache keys that cannot go stale.

A cached fragment's key includes `generation(key)`; any change that could alter what the fragment
shows calls `bump(key)`, so the next render asks for a key that was never filled and renders fresh.
Old entries are never read again and expire on their own. There is no list of entries to purge.

The numbers live in Django's cache (`CACHE_URL`), so several app servers sharing Redis see the same
generation. A missing number (a fresh or flushed cache) starts from the current time in nanoseconds,
never from a number used before, so an entry from before a flush cannot be read again.

Keys in use:

- ``SITE_GROUP`` — what the public pages show across tenants: the department bar, the portal's
  department news and 领导之窗. Bumped by every page publish, unpublish, move and delete, and by
  saving or deleting a site or any record of SITE_GROUP_APPS (`connect()` wires the signals).
- the page cache's (hub/cache): the site group's and each tenant's, kept with `read_many` / `bump_many`
  in the cache that holds its pages.
"""

import time

from django.core.cache import cache as default_cache

PREFIX = "hub:generation:"
SITE_GROUP = "site-group"
# Apps whose records the cross-tenant panels show: tenants, the directory, translated names.
SITE_GROUP_APPS = ("tenancy", "directory", "i18n")


def read_many(keys, cache=None):
    """{key: number} for these generation keys, starting the missing ones (one round trip when all are set).

    The primitive every generation number is built on: the fragment caches' here and the page cache's
    per-tenant numbers (hub/cache), which keep theirs in the cache their pages live in.
    """
    cache = cache or default_cache
    values = cache.get_many(keys)
    missing = [key for key in keys if key not in values]
    for key in missing:
        cache.add(key, time.time_ns(), timeout=None)
    if missing:
        values.update(cache.get_many(missing))
    return values


def bump_many(keys, cache=None):
    """Start a new generation of each key: entries keyed on an old number are never read again."""
    cache = cache or default_cache
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:  # not set yet (or evicted): any fresh value is new
            cache.set(key, time.time_ns(), timeout=None)


def generation(key):
    """The current generation of `key` (an integer)."""
    return read_many([PREFIX + key])[PREFIX + key]


def bump(key):
    """Start a new generation of `key`: fragments keyed on the old one are never read again."""
    bump_many([PREFIX + key])


def _bump_site_group(**kwargs):
    bump(SITE_GROUP)


def _bump_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump(SITE_GROUP)


def connect():
    """Bump SITE_GROUP on every change the cross-tenant panels show (called from TenancyConfig.ready).

    Pages: publish (a rename is one), unpublish, move, delete. Draft saves change nothing public.
    """
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_bump_site_group, dispatch_uid="generations-published")
    page_unpublished.connect(_bump_site_group, dispatch_uid="generations-unpublished")
    post_page_move.connect(_bump_site_group, dispatch_uid="generations-moved")
    post_delete.connect(_bump_on_page_delete, dispatch_uid="generations-page-deleted")
    models = [Site]
    for label in SITE_GROUP_APPS:
        models += apps.get_app_config(label).get_models()
    for model in models:
        label = model._meta.label
        post_save.connect(_bump_site_group, sender=model, dispatch_uid=f"generations-save-{label}")
        post_delete.connect(_bump_site_group, sender=model, dispatch_uid=f"generations-delete-{label}")

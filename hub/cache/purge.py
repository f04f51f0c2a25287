"""Tells the HTTP cache in front (Varnish, deploy/varnish/default.vcl) what to drop, on every bump.

``HUB_FRONT_CACHE_URLS`` lists the front caches' addresses (e.g. ``http://127.0.0.1:6081``). For a
tenant's bump each receives ``BAN /`` with that tenant's hostname as ``Host``; for shared data one
``BAN /`` with ``X-Ban-All: 1``. The VCL accepts BAN only from localhost and drops every object
stored for that hostname (its ``X-Pagecache-Host``). A front cache that cannot be reached is logged
and skipped: its objects expire on their own after ``HUB_FRONT_CACHE_SECONDS``.

Wagtail's frontend-cache app (wagtail.contrib.frontend_cache) purges a list of URLs per page; a
tenant-wide ban is what makes a page's column lists, home pages, the portal's panels and feeds fresh
too, so it is not used.
"""

import http.client
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.dispatch import receiver

from .generations import generation_bumped

logger = logging.getLogger(__name__)
TIMEOUT = 2


def ban(url, hostname=None):
    """Send one BAN to a front cache: a tenant's hostname, or everything when hostname is None."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=TIMEOUT)
    headers = {"Host": hostname} if hostname else {"Host": parts.netloc, "X-Ban-All": "1"}
    try:
        connection.request("BAN", "/", headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            logger.warning("Front cache %s refused a ban of %s: %s", url, hostname or "everything", response.status)
    except OSError as error:
        logger.warning("Front cache %s unreachable for a ban of %s: %s", url, hostname or "everything", error)
    finally:
        connection.close()


@receiver(generation_bumped, dispatch_uid="pagecache.front_cache_ban")
def ban_in_front_caches(sender, hostnames, everything, reason="", **kwargs):
    for url in getattr(settings, "HUB_FRONT_CACHE_URLS", ()):
        if everything:
            ban(url)
        else:
            for hostname in hostnames:
                ban(url, hostname)

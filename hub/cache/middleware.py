"""The page cache: whole responses of public pages for anonymous visitors, answered before the rest
of the middleware stack runs.

Placed right after SecurityMiddleware. A request is a candidate when it is a GET or HEAD, carries
none of the cookies that make it personal (session, CSRF token, pending messages) and is not for an
admin, search or document address; its key is the scheme, the tenant's hostname and port, the path
(which holds the language: /ug/, /ky/, /en/, unprefixed Chinese) and the normalised query string,
under the site group's and the tenant's generation numbers. Unknown hostnames and over-long or
over-many query strings are never cached. A response is stored only when it is a 200 or 301 that
sets no cookie, asked for no CSRF token, carries no message, is not private or marked uncacheable
(Cache-Control private, no-cache, no-store, max-age=0), was not rendered for a signed-in user, a
preview or a view-restricted page, and is not streamed. Stored responses carry ``X-Pagecache-Host``,
which tells a front cache (deploy/varnish/default.vcl) that it may keep them, and for which tenant.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.http.request import split_domain_port

from .generations import GLOBAL_KEY, page_cache, read, tenant_key

TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = {"fbclid", "gclid", "spm", "_hsenc", "mc_cid", "mc_eid"}
MAX_PARAMETERS = 6
MAX_QUERY_LENGTH = 256
MAX_BODY = 1024 * 1024
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
HOST_HEADER = "X-Pagecache-Host"
STATUS_HEADER = "X-Hub-Cache"


def personal_cookies():
    """Cookies whose presence means the visitor may see something of their own."""
    return {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
        *getattr(settings, "HUB_PAGE_CACHE_SKIP_COOKIES", ()),
    }


def normalised_query(query_string):
    """The query string that matters (tracking parameters left out, sorted), or None when too big to cache."""
    if not query_string:
        return ""
    if len(query_string) > 4 * MAX_QUERY_LENGTH:
        return None
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if name not in TRACKING_PARAMETERS and not name.startswith(TRACKING_PREFIXES)
    ]
    if len(pairs) > MAX_PARAMETERS:
        return None
    query = urlencode(sorted(pairs))
    return query if len(query) <= MAX_QUERY_LENGTH else None


def mark_uncacheable(request):
    """Views and hooks call this for a response that must not be cached (e.g. a view-restricted page)."""
    request._pagecache_skip = True


class TenantHostnames:
    """The set of tenant hostnames, read once per site-group generation."""

    def __init__(self):
        self.generation = None
        self.hostnames = frozenset()

    def get(self, generation):
        if generation != self.generation:
            from hub.tenancy.models import Department

            self.hostnames = frozenset(Department.objects.values_list("hostname", flat=True))
            self.generation = generation
        return self.hostnames


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.tenants = TenantHostnames()

    def __call__(self, request):
        seconds = getattr(settings, "HUB_PAGE_CACHE_SECONDS", 0)
        key, hostname = self.key(request) if seconds else (None, None)
        if key is None:
            response = self.get_response(request)
            response.headers.setdefault(STATUS_HEADER, "pass")
            return response
        cache = page_cache()
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers[STATUS_HEADER] = "hit"
            return response
        # Only a request that may be stored pays for the checks made to refuse storing (e.g. view restrictions).
        request._pagecache_candidate = True
        response = self.get_response(request)
        if request.method == "GET" and self.storable(request, response):
            response.headers[HOST_HEADER] = hostname
            headers = [(name, value) for name, value in response.headers.items() if name != STATUS_HEADER]
            cache.set(key, (response.status_code, headers, response.content), seconds)
            response.headers[STATUS_HEADER] = "miss"
        else:
            response.headers[STATUS_HEADER] = "pass"
        return response

    def key(self, request):
        """(cache key, tenant hostname), or (None, None) when this request is not served from the cache."""
        if request.method not in ("GET", "HEAD"):
            return None, None
        if not personal_cookies().isdisjoint(request.COOKIES):
            return None, None
        path = request.path
        if any(part in path for part in getattr(settings, "HUB_PAGE_CACHE_SKIP_PATHS", ())):
            return None, None
        query = normalised_query(request.META.get("QUERY_STRING", ""))
        if query is None:
            return None, None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None, None
        hostname, port = split_domain_port(host)
        hostname = hostname.rstrip(".")
        generations = read([GLOBAL_KEY, tenant_key(hostname)])
        if hostname not in self.tenants.get(generations[GLOBAL_KEY]):
            return None, None
        digest = hashlib.sha256(f"{path}?{query}".encode()).hexdigest()[:32]
        return (
            f"pagecache:page:{generations[GLOBAL_KEY]}:{generations[tenant_key(hostname)]}:"
            f"{request.scheme}:{hostname}:{port}:{digest}"
        ), hostname

    def storable(self, request, response):
        if response.status_code not in (200, 301) or response.streaming or response.cookies:
            return False
        if getattr(request, "_pagecache_skip", False) or getattr(request, "is_preview", False):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE"):
            return False
        messages = getattr(request, "_messages", None)
        if messages is not None and getattr(messages, "_queued_messages", None):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
        if directives & UNCACHEABLE_DIRECTIVES or "max-age=0" in response.get("Cache-Control", "").replace(" ", ""):
            return False
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
        if not vary <= {"cookie", "accept-language", "accept-encoding"}:
            return False
        return len(response.content) <= MAX_BODY

"""Send anonymous public reads to a PostgreSQL streaming replica; everything else to the primary.

Configured by `DATABASE_REPLICA_URL` (the settings add the alias ``replica``); without it the router
does nothing and every query goes to ``default``, as on one box.

Which requests may read from the replica is decided once per request by `ReplicaMiddleware`, before
any other middleware touches the database: a GET/HEAD/OPTIONS of a public page from a visitor who has
no session cookie (signed-in users, a citizen who submitted a letter and holds its receipt) and has
not written anything in the last `HUB_REPLICA_STICKY_SECONDS` seconds. Any other request reads from the
primary. Admin addresses always use the primary.

Read-your-writes: a visitor's non-safe request (POST, PUT, …) is answered with a short-lived cookie
(`PRIMARY_COOKIE`) that sends their following requests to the primary until the replica has had time
to replay the write (replication lag is milliseconds on one network; the window is seconds).

Writes always go to the primary (``db_for_write``), migrations run only there, and code outside a
request (management commands, tasks, tests' set-up) always uses the primary.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

REPLICA = "replica"
PRIMARY = "default"
PRIMARY_COOKIE = "hub_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ADMIN_PREFIXES = ("/admin/", "/django-admin/")

_reads_on_replica = ContextVar("hub_reads_on_replica", default=False)


def has_replica():
    return REPLICA in connections.databases


def sticky_seconds():
    return int(getattr(settings, "HUB_REPLICA_STICKY_SECONDS", 15))


def may_read_from_replica(request):
    """True for an anonymous visitor's safe request to a public address, with no recent write."""
    if request.method not in SAFE_METHODS:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or PRIMARY_COOKIE in request.COOKIES:
        return False
    return not request.path.startswith(ADMIN_PREFIXES)


class ReplicaRouter:
    """Reads on the replica inside requests `ReplicaMiddleware` allowed; all else on the primary."""

    def db_for_read(self, model, **hints):
        if _reads_on_replica.get() and has_replica():
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary: objects read from either may be related.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica is read-only and follows the primary's schema through replication.
        return db == PRIMARY


class ReplicaMiddleware:
    """Decide per request whether its reads may go to the replica; mark writers for read-your-writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_on_replica.set(has_replica() and may_read_from_replica(request))
        try:
            response = self.get_response(request)
        finally:
            _reads_on_replica.reset(token)
        if request.method not in SAFE_METHODS and has_replica():
            response.set_cookie(
                PRIMARY_COOKIE,
                "1",
                max_age=sticky_seconds(),
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

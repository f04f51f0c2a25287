"""Generation numbers: the whole invalidation mechanism of the page cache.

Every cached page's key holds two numbers, the site group's (``ALL``) and its tenant's (by hostname).
A change bumps the numbers of the tenants that show it, so every page of theirs is a miss from then
on, whatever its address: nothing has to know which URLs show what. Old entries are never read
again and expire by themselves.

A bump happens at once (so the process that made the change, and a test inside a transaction, see
it) and again once the transaction commits, when ``generation_bumped`` is sent for front-engine
purgers: a page rendered between the two from data not yet committed was stored under the first new
number and is dropped by the second, and a purge sent before the commit could let a front cache
fetch the old page again.

A missing number (never set, or evicted) starts from the clock in nanoseconds, far above any number
a bump could have reached before, so an old entry never becomes current again.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.dispatch import Signal

from hub.tenancy import generations

ALL = "*"
GLOBAL_KEY = "pagecache:gen:*"

# Sent after commit on every bump; arguments: hostnames (the tenants' hostnames, sorted; empty when
# everything), everything (bool: shared data, every tenant and any host), reason (str).
generation_bumped = Signal()


def page_cache():
    return caches[getattr(settings, "HUB_PAGE_CACHE_ALIAS", "default")]


def tenant_key(hostname):
    return f"pagecache:gen:{hostname}"


def _hostnames(departments):
    from hub.tenancy.models import Department

    names, ids = set(), set()
    for department in departments:
        if isinstance(department, Department):
            names.add(department.hostname)
        elif isinstance(department, int):
            ids.add(department)
        elif department:
            names.add(str(department).lower())
    if ids:
        names.update(Department.objects.filter(pk__in=ids).values_list("hostname", flat=True))
    return names


def read(keys):
    """{key: number} for the given generation keys, starting the missing ones."""
    return generations.read_many(keys, page_cache())


def generation(department):
    """The current generation number of a tenant (a Department, its id or hostname), or of ``ALL``."""
    if department == ALL:
        key = GLOBAL_KEY
    else:
        (hostname,) = _hostnames([department]) or {""}
        key = tenant_key(hostname)
    return read([key])[key]


def _bump(keys):
    generations.bump_many(keys, page_cache())


def _keys(hostnames):
    return [GLOBAL_KEY] if hostnames == ALL else [tenant_key(name) for name in sorted(hostnames)]


def _after_commit(connection):
    pending, connection._pagecache_pending = connection._pagecache_pending, None
    if not pending:
        return
    everything = ALL in pending
    hostnames = ALL if everything else set(pending)
    _bump(_keys(hostnames))
    if everything:
        hostnames = ()
    reasons = sorted({reason for reason in pending.values() if reason})
    generation_bumped.send(
        sender=None, hostnames=sorted(hostnames), everything=everything, reason="; ".join(reasons)[:500]
    )


def invalidate(departments, reason=""):
    """Make every cached page of these tenants stale; ``departments=ALL`` for shared data.

    ``departments`` is an iterable of Departments, ids or hostnames. Bumps at once and again after
    the current transaction commits (once per transaction, however many calls it made).
    """
    hostnames = ALL if departments == ALL else _hostnames(departments)
    if not hostnames:
        return
    _bump(_keys(hostnames))
    connection = transaction.get_connection()
    registered = connection.in_atomic_block and any(
        getattr(callback, "_pagecache", False) for _sids, callback, _robust in connection.run_on_commit
    )
    if not registered:
        connection._pagecache_pending = {}
    pending = connection._pagecache_pending
    for name in [ALL] if hostnames == ALL else hostnames:
        pending.setdefault(name, reason)
    if not registered:

        def callback():
            _after_commit(connection)

        callback._pagecache = True
        transaction.on_commit(callback)

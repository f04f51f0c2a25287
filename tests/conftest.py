"""Fixtures shared by the whole suite: the demo site group (loaded once per run) and fresh tenants.

The demo is committed to the test database the first time a test asks for it, and stays. So that
no other test depends on whether it is there, tests that ask for `demo` run after every other
database test (see pytest_collection_modifyitems). Transactional tests (transaction=True) run
last and must ask for serialized_rollback=True: their teardown empties the database, and the
snapshot restored before each of them includes the demo once it is loaded.
"""

import pytest
from django.conf import settings
from django.db import connection, transaction

from tests import factories


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    vendor = database["ENGINE"].rsplit(".", 1)[-1]
    if vendor == "sqlite3":
        where = "SQLite, in memory" if database["NAME"] in ("", ":memory:") else f"SQLite {database['NAME']}"
    else:
        options = database.get("OPTIONS", {})
        host = database.get("HOST") or options.get("host", "")
        port = database.get("PORT") or options.get("port", "")
        where = f"{vendor} {database['NAME']} at {host}:{port}"
    return f"database: {where}"


def on_postgresql():
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


def _uses_db(item):
    return item.get_closest_marker("django_db") is not None or "db" in item.fixturenames


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # After pytest-django's own ordering (database tests, then transactional ones, then the rest):
    # move the database tests that load the demo to the end of their group. Stable sort.
    def group(item):
        if _is_transactional(item) or not _uses_db(item):
            return 2
        return 1 if "demo" in item.fixturenames else 0

    items.sort(key=group)

    if not on_postgresql():
        skip = pytest.mark.skip(
            reason="needs PostgreSQL: SQLite serialises writers, so the row locking under test never happens "
            "(make test runs it on a private PostgreSQL cluster)"
        )
        for item in items:
            if item.get_closest_marker("postgres"):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The demo site group, committed to the test database once per run; returns the loader's summary.

    Its `per_site` keys are the demo tenants' codes. Tests that use it must not rely on anything
    being absent, and must not change it (their own changes are rolled back as usual).
    """
    from fixtures.loader import load_demo

    with django_db_blocker.unblock():
        summary = load_demo(port=80)
        if hasattr(connection, "_test_serialized_contents"):
            # Transactional tests restore this snapshot; taken before the demo, restoring it over
            # the demo would reset the root page's and root collection's child counts.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return summary


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a whole test module, rolled back after it (setUpTestData's role).

    Module-scoped fixtures that depend on this build data once for the module; each test still
    rolls back its own changes. Don't combine with `demo` in one module: a demo first loaded
    inside this transaction would be rolled back with it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def site(db):
    """A freshly onboarded department site."""
    return factories.make_site()


@pytest.fixture(autouse=True)
def fresh_fragment_caches():
    """Each test starts a new site-group generation: a fragment cached by an earlier test, whose
    database changes were rolled back without a signal, is never shown to this one."""
    from hub.tenancy import generations

    generations.bump(generations.SITE_GROUP)

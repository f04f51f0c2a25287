"""Fixtures shared by the whole suite: the demo site group (loaded once per run) and fresh tenants."""

import pytest
from django.conf import settings
from django.db import connection

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


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The demo site group, loaded into the test database once per run and kept for later tests.

    Returns the loader's summary (its `per_site` keys are the demo tenants' codes). Tests that use
    it must not rely on anything being absent. Tests with transaction=True must also ask for
    serialized_rollback=True: their teardown empties the database, and the snapshot they restore
    at setup is retaken here so that it includes the demo.
    """
    from fixtures.loader import load_demo

    with django_db_blocker.unblock():
        summary = load_demo(port=80)
        if hasattr(connection, "_test_serialized_contents"):
            # Without this, restoring the pre-demo snapshot over the demo would reset the root
            # page's and root collection's child counts and corrupt both trees.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return summary


@pytest.fixture
def site(db):
    """A freshly onboarded department site."""
    return factories.make_site()


@pytest.fixture
def portal_like_site(db):
    """A freshly onboarded site of the portal kind (the demo's portal may also exist)."""
    return factories.make_site(kind="portal")


def pytest_collection_modifyitems(config, items):
    if on_postgresql():
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: SQLite serialises writers, so the row locking under test never happens "
        "(make test runs it on a private PostgreSQL cluster)"
    )
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)

"""What the citizen-channel test packages share: the built-once world, private files, rate limits, hypothesis.

A world is built once per test package (not per module) in a transaction rolled back after the
package; each test runs in its own savepoint. No test in a package with a world may use `demo`:
the demo would be loaded inside that transaction and rolled back with it.
"""

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property-based tests: no example database in the working tree, no per-example deadline (the first
# request of a test pays for template loading).
hypothesis_settings.register_profile(
    "hub",
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("hub")


def world_fixture(build):
    """A package-scoped fixture returning `build()`, run once and rolled back after the package."""

    @pytest.fixture(scope="package")
    def world(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    return world


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Citizens' files in a throw-away folder (outside MEDIA_ROOT, like in production)."""
    settings.HUB_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.HUB_PRIVATE_MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def path_of(page):
    """The page's path on its own site (requests send the site's hostname as HTTP_HOST)."""
    return page.get_url_parts()[2]


def login(client, user):
    client.force_login(user)
    return client

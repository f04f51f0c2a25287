"""The two-tenant world is built once for the isolation tests, inside a transaction rolled back after
them (each test runs in a savepoint of it), so nothing is left for the rest of the suite."""

import pytest
from django.db import transaction

from .world import build_world


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)

"""The two-tenant world is built once per test module inside a transaction rolled back afterwards."""

import pytest
from django.db import transaction

from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)

"""The site group's search backend: Chinese-aware full-text search in the database.

Configure it with one dotted path, ``"BACKEND": "hub.search.backends"``; the implementation is chosen
by the default database connection's vendor (PostgreSQL or SQLite).
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection


def SearchBackend(params):  # noqa: N802 - modelsearch looks the backend up by this name
    if connection.vendor == "postgresql":
        from .postgres import SegmentingPostgresSearchBackend

        return SegmentingPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SegmentingSQLiteSearchBackend

        return SegmentingSQLiteSearchBackend(params)
    raise ImproperlyConfigured(f"hub.search.backends supports PostgreSQL and SQLite, not {connection.vendor}")

"""Tests: SQLite in memory by default; DATABASE_URL=postgres://… runs the same suite on PostgreSQL."""

import os

import dj_database_url

from .base import *  # noqa: F403
from .base import with_replica

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["localhost", ".localhost", "testserver", "127.0.0.1"]
DATABASES = with_replica({"default": dj_database_url.parse(os.environ.get("DATABASE_URL", "sqlite://:memory:"))})
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A form page type used only by the tenant isolation tests (the sites have no form page yet).
INSTALLED_APPS = INSTALLED_APPS + ["tests.isolation.forms_app"]  # noqa: F405
# Inspections queued from the admin run at once in tests (the worker command is tested on its own).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "inspection": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# The page cache is off for the suite (tests/cache switch it on); HUB_PAGE_CACHE_SECONDS=300 runs any
# test module with it, to see that every change a test makes shows at once.
HUB_PAGE_CACHE_SECONDS = int(os.environ.get("HUB_PAGE_CACHE_SECONDS", "0"))

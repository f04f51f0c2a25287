"""The page cache switched on, empty, for each test; helpers that fetch pages anonymously."""

import pytest
from django.core.cache import caches


@pytest.fixture
def page_cache(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    settings.HUB_FRONT_CACHE_URLS = []
    caches["default"].clear()
    yield
    caches["default"].clear()


def fetch(client, host, path, status=200):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == status, f"{host}{path}: {response.status_code}"
    return response


def warm(client, pages):
    """Fetch each (host, path) twice; the second answer must come from the cache, else the test proves nothing."""
    for host, path in pages:
        fetch(client, host, path)
        assert fetch(client, host, path)["X-Hub-Cache"] == "hit", f"{host}{path} is not cached"


def text(client, host, path, status=200):
    return fetch(client, host, path, status).content.decode()


def stale(client, pages, present=(), absent=()):
    """Pages (host, path) where a `present` string is missing or an `absent` one is shown."""
    found = []
    for host, path in pages:
        content = text(client, host, path)
        found += [f"{host}{path}: {value} missing" for value in present if value not in content]
        found += [f"{host}{path}: {value} still shown" for value in absent if value in content]
    return found

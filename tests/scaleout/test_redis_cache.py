"""CACHE_URL=redis://… makes a real Redis server the cache shared by several app servers.

The test starts its own redis-server in a temporary folder on a private loopback port (Debian:
apt-get install redis-server; skipped with that message when it is missing).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import CacheHandler

from hub.settings.base import caches_from_url

REDIS = shutil.which("redis-server")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(REDIS is None, reason="redis-server not installed (apt-get install redis-server)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def app_server(url, code):
    """Run `code` in a separate Python process configured like an app server with CACHE_URL=url."""
    env = {**os.environ, "CACHE_URL": url, "DJANGO_SETTINGS_MODULE": "hub.settings.test"}
    script = f"import django; django.setup(); from django.core.cache import cache; {code}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_cache_url_selects_django_redis():
    caches = caches_from_url("redis://cache.internal:6379/1")
    assert caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert caches["default"]["LOCATION"] == "redis://cache.internal:6379/1"
    assert caches_from_url("locmem://")["default"]["BACKEND"].endswith("LocMemCache")


def test_several_app_servers_share_one_redis_cache(redis_url):
    here = CacheHandler(caches_from_url(redis_url))["default"]
    # One app server writes (an entry, and a counter bumped atomically), another reads.
    app_server(
        redis_url,
        "cache.set('portal:home', '克州人民政府门户网站', 60); cache.set('generation', 1); cache.incr('generation')",
    )
    assert here.get("portal:home") == "克州人民政府门户网站"
    assert app_server(redis_url, "print(cache.get('generation'))") == "2"
    here.delete("portal:home")
    assert app_server(redis_url, "print(cache.get('portal:home', 'miss'))") == "miss"
    assert (
        app_server(redis_url, "from django.core.cache import caches; print(type(caches['default']).__module__)")
        == "django_redis.cache"
    )

"""The real HTTP cache in front: Varnish with deploy/varnish/default.vcl before a live test server.

Skipped with a message where varnishd is not installed (`apt-get install varnish`); .ci/run installs it.
"""

import http.client
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests import factories

VARNISHD = shutil.which("varnishd") or (Path("/usr/sbin/varnishd") if Path("/usr/sbin/varnishd").exists() else None)
VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"

pytestmark = [
    pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed (apt-get install varnish)"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "default.vcl"
    vcl.write_text(re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text(), count=1))
    port = free_port()
    process = subprocess.Popen(
        [str(VARNISHD), "-F", "-j", "none", "-n", str(tmp_path / "work"), "-a", f"127.0.0.1:{port}"]
        + ["-f", str(vcl), "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"varnishd did not start: {process.stdout.read().decode(errors='replace')}")
            time.sleep(0.1)
    settings.HUB_PAGE_CACHE_SECONDS = 300
    settings.HUB_FRONT_CACHE_URLS = [f"http://127.0.0.1:{port}"]
    yield port
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def get(port, host, path="/", target=None, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", target or path, headers={"Host": host, **headers})
        response = connection.getresponse()
        return response.status, response.getheader("X-Cache"), response.read().decode()
    finally:
        connection.close()


def current(host_name, content):
    return f'aria-current="true" title="{host_name}"' in content


def test_varnish_serves_from_cache_and_shows_an_edit_at_once(varnish):
    site = factories.make_site()
    article = factories.make_article(factories.column(site, "gzdt"), title="前端缓存测试原标题")
    url = article.relative_url(site.site)

    assert get(varnish, site.hostname, url)[:2] == (200, "MISS")
    status, cache, content = get(varnish, site.hostname, url)
    assert (status, cache) == (200, "HIT")
    assert "前端缓存测试原标题" in content
    get(varnish, site.hostname, "/gzdt/")
    assert get(varnish, site.hostname, "/gzdt/")[1] == "HIT"

    article.title = "前端缓存测试新标题"
    article.save_revision().publish()

    for path in (url, "/gzdt/"):
        status, cache, content = get(varnish, site.hostname, path)
        assert (status, cache) == (200, "MISS"), path
        assert "前端缓存测试新标题" in content and "前端缓存测试原标题" not in content, path


def test_a_signed_in_editor_never_gets_a_cached_page(varnish):
    site = factories.make_site()
    get(varnish, site.hostname, "/")
    assert get(varnish, site.hostname, "/")[1] == "HIT"
    client = Client()
    client.force_login(get_user_model().objects.create_user("varnish_editor", password="x"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    for _ in range(2):
        assert get(varnish, site.hostname, "/", Cookie=cookie)[1] == "MISS"
    assert get(varnish, site.hostname, "/gzdt/", Cookie=cookie)[1] == "MISS"
    # Nothing the editor was sent was stored for anonymous visitors.
    assert get(varnish, site.hostname, "/gzdt/")[1] == "MISS"


def test_a_crafted_host_cannot_poison_another_tenants_cache(varnish):
    first, second = factories.make_site(), factories.make_site()

    # Another tenant's name smuggled in beside Host, or in an absolute request target: each answer
    # is stored, if at all, under the hostname it was rendered for.
    get(varnish, first.hostname, "/", **{"X-Forwarded-Host": second.hostname})
    get(varnish, first.hostname, target=f"http://{second.hostname}/")
    status, cache, content = get(varnish, second.hostname, "/")
    assert status == 200 and current(second.name, content)
    status, cache, content = get(varnish, first.hostname, "/")
    assert status == 200 and current(first.name, content)

    # Other spellings of a tenant's hostname share its entry, with its own content.
    status, cache, content = get(varnish, first.hostname.upper() + ":8080", "/")
    assert (status, cache) == (200, "HIT") and current(first.name, content)

    # A hostname that is no tenant's is never stored.
    assert [get(varnish, "nobody.localhost", "/")[1] for _ in range(2)] == ["MISS", "MISS"]

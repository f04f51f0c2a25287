"""A real Chromium visits the portal and a department site through their own hostnames."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from hub.tenancy.models import Department

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling home, which a closed network refuses slowly.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
# Both database runs may take screenshots at once; each keeps its own.
DATABASE = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI installs it, so the browser tests must run there")
    pytest.skip(reason)


@pytest.fixture
def browser_page(live_server, demo):
    """A Playwright page in Debian's Chromium; every database read must happen before it opens."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install playwright)")
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page.set_default_timeout(15_000)
        yield page
        browser.close()


@pytest.fixture
def tenants(live_server, demo):
    """Host names and names of the demo tenants, read before the browser starts."""
    departments = Department.objects.online().filter(code__in=demo.per_site).order_by("sort_order", "code")
    return [
        {"code": d.code, "name": d.name, "short_name": d.short_name, "hostname": d.hostname, "portal": d.is_portal}
        for d in departments
    ]


def url(live_server, hostname, path="/"):
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{hostname}:{port}{path}"


def test_portal_links_every_department_and_a_department_site_opens(live_server, tenants, browser_page):
    portal = next(t for t in tenants if t["portal"])
    departments = [t for t in tenants if not t["portal"]]
    assert departments, "the demo has no department sites"

    response = browser_page.goto(url(live_server, portal["hostname"]))

    assert response.status == 200
    assert browser_page.get_by_text(portal["name"], exact=True).first.is_visible()
    bar = browser_page.locator("nav", has_text="部门网站")
    bar.scroll_into_view_if_needed()
    assert bar.is_visible()
    for department in departments:
        link = bar.get_by_role("link", name=department["short_name"], exact=True)
        assert link.is_visible(), f"{department['short_name']} is missing from the 部门网站 bar"
        assert f"//{department['hostname']}" in link.get_attribute("href")
    browser_page.screenshot(path=ARTIFACTS / f"portal-home-{DATABASE}.png", full_page=True)

    # The bar links each site's canonical address; the test server listens on a port of its own.
    department = departments[0]
    response = browser_page.goto(url(live_server, department["hostname"]))

    assert response.status == 200
    assert browser_page.get_by_text(department["name"], exact=True).first.is_visible()
    assert department["name"] in browser_page.title()
    browser_page.screenshot(path=ARTIFACTS / f"department-{department['code']}-{DATABASE}.png", full_page=True)

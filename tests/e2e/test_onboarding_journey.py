"""The central admin onboards a subsite in a real Chromium: 子站管理 → 添加, a clashing code first (the
message sits on the code field and names who holds it), then correctly; the new site answers at its
own hostname with a complete footer, and the portal's department bar links it at a live address."""

import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hub.tenancy.models import Department
from hub.tenancy.onboarding import ensure_central_admin_group
from hub.tenancy.scoping import CENTRAL_ADMIN_GROUP
from tests import factories

from .test_public_site import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DATABASE, unavailable, url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = {
    "name": "克孜勒苏柯尔克孜自治州体育局",
    "short_name": "体育局",
    "org_code": "11653000MB1234567X",
    "hostname": "newcode.localhost",
    "sponsor": "克孜勒苏柯尔克孜自治州体育局",
    "organizer": "克孜勒苏柯尔克孜自治州电子政务中心",
    "site_identifier": "6530000042",
    "icp_number": "新ICP备05002342号-1",
    "address": "新疆克孜勒苏柯尔克孜自治州阿图什市体育路8号",
    "postcode": "845350",
    "phone": "0908-4224242",
    "email": "kztyj@xjkz.gov.cn",
}


@pytest.fixture
def group(live_server):
    """A portal at the test server's port, one department whose code the admin will clash with, and
    the central admin's account; all written before the browser starts."""
    port = int(live_server.url.rsplit(":", 1)[1])
    portal = factories.make_site(code="kzportal", short_name="州门户", kind=Department.Kind.PORTAL, port=port)
    existing = factories.make_site(code="jyj", short_name="教育局", port=port)
    ensure_central_admin_group()
    admin = get_user_model().objects.create_user(username="egov_admin", password="egov-pw-1")
    admin.groups.add(Group.objects.get(name=CENTRAL_ADMIN_GROUP))
    return {"port": port, "portal": portal.hostname, "existing": existing.code, "existing_name": existing.name}


@pytest.fixture
def browser_page(group):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install playwright)")
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
        page.set_default_timeout(20_000)
        yield page
        browser.close()


def fill(page, values):
    for name, value in values.items():
        page.fill(f"#id_{name}", value)


def submit(page):
    with page.expect_navigation():
        page.locator("#w-editor-form footer button[type=submit]").first.click()


def test_the_central_admin_onboards_a_subsite_in_the_browser(live_server, group, browser_page):
    page, port = browser_page, group["port"]
    admin = url(live_server, group["portal"], "/admin/")

    page.goto(url(live_server, group["portal"], "/admin/login/"))
    page.fill("#id_username", "egov_admin")
    page.fill("#id_password", "egov-pw-1")
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()

    page.goto(admin + "subsites/")
    page.locator('a[href="/admin/subsites/new/"]').first.click()
    page.wait_for_url("**/admin/subsites/new/")
    for heading in ("基本信息", "网址", "联系我们", "页脚标识"):
        assert page.locator("[data-panel-heading-text]", has_text=heading).first.is_visible(), heading
    for name in ("code", "kind", "hostname", "port"):
        assert page.locator(f'label[for="id_{name}"]').first.inner_text().strip(), f"{name} has no label"
    # The port is the one this admin was opened on, so the new site's address is a live one.
    assert page.input_value("#id_port") == str(port)

    # First with the code another tenant holds: refused, the message on the code field names it.
    fill(page, {"code": group["existing"], **NEW})
    submit(page)
    error = page.locator('[id$="-child-code-errors"]').first
    assert error.is_visible()
    message = error.inner_text()
    assert group["existing"] in message and group["existing_name"] in message, message
    page.screenshot(path=ARTIFACTS / f"onboarding-clash-{DATABASE}.png", full_page=True)

    # Then correctly: the site is built and online, its checklist complete.
    page.fill("#id_code", "newcode")
    submit(page)
    assert "/admin/subsites/inspect/" in page.url
    assert page.locator("#public-checklist").inner_text().count("✓") == 6
    assert page.locator('#public-checklist [data-done="false"]').count() == 0
    assert page.get_by_role("button", name="下线").is_visible()

    # The new site answers at its hostname with every footer item filled in.
    response = page.goto(url(live_server, NEW["hostname"]))
    assert response.status == 200
    footer = page.locator("footer.site-footer").inner_text()
    for key in ("sponsor", "organizer", "site_identifier", "icp_number", "address", "postcode", "phone", "email"):
        assert NEW[key] in footer, f"{key} is missing from the footer"
    for label in ("主办单位", "承办单位", "网站标识码", "ICP备案号"):
        assert label in footer
    page.screenshot(path=ARTIFACTS / f"onboarding-new-site-{DATABASE}.png", full_page=True)
    assert page.goto(url(live_server, NEW["hostname"], "/hdjl/xx/")).status == 200  # 体育局信箱
    contact = page.goto(url(live_server, NEW["hostname"], "/gywm/lxwm/"))
    assert contact.status == 200 and NEW["phone"] in page.content()

    # The portal's department bar links it at the port it answers on.
    page.goto(url(live_server, group["portal"]))
    link = page.locator("nav", has_text="部门网站").get_by_role("link", name="体育局", exact=True)
    assert link.get_attribute("href").rstrip("/") == f"http://newcode.localhost:{port}"

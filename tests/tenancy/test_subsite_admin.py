"""子站管理 over HTTP: central admins only, onboarding in labelled sections with the clash named,
the port of the request, hostname and port on the edit form, the public checklist and the online
button; 本站信息, where a tenant's webmasters keep their own contact details and nothing else."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.onboarding import ensure_central_admin_group
from hub.tenancy.scoping import CENTRAL_ADMIN_GROUP
from tests import factories
from tests.isolation.browser import read_form

pytestmark = pytest.mark.django_db

ROLES = TenantGroup.Role.values


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def staff(department, role):
    user = get_user_model().objects.create_user(username=f"{department.code}_{role}", password="pw")
    user.groups.add(department.tenant_groups.get(role=role).group)
    return user


@pytest.fixture
def central():
    ensure_central_admin_group()
    user = get_user_model().objects.create_user(username="egov_admin", password="pw")
    user.groups.add(Group.objects.get(name=CENTRAL_ADMIN_GROUP))
    return logged_in(user)


@pytest.fixture
def own():
    return factories.make_site(code="jyjx", short_name="教育测试局", address="原地址1号", phone="0908-1111111")


@pytest.fixture
def other():
    return factories.make_site(code="wjwx", short_name="卫健测试委", address="他处地址9号")


def refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard, our own views with 403."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


# 子站管理 is the central admins' alone -----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_tenant_staff_reach_no_screen_of_subsite_management(own, other, role):
    client = logged_in(staff(own, role))
    for department in (own, other):
        for url in (
            "/admin/subsites/",
            "/admin/subsites/new/",
            f"/admin/subsites/inspect/{department.pk}/",
            f"/admin/subsites/edit/{department.pk}/",
            f"/admin/subsites/{department.pk}/online/off/",
        ):
            response = client.get(url)
            assert refused(response), f"{role} reached {url}: {response.status_code}"
            assert other.name not in response.content.decode()
    assert refused(client.post(f"/admin/subsites/edit/{other.pk}/", {"name": "改名", "hostname": "evil.localhost"}))
    assert refused(client.post(f"/admin/subsites/{other.pk}/online/off/"))
    assert refused(client.post("/admin/subsites/new/", {"code": "evil", "name": "恶意", "hostname": "evil.localhost"}))
    assert Department.objects.get(pk=other.pk).is_online
    assert Department.objects.get(pk=other.pk).hostname == "wjwx.localhost"
    assert not Department.objects.filter(code="evil").exists()
    assert '"/admin/subsites/"' not in client.get("/admin/").content.decode()  # the menu


def test_the_central_admin_lists_every_tenant_and_finds_the_menu(central, own, other):
    text = central.get("/admin/subsites/").content.decode()
    assert own.name in text and other.name in text
    assert '"/admin/subsites/"' in central.get("/admin/").content.decode()  # the menu


# Onboarding from the admin ------------------------------------------------------------------------


def field_errors(text, name):
    """The error text Wagtail shows under one field of an admin form."""
    match = re.search(rf'id="[^"]*-child-{name}-errors"[^>]*>(.*?)</div>', text, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip() if match else ""


def onboarding_data(client, **changes):
    form = client.get("/admin/subsites/new/", HTTP_HOST="kzportal.localhost:8000")
    data = read_form(form.content.decode(), has_field="code")
    data.update({name: [value] for name, value in changes.items()})
    return data


COMPLETE = {
    "code": "tyj",
    "name": "克孜勒苏柯尔克孜自治州体育局",
    "short_name": "体育局",
    "org_code": "11653000TYJ0001",
    "hostname": "tyj.localhost",
    "sponsor": "克孜勒苏柯尔克孜自治州体育局",
    "site_identifier": "6530000099",
    "icp_number": "新ICP备05009999号-1",
    "address": "阿图什市体育路1号",
    "phone": "0908-4229999",
    "email": "kztyj@xjkz.gov.cn",
}


def test_the_onboarding_form_has_labelled_sections_and_the_port_of_the_request(central):
    text = central.get("/admin/subsites/new/", HTTP_HOST="kzportal.localhost:8000").content.decode()

    for heading in ("基本信息", "网址", "联系我们", "页脚标识"):
        assert f"<span data-panel-heading-text>{heading}" in text
    for name in ("code", "kind", "hostname", "port", "sponsor", "site_identifier", "icp_number", "address"):
        assert f'for="id_{name}"' in text, f"{name} has no label"
    assert "上线前必填" in text
    assert read_form(text, has_field="code")["port"] == ["8000"]


def test_a_clashing_code_is_refused_with_a_message_on_the_code_field(central, own):
    data = onboarding_data(central, **{**COMPLETE, "code": own.code})

    response = central.post("/admin/subsites/new/", data, HTTP_HOST="kzportal.localhost:8000")

    assert response.status_code == 200
    message = field_errors(response.content.decode(), "code")
    assert own.code in message and own.name in message
    assert not Department.objects.filter(name=COMPLETE["name"]).exists()


def test_a_complete_subsite_goes_online_at_the_port_of_the_form(central, client):
    response = central.post("/admin/subsites/new/", onboarding_data(central, **COMPLETE))

    department = Department.objects.get(code="tyj")
    assert response.status_code == 302 and response["Location"] == f"/admin/subsites/inspect/{department.pk}/"
    assert department.is_online and department.site.port == 8000
    assert department.sponsor == COMPLETE["sponsor"]
    home = client.get("/", HTTP_HOST="tyj.localhost:8000").content.decode()
    assert COMPLETE["site_identifier"] in home and COMPLETE["icp_number"] in home
    assert client.get("/hdjl/xx/", HTTP_HOST="tyj.localhost:8000").status_code == 200
    inspect = central.get(response["Location"]).content.decode()
    assert "政府网站必须展示的信息已齐全" in inspect and "下线" in inspect


def test_an_incomplete_subsite_stays_offline_with_its_checklist(central, client):
    data = onboarding_data(central, **{**COMPLETE, "sponsor": "", "icp_number": ""})

    response = central.post("/admin/subsites/new/", data, follow=True)

    department = Department.objects.get(code="tyj")
    assert not department.is_online
    text = response.content.decode()
    assert "暂不上线" in text
    assert 'data-checklist-item="sponsor" data-done="false"' in text
    assert 'data-checklist-item="icp_number" data-done="false"' in text
    assert 'data-checklist-item="phone" data-done="true"' in text
    assert client.get("/", HTTP_HOST="tyj.localhost:8000").status_code == 410
    # Going online is refused until they are filled in, and the edit screen shows the same checklist.
    central.post(f"/admin/subsites/{department.pk}/online/on/")
    assert not Department.objects.get(pk=department.pk).is_online
    edit = central.get(f"/admin/subsites/edit/{department.pk}/").content.decode()
    assert 'data-checklist-item="sponsor" data-done="false"' in edit


def test_the_edit_form_moves_the_site_to_another_hostname_and_port(central, own, other, client):
    url = f"/admin/subsites/edit/{own.pk}/"
    data = read_form(central.get(url).content.decode(), has_field="hostname")
    assert data["hostname"] == [own.hostname] and data["port"] == [str(own.site.port)]

    clash = central.post(url, {**data, "hostname": [other.hostname]})
    assert other.name in field_errors(clash.content.decode(), "hostname")

    central.post(url, {**data, "hostname": ["jy.localhost"], "port": ["8000"]})
    own.site.refresh_from_db()
    assert (own.site.hostname, own.site.port) == ("jy.localhost", 8000)
    assert client.get("/", HTTP_HOST="jy.localhost:8000").status_code == 200


def test_the_online_button_is_offered_on_the_list_and_inspect_screens(central, own, client):
    listing = central.get("/admin/subsites/").content.decode()
    assert f'href="/admin/subsites/{own.pk}/online/off/"' in listing
    inspect = central.get(f"/admin/subsites/inspect/{own.pk}/").content.decode()
    assert f'action="/admin/subsites/{own.pk}/online/off/"' in inspect
    assert "让子站下线" in central.get(f"/admin/subsites/{own.pk}/online/off/").content.decode()

    central.post(f"/admin/subsites/{own.pk}/online/off/")
    assert client.get("/", HTTP_HOST=own.hostname).status_code == 410
    assert f'href="/admin/subsites/{own.pk}/online/on/"' in central.get("/admin/subsites/").content.decode()
    central.post(f"/admin/subsites/{own.pk}/online/on/")
    assert client.get("/", HTTP_HOST=own.hostname).status_code == 200


# 本站信息: the tenant's own record -----------------------------------------------------------------------


def test_a_webmaster_edits_their_own_contact_details(own):
    client = logged_in(staff(own, "webmaster"))
    assert client.get("/admin/site-info/")["Location"] == f"/admin/site-info/{own.pk}/"
    assert '"/admin/site-info/"' in client.get("/admin/").content.decode()  # the menu
    data = read_form(client.get(f"/admin/site-info/{own.pk}/").content.decode(), has_field="address")
    assert data["address"] == ["原地址1号"]

    client.post(f"/admin/site-info/{own.pk}/", {**data, "address": ["新地址2号"], "organizer": ["州电子政务中心"]})

    department = Department.objects.get(pk=own.pk)
    assert (department.address, department.organizer) == ("新地址2号", "州电子政务中心")
    assert "新地址2号" in Client().get("/", HTTP_HOST=own.hostname).content.decode()


def test_a_crafted_post_changes_nothing_but_the_contact_details(own):
    client = logged_in(staff(own, "webmaster"))
    before = Department.objects.get(pk=own.pk)
    crafted = {
        "address": "新地址3号",
        "phone": before.phone,
        "email": before.email,
        "code": "hacked",
        "hostname": "hacked.localhost",
        "kind": "portal",
        "is_online": "",
        "sponsor": "别的单位",
        "site_identifier": "0000000000",
        "name": "改过的名字",
    }

    client.post(f"/admin/site-info/{own.pk}/", crafted)

    after = Department.objects.get(pk=own.pk)
    assert after.address == "新地址3号"
    for name in ("code", "hostname", "kind", "is_online", "sponsor", "site_identifier", "name"):
        assert getattr(after, name) == getattr(before, name), name
    assert after.site.hostname == before.site.hostname


def test_required_contact_details_cannot_be_emptied(own):
    client = logged_in(staff(own, "webmaster"))
    data = read_form(client.get(f"/admin/site-info/{own.pk}/").content.decode(), has_field="address")

    response = client.post(f"/admin/site-info/{own.pk}/", {**data, "phone": [""]})

    assert response.status_code == 200
    assert Department.objects.get(pk=own.pk).phone == "0908-1111111"


@pytest.mark.parametrize("role", ROLES)
def test_nobody_edits_another_tenants_site_info(own, other, role):
    client = logged_in(staff(own, role))
    response = client.get(f"/admin/site-info/{other.pk}/")
    assert refused(response) and other.address not in response.content.decode()
    assert refused(client.post(f"/admin/site-info/{other.pk}/", {"address": "篡改地址"}))
    assert Department.objects.get(pk=other.pk).address == "他处地址9号"


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_editors_and_reviewers_do_not_edit_their_own_site_info(own, role):
    client = logged_in(staff(own, role))
    assert refused(client.get("/admin/site-info/"))
    assert refused(client.post(f"/admin/site-info/{own.pk}/", {"address": "篡改地址"}))
    assert Department.objects.get(pk=own.pk).address == "原地址1号"
    assert '"/admin/site-info/"' not in client.get("/admin/").content.decode()  # the menu

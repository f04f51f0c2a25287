"""Onboarding a subsite builds everything a department needs in one step, and only once."""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site
from wagtail.permissions import policy_registry

from hub.interaction.models import Mailbox
from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.onboarding import change_address, onboard_site, set_online
from sites.common.models import ColumnIndexPage, ContactPage, DisclosureRequestPage, MailboxPage, ServiceIndexPage
from sites.department.models import DepartmentHomePage
from sites.portal.models import PortalHomePage
from tests import factories

pytestmark = pytest.mark.django_db

STANDARD_PAGES = {
    "mailbox": MailboxPage,
    "contact": ContactPage,
    "services": ServiceIndexPage,
    "disclosure": DisclosureRequestPage,
}


def column_plan(kind):
    with open(settings.HUB_COLUMN_PLAN, encoding="utf-8") as plan_file:
        return json.load(plan_file)[kind]


def assert_columns_follow_plan(parent, plan, department):
    children = {page.slug: page for page in parent.get_children().specific()}
    assert set(children) >= {column["slug"] for column in plan}, f"missing columns under {parent.title}"
    for column in plan:
        page = children[column["slug"]]
        expected = STANDARD_PAGES[column["page"]] if "page" in column else ColumnIndexPage
        assert type(page) is expected, page
        assert page.title == column["title"].format(short_name=department.short_name, name=department.name)
        assert page.live, f"{page.title} is not published"
        assert_columns_follow_plan(page, column.get("children", []), department)


def editor_of(department, role):
    user = get_user_model().objects.create_user(username=f"{department.code}-{role}", password="x")
    user.groups.add(department.tenant_groups.get(role=role).group)
    return user


def test_onboarding_creates_site_home_page_and_collection():
    sites_before = Site.objects.count()

    result = onboard_site(
        code="tjj",
        name="克孜勒苏柯尔克孜自治州统计局",
        hostname="TJJ.localhost",
        short_name="统计局",
        org_code="11653000TJJ0001",
        phone="0908-4221234",
    )

    department = result.department
    assert result.created
    assert Site.objects.count() == sites_before + 1
    assert department.site.hostname == "tjj.localhost"
    assert department.site.site_name == "克孜勒苏柯尔克孜自治州统计局"
    assert department.phone == "0908-4221234"
    home = department.site.root_page.specific
    assert isinstance(home, DepartmentHomePage)
    assert home.live and home.title == "克孜勒苏柯尔克孜自治州统计局"
    assert home.depth == 2
    assert department.collection.get_parent() == Collection.get_first_root_node()
    assert department.collection.name == "克孜勒苏柯尔克孜自治州统计局"
    assert "tjj (克孜勒苏柯尔克孜自治州统计局) created" in result.summary()


def test_onboarding_builds_the_whole_department_column_plan():
    department = factories.make_site()

    assert_columns_follow_plan(department.site.root_page, column_plan("department"), department)


def test_a_portal_gets_the_portal_column_plan_and_home_page():
    portal = factories.make_site(kind=Department.Kind.PORTAL)

    assert isinstance(portal.site.root_page.specific, PortalHomePage)
    assert_columns_follow_plan(portal.site.root_page, column_plan("portal"), portal)


def test_onboarding_creates_three_groups_with_permissions_on_the_site_only():
    department = factories.make_site()
    other = factories.make_site()

    roles = set(department.tenant_groups.values_list("role", flat=True))
    assert roles == {TenantGroup.Role.WEBMASTER, TenantGroup.Role.EDITOR, TenantGroup.Role.REVIEWER}
    groups = Group.objects.filter(tenant_group__department=department)
    assert groups.count() == 3
    # Page permissions sit on the site root, collection permissions on its own collection only.
    assert set(GroupPagePermission.objects.filter(group__in=groups).values_list("page", flat=True)) == {
        department.site.root_page_id
    }
    assert set(GroupCollectionPermission.objects.filter(group__in=groups).values_list("collection", flat=True)) == {
        department.collection_id
    }

    home = department.site.root_page
    news_column = factories.column(department, "gzdt")
    other_column = factories.column(other, "gzdt")
    webmaster = editor_of(department, TenantGroup.Role.WEBMASTER)
    editor = editor_of(department, TenantGroup.Role.EDITOR)
    reviewer = editor_of(department, TenantGroup.Role.REVIEWER)

    assert news_column.permissions_for_user(webmaster).can_publish()
    assert news_column.permissions_for_user(editor).can_add_subpage()
    assert not news_column.permissions_for_user(editor).can_publish()
    assert home.permissions_for_user(reviewer).can_edit()
    assert not home.permissions_for_user(reviewer).can_add_subpage()
    for user in (webmaster, editor, reviewer):
        assert not other_column.permissions_for_user(user).can_edit()

    images = policy_registry.get_by_type(get_image_model())
    assert list(images.collections_user_has_permission_for(editor, "add")) == [department.collection]
    assert list(images.collections_user_has_permission_for(reviewer, "choose")) == [department.collection]
    assert not images.collections_user_has_permission_for(reviewer, "add").exists()


def counts():
    return {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "departments": Department.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
    }


def test_onboarding_twice_is_idempotent():
    arguments = {
        "code": "sjj",
        "name": "克孜勒苏柯尔克孜自治州审计局",
        "hostname": "sjj.localhost",
        "short_name": "审计局",
    }
    first = onboard_site(**arguments)
    after_first = counts()

    second = onboard_site(**arguments)

    assert not second.created
    assert second.department == first.department
    assert counts() == after_first
    assert "nothing missing" in second.summary()


def test_running_again_completes_a_missing_column():
    department = factories.make_site()
    factories.column(department, "xxgk", "ghjh").delete()

    result = onboard_site(
        code=department.code, name=department.name, hostname=department.hostname, short_name=department.short_name
    )

    assert "column 规划计划" in result.steps
    assert factories.column(department, "xxgk", "ghjh").live


def test_a_new_site_gets_its_mailbox_and_the_standard_citizen_pages(client):
    department = factories.make_site(short_name="档案局")

    assert Mailbox.objects.filter(department=department, name="档案局信箱").exists()
    mailbox_page = factories.column(department, "hdjl", "xx").specific
    assert type(mailbox_page) is MailboxPage and mailbox_page.title == "档案局信箱" and mailbox_page.live
    assert type(factories.column(department, "gywm", "lxwm").specific) is ContactPage
    services = factories.column(department, "bsfw", "bszn").specific
    assert type(services) is ServiceIndexPage and services.own_items_only
    assert type(factories.column(department, "xxgk", "ysqgk").specific) is DisclosureRequestPage
    # They answer at the site's hostname: the letter form, and 联系我们 with the site's contact data.
    host = {"HTTP_HOST": department.hostname}
    letter_form = client.get("/hdjl/xx/", **host)
    assert letter_form.status_code == 200 and "档案局信箱" in letter_form.content.decode()
    contact = client.get("/gywm/lxwm/", **host).content.decode()
    assert department.phone in contact and department.address in contact


def test_a_site_without_its_footer_marks_and_contact_data_stays_offline(client):
    result = onboard_site(code="dag", name="克孜勒苏柯尔克孜自治州档案馆", hostname="dag.localhost", phone="0908-1")

    department = result.department
    assert not department.is_online
    assert result.missing == ["主办单位", "网站标识码", "ICP备案号", "联系地址", "电子邮箱"]
    assert "Offline until filled in" in result.summary()
    assert client.get("/", HTTP_HOST="dag.localhost").status_code == 410
    with pytest.raises(ValidationError) as refused:
        set_online(department, True)
    assert "主办单位" in refused.value.messages[0]
    assert not Department.objects.get(pk=department.pk).is_online


def test_a_site_with_everything_a_government_site_shows_goes_online(client):
    details = factories.public_details("daj", "克孜勒苏柯尔克孜自治州档案局", 7)
    result = onboard_site(code="daj", name="克孜勒苏柯尔克孜自治州档案局", hostname="daj.localhost", **details)

    assert result.department.is_online and result.missing == []
    home = client.get("/", HTTP_HOST="daj.localhost")
    assert home.status_code == 200
    text = home.content.decode()
    for value in ("克孜勒苏柯尔克孜自治州档案局", details["site_identifier"], details["icp_number"], details["phone"]):
        assert value in text


def test_changing_a_sites_address_moves_its_wagtail_site_and_refuses_a_clash(client):
    department = factories.make_site(code="qxj")
    other = factories.make_site(code="qxj2")

    change_address(department, hostname="QX.localhost", port=8000)

    department.site.refresh_from_db()
    assert (department.site.hostname, department.site.port) == ("qx.localhost", 8000)
    assert Department.objects.get(pk=department.pk).hostname == "qx.localhost"
    assert client.get("/", HTTP_HOST="qx.localhost:8000").status_code == 200
    with pytest.raises(ValidationError) as refused:
        change_address(department, hostname=other.hostname, port=80)
    assert other.name in refused.value.message_dict["hostname"][0]

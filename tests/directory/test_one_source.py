"""The directory is one source: the footer, the contact page, the portal's department list and 领导之窗 all read it."""

import pytest
from django.urls import reverse

from hub.directory.models import DirectoryEntry
from hub.tenancy.models import Department
from tests import factories

from .forms import directory_form

pytestmark = pytest.mark.django_db


def get(client, department, page, suffix=""):
    return client.get(page.relative_url(department.site) + suffix, HTTP_HOST=department.hostname)


def test_a_change_made_once_in_the_directory_shows_everywhere(w, as_user, client):
    entry = DirectoryEntry.objects.get(department=w.tenant)
    edit_url = reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk])

    response = as_user("central").post(
        edit_url, directory_form(entry, phone="0908-4999999", office_hours="工作日 9:30—19:00")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    tenant = Department.objects.get(pk=w.tenant.pk)
    assert tenant.phone == "0908-4999999"

    client.logout()
    # The department site's footer (on its home page) and its contact page.
    home = client.get("/", HTTP_HOST=tenant.hostname).content.decode()
    assert "0908-4999999" in home and "0908-4221356" not in home
    contact = get(client, tenant, w.contact).content.decode()
    assert "0908-4999999" in contact and "工作日 9:30—19:00" in contact
    assert "阿图什市光明路12号" in contact
    # The portal's department list and the department's entry there.
    listing = get(client, w.portal, w.department_list).content.decode()
    assert tenant.name in listing and "0908-4999999" in listing
    detail = get(client, w.portal, w.department_list, f"{tenant.code}/").content.decode()
    assert "负责全州教育工作" in detail and "李振宇" in detail and "0908-4999999" in detail


def test_the_portals_leadership_reads_the_directory(w, client):
    page = get(client, w.portal, w.portal_leadership).content.decode()
    assert "名录州长" in page and "主持州人民政府全面工作" in page
    home = client.get("/", HTTP_HOST=w.portal.hostname).content.decode()
    assert "领导之窗" in home and "名录副州长" in home

    leader = DirectoryEntry.objects.get(department=w.portal).leaders.get(name="名录副州长")
    leader.position = "州委常委、常务副州长"
    leader.save()
    assert "州委常委、常务副州长" in client.get("/", HTTP_HOST=w.portal.hostname).content.decode()
    assert "州委常委、常务副州长" in get(client, w.portal, w.portal_leadership).content.decode()


def test_a_leader_links_to_the_profile_page_when_one_is_set(w, client):
    detail = get(client, w.portal, w.department_list, f"{w.tenant.code}/").content.decode()
    assert f'href="{w.profile.relative_url(w.portal.site)}"' in detail or w.profile.full_url in detail
    leadership = get(client, w.tenant, w.leadership).content.decode()
    assert f'href="{w.profile.relative_url(w.tenant.site)}"' in leadership


def test_an_offline_department_leaves_the_portal_list(w, client):
    Department.objects.filter(pk=w.tenant.pk).update(is_online=False)
    listing = get(client, w.portal, w.department_list).content.decode()
    assert w.tenant.name not in listing
    assert get(client, w.portal, w.department_list, f"{w.tenant.code}/").status_code == 404


def test_onboarding_gives_every_new_tenant_a_directory_entry(db):
    department = factories.make_site(short_name="名录统计局")
    assert DirectoryEntry.objects.filter(department=department).exists()


def test_directory_pages_render_in_a_bounded_number_of_queries(w, client, django_assert_max_num_queries):
    for department, page, suffix in (
        (w.portal, w.department_list, ""),
        (w.portal, w.department_list, f"{w.tenant.code}/"),
        (w.portal, w.portal_leadership, ""),
        (w.tenant, w.contact, ""),
    ):
        with django_assert_max_num_queries(25):
            assert get(client, department, page, suffix).status_code == 200

"""A tenant's tree is every locale root of its site, including roots created after onboarding."""

import pytest
from django.test import Client
from wagtail.models import Locale, Page, WorkflowPage

from hub.tenancy.scoping import department_for_page, locale_roots

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


@pytest.fixture
def kyrgyz_root(world):
    """The webmaster translates the site's root into Kyrgyz through the admin."""
    kyrgyz = Locale.objects.get_or_create(language_code="ky")[0]
    root = world.a.root
    response = logged_in(world.a.users["webmaster"]).post(
        f"/admin/localize/submit/page/{root.pk}/", {"locales": [kyrgyz.pk]}
    )
    assert response.status_code == 302
    return Page.objects.get(translation_key=root.translation_key, locale=kyrgyz)


def test_a_new_locale_root_belongs_to_the_tenant(world, kyrgyz_root):
    assert kyrgyz_root.depth == 2
    assert department_for_page(kyrgyz_root) == world.a.department
    assert kyrgyz_root in locale_roots(world.a.department)


def test_the_tenants_editors_work_under_the_new_root_and_no_one_else(world, kyrgyz_root):
    add_url = f"/admin/pages/add/common/columnindexpage/{kyrgyz_root.pk}/"
    assert logged_in(world.a.users["editor"]).get(add_url).status_code == 200
    assert logged_in(world.a.users["editor"]).get(f"/admin/pages/{kyrgyz_root.pk}/").status_code == 200
    assert logged_in(world.b.users["editor"]).get(add_url).status_code == 302
    assert logged_in(world.b.users["webmaster"]).get(f"/admin/pages/{kyrgyz_root.pk}/").status_code == 302


def test_the_new_root_takes_the_sites_review_workflow(world, kyrgyz_root):
    site_root_workflow = WorkflowPage.objects.filter(page=world.a.root).values_list("workflow", flat=True).first()
    if site_root_workflow is None:
        pytest.skip("no review workflow is assigned to site roots in this installation")
    assert WorkflowPage.objects.get(page=kyrgyz_root).workflow_id == site_root_workflow


def test_translations_can_be_submitted_for_own_pages_only(world):
    kyrgyz = Locale.objects.get_or_create(language_code="ky")[0]
    b_root = world.b.root
    response = logged_in(world.a.users["webmaster"]).post(
        f"/admin/localize/submit/page/{b_root.pk}/", {"locales": [kyrgyz.pk]}
    )
    assert response.status_code == 404
    assert not Page.objects.filter(translation_key=b_root.translation_key, locale=kyrgyz).exists()


def test_updating_translations_needs_the_right_to_edit_the_source(world):
    source_id = world.b.translation.source_id
    assert logged_in(world.a.users["webmaster"]).get(f"/admin/localize/update/{source_id}/").status_code == 404
    assert logged_in(world.b.users["webmaster"]).get(f"/admin/localize/update/{source_id}/").status_code == 200

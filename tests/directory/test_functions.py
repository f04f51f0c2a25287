"""A department's main functions (主要职责) are held once, in the directory: its functions page and the
portal's department list show that text, and search finds the functions page by it."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from hub.directory.models import DirectoryEntry
from hub.search.service import Audience, SearchParams, search
from sites.common.models import FunctionPage

from .forms import directory_form

pytestmark = pytest.mark.django_db

NEW_FUNCTIONS = "<ol><li>负责学前教育普及普惠。</li><li>统筹推进双语师资培训。</li></ol>"


def text(client, department, page, suffix=""):
    response = client.get(page.relative_url(department.site) + suffix, HTTP_HOST=department.hostname)
    assert response.status_code == 200
    return response.content.decode()


def edit_functions(as_user, entry, functions):
    """The central admin changes the entry's functions in the directory's admin form."""
    url = reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk])
    response = as_user("central").post(url, directory_form(entry, functions=rich_text(functions)))
    assert response.status_code == 302, response.content.decode()[:3000]


def found(query, department):
    outcome = search(SearchParams(query=query), Audience(department=department, language="zh-hans"), log=False)
    return [hit.page.pk for hit in outcome.hits]


def test_functions_edited_once_change_the_functions_page_the_portal_list_and_search(w, as_user, client):
    entry = DirectoryEntry.objects.get(department=w.tenant)
    before = text(client, w.tenant, w.functions)
    assert "负责全州教育工作。" in before
    assert w.functions.pk in found("全州教育", w.tenant) and w.functions.pk not in found("双语师资", w.tenant)

    edit_functions(as_user, entry, NEW_FUNCTIONS)
    client.logout()
    functions_page = text(client, w.tenant, w.functions)
    portal_entry = text(client, w.portal, w.department_list, f"{w.tenant.code}/")
    for page in (functions_page, portal_entry):
        assert "负责学前教育普及普惠。" in page and "统筹推进双语师资培训。" in page
        assert "负责全州教育工作。" not in page
    # The page keeps what is its own.
    assert "办公室、政策法规科。" in functions_page
    assert found("双语师资", w.tenant) == [w.functions.pk]
    assert w.functions.pk not in found("全州教育", w.tenant)


def test_the_functions_page_has_no_field_of_its_own_for_them(w):
    assert "main_functions" not in {field.name for field in FunctionPage._meta.get_fields()}


def test_the_functions_page_editor_shows_the_directory_text_and_links_to_it_for_the_central_admin(w, as_user):
    entry = DirectoryEntry.objects.get(department=w.tenant)
    edit_url = reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk])
    page_edit = reverse("wagtailadmin_pages:edit", args=[w.functions.pk])
    form = as_user("webmaster").get(page_edit).content.decode()
    assert "负责全州教育工作。" in form and "部门名录中的主要职责" in form
    assert 'name="main_functions"' not in form and 'name="functions"' not in form
    # The webmaster may not edit the directory, so no link to it is offered.
    assert edit_url not in form
    assert edit_url in as_user("central").get(page_edit).content.decode()


def test_a_new_functions_page_shows_its_departments_directory_text_in_the_editor(w, as_user):
    parent = w.functions.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["common", "functionpage", parent.pk])
    response = as_user("webmaster").get(url)
    assert response.status_code == 200
    assert "负责全州教育工作。" in response.content.decode()

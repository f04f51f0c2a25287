"""A leader is held once, in the directory: the profile page, 领导之窗 and the portal all show that record."""

import pytest
from django.urls import reverse

from hub.directory.models import DirectoryLeader
from hub.search.service import Audience, SearchParams, search
from sites.common.models import LeaderProfilePage

from .forms import directory_form

pytestmark = pytest.mark.django_db


def text(client, department, page, suffix=""):
    response = client.get(page.relative_url(department.site) + suffix, HTTP_HOST=department.hostname)
    assert response.status_code == 200
    return response.content.decode()


def edit_leader(as_user, leader, **changes):
    """The central admin changes one leader in the directory entry's admin form."""
    entry = leader.entry
    url = reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk])
    response = as_user("central").post(url, directory_form(entry, leaders={leader.pk: changes}))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_portal_leader_edited_once_changes_on_the_portal_home_leadership_profile_and_speeches(w, as_user, client):
    leader = DirectoryLeader.objects.get(profile_page=w.portal_profile)
    edit_leader(
        as_user,
        leader,
        name="名录新州长",
        position="州委副书记、州长",
        responsibilities="主持州人民政府全面工作。\n分管州审计局。",
    )
    client.logout()
    home = client.get("/", HTTP_HOST=w.portal.hostname).content.decode()
    leadership = text(client, w.portal, w.portal_leadership)
    profile = text(client, w.portal, w.portal_profile)
    speech = text(client, w.portal, w.speech)
    for page in (home, leadership, profile):
        assert "名录新州长" in page and "州委副书记、州长" in page
    assert "分管州审计局" in leadership and "分管州审计局" in profile
    assert "名录新州长" in speech  # 讲话人 is the profile's leader
    # The profile page keeps what is its own: the biography.
    assert "男，1970年生。" in profile
    for page in (home, leadership, profile, speech):
        assert "名录州长" not in page and ">州长<" not in page
    # The profile page was titled with the old name: it takes the new one (browser title, breadcrumbs, lists).
    renamed = LeaderProfilePage.objects.get(pk=w.portal_profile.pk)
    assert renamed.title == renamed.draft_title == "名录新州长" and not renamed.has_unpublished_changes


def test_a_rename_keeps_a_profiles_unpublished_edits_and_a_title_of_its_own(w, as_user):
    draft = LeaderProfilePage.objects.get(pk=w.portal_profile.pk)
    draft.biography = "<p>待审核的新简历。</p>"
    draft.save_revision()
    other = LeaderProfilePage.objects.get(pk=w.profile.pk)
    other.title = other.draft_title = "李振宇同志简介"
    other.save_revision().publish()

    edit_leader(as_user, DirectoryLeader.objects.get(profile_page=w.portal_profile), name="名录新州长")
    edit_leader(as_user, DirectoryLeader.objects.get(profile_page=w.profile), name="李振宇（新）")

    renamed = LeaderProfilePage.objects.get(pk=w.portal_profile.pk)
    assert renamed.title == "名录新州长" and renamed.biography == "<p>男，1970年生。</p>"
    latest = renamed.get_latest_revision_as_object()
    assert latest.title == "名录新州长" and latest.biography == "<p>待审核的新简历。</p>"
    assert renamed.has_unpublished_changes
    assert LeaderProfilePage.objects.get(pk=w.profile.pk).title == "李振宇同志简介"


def test_a_department_leader_edited_once_changes_on_the_portal_list_the_sites_leadership_and_profile(
    w, as_user, client
):
    leader = DirectoryLeader.objects.get(profile_page=w.profile)
    edit_leader(as_user, leader, position="党组书记、局长", responsibilities="主持局党组和行政全面工作。")
    client.logout()
    portal_entry = text(client, w.portal, w.department_list, f"{w.tenant.code}/")
    own_leadership = text(client, w.tenant, w.leadership)
    profile = text(client, w.tenant, w.profile)
    functions = text(client, w.tenant, w.functions)
    for page in (portal_entry, own_leadership, profile, functions):
        assert "李振宇" in page and "党组书记、局长" in page and "主持局党组和行政全面工作" in page
        assert "主持局全面工作。" not in page


def test_the_profile_page_is_found_by_what_the_directory_says(w, as_user):
    leader = DirectoryLeader.objects.get(profile_page=w.profile)
    edit_leader(as_user, leader, position="党组书记、局长", responsibilities="分管学前教育和特殊教育。")
    outcome = search(SearchParams(query="特殊教育"), Audience(department=w.tenant, language="zh-hans"), log=False)
    assert [hit.page.pk for hit in outcome.hits] == [w.profile.pk]


def test_the_profile_editor_shows_the_directory_record_and_does_not_repeat_it(w, as_user):
    client = as_user("webmaster")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[w.profile.pk]))
    assert response.status_code == 200
    form = response.content.decode()
    assert "李振宇" in form and "主持局全面工作。" in form
    for field in ("person_name", "position", "responsibilities", "photo"):
        assert f'name="{field}"' not in form
    # The webmaster may not edit the directory, so no link to it is offered.
    entry = w.profile.directory_leader.entry
    assert reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk]) not in form
    central = as_user("central").get(reverse("wagtailadmin_pages:edit", args=[w.profile.pk])).content.decode()
    assert reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk]) in central


def test_a_profile_no_leader_links_to_shows_its_title_and_biography(w, client):
    DirectoryLeader.objects.filter(profile_page=w.profile).update(profile_page=None)
    page = LeaderProfilePage.objects.get(pk=w.profile.pk)
    assert page.directory_leader is None and page.person_name == "李振宇"
    profile = text(client, w.tenant, page)
    assert "李振宇" in profile and "教育学硕士" in profile and "局长" not in profile


def test_the_functions_page_editor_has_no_leadership_field_of_its_own(w, as_user):
    response = as_user("webmaster").get(reverse("wagtailadmin_pages:edit", args=[w.functions.pk]))
    assert response.status_code == 200
    form = response.content.decode()
    assert 'name="leadership"' not in form and 'name="internal_units"' in form
    assert "领导班子取自部门名录" in form

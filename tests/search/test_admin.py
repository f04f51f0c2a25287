"""Admin screens: each site's webmasters keep its best bets and statistics; editors search their own sites."""

import pytest
from django.contrib.auth import get_user_model

from hub.search.models import PromotedPage, Promotion
from hub.search.querylog import log_query
from hub.tenancy.models import TenantGroup
from tests import factories

pytestmark = pytest.mark.django_db


def member(department, role, client):
    user = get_user_model().objects.create_user(username=f"{department.code}-{role}", password="x")
    department.tenant_groups.get(role=role).group.user_set.add(user)
    client.force_login(user)
    return user


@pytest.fixture
def promotions(group, article):
    education_page = article(group.education, "招生指南", "招生。")
    finance_page = article(group.finance, "预算公开", "预算。")
    education = Promotion.objects.create(department=group.education, query="招生")
    PromotedPage.objects.create(promotion=education, page=education_page)
    finance = Promotion.objects.create(department=group.finance, query="预算")
    PromotedPage.objects.create(promotion=finance, page=finance_page)
    return education, finance


def test_webmasters_see_and_edit_only_their_sites_best_bets(client, group, promotions):
    education, finance = promotions
    member(group.education, TenantGroup.Role.WEBMASTER, client)

    listing = client.get("/admin/search/promotions/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "招生" in html and "预算" not in html

    assert client.get(f"/admin/search/promotions/edit/{education.pk}/").status_code == 200
    assert client.get(f"/admin/search/promotions/edit/{finance.pk}/").status_code == 404
    assert client.get(f"/admin/search/promotions/delete/{finance.pk}/").status_code == 404

    add = client.get("/admin/search/promotions/new/")
    assert add.status_code == 200, add
    form = add.context["form"]
    assert list(form.fields["department"].queryset) == [group.education]


def test_webmasters_open_no_other_sites_best_bet_history_or_usage(client, group, promotions):
    education, finance = promotions
    member(group.education, TenantGroup.Role.WEBMASTER, client)
    for view in ("history", "history-results", "usage"):
        own = client.get(f"/admin/search/promotions/{view}/{education.pk}/")
        assert own.status_code == 200, view
        other = client.get(f"/admin/search/promotions/{view}/{finance.pk}/")
        assert other.status_code == 404, view
        assert "预算" not in other.content.decode()


def test_editors_and_reviewers_do_not_manage_best_bets(client, group, promotions):
    member(group.education, TenantGroup.Role.EDITOR, client)
    assert client.get("/admin/search/promotions/").status_code in (302, 403)
    assert client.get("/admin/search/statistics/").status_code in (302, 403)


def test_central_admins_see_every_sites_best_bets(admin_client, promotions):
    html = admin_client.get("/admin/search/promotions/").content.decode()
    assert "招生" in html and "预算" in html


def test_statistics_show_only_the_webmasters_sites(client, group):
    log_query("招生政策", department=group.education, language="zh-hans", results=3)
    log_query("没有结果的词", department=group.education, language="zh-hans", results=0)
    log_query("预算公开", department=group.finance, language="zh-hans", results=2)
    member(group.education, TenantGroup.Role.WEBMASTER, client)
    html = client.get("/admin/search/statistics/").content.decode()
    assert "招生政策" in html and "没有结果的词" in html
    assert "预算公开" not in html


def test_editors_search_their_own_sites_drafts_included(client, group, article):
    published = article(group.education, "教育督导报告", "教育督导。")
    draft = factories.make_article(group.news(group.education), title="教育督导草稿", publish=False, live=False)
    article(group.finance, "财政督导", "财政督导。")
    member(group.education, TenantGroup.Role.EDITOR, client)

    response = client.get("/admin/search/group/", {"q": "督导"})
    assert response.status_code == 200
    assert {hit.page.pk for hit in response.context["outcome"].hits} == {published.pk, draft.pk}
    html = response.content.decode()
    assert "草稿" in html and "财政督导" not in html


def test_indexing_problems_are_for_central_admins(client, group):
    member(group.education, TenantGroup.Role.WEBMASTER, client)
    assert client.get("/admin/search/indexing-problems/").status_code in (302, 403)

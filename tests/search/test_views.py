"""The public search page and the JSON endpoint, per hostname and language."""

import datetime

import pytest
from wagtail.models import Locale

from hub.i18n.languages import set_published_languages
from hub.search.models import PromotedPage, Promotion
from hub.tenancy.onboarding import set_online

pytestmark = pytest.mark.django_db


def get(client, department, path, **params):
    return client.get(path, params, HTTP_HOST=department.hostname)


def test_search_page_lists_highlighted_results_with_site_and_date(client, group, article):
    article(group.education, "控辍保学工作推进会", "全州控辍保学工作推进会召开。", date=datetime.date(2024, 5, 20))
    response = get(client, group.education, "/search/", q="控辍保学")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>控辍保学</mark>工作推进会" in html
    assert group.education.short_name in html
    assert "2024-05-20" in html
    assert "在克州教育局找到 1 条结果" in html
    assert 'name="scope" value="site" checked' in html


def test_nonsense_parameters_are_ignored(client, group, article):
    article(group.education, "控辍保学", "控辍保学。")
    params = {"q": "控辍保学", "year": "99999", "page": "-3", "per_page": "100000", "sort": "x", "scope": "y"}
    response = get(client, group.education, "/search/", **params)
    assert response.status_code == 200
    assert "找到 1 条结果" in response.content.decode()
    assert get(client, group.education, "/search/api/", **params).json()["total"] == 1


def test_search_page_without_a_query_shows_the_form(client, group):
    response = get(client, group.education, "/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_zero_results_page_helps(client, group, article):
    article(group.finance, "衔接资金", "乡村振兴衔接资金。")
    html = get(client, group.education, "/search/", q="衔接资金").content.decode()
    assert "没有找到与“衔接资金”相关的内容" in html
    assert "在全站群中有 1 条相关结果" in html
    assert "scope=all" in html


def test_facet_links_keep_the_query_and_toggle_the_choice(client, group, article):
    article(group.education, "乡村振兴", "乡村振兴。")
    article(group.finance, "乡村振兴资金", "乡村振兴资金。")
    html = get(client, group.portal, "/search/", q="乡村振兴").content.decode()
    assert f"site={group.education.code}" in html
    narrowed = get(client, group.portal, "/search/", q="乡村振兴", site=group.education.code).content.decode()
    assert "乡村振兴资金" not in narrowed
    assert 'aria-current="true"' in narrowed


def test_document_number_redirects_to_the_document(client, group, document):
    page = document(group.education, "关于做好春季开学工作的通知", "克教发〔2024〕11号")
    response = get(client, group.education, "/search/", q="克教发[2024]11号")
    assert response.status_code == 302
    assert response["Location"].endswith(page.url_path.split("/", 2)[2]) or page.slug in response["Location"]


def test_json_endpoint_returns_results_facets_and_best_bets(client, group, article):
    target = article(group.education, "招生入学指南", "义务教育招生入学。")
    promotion = Promotion.objects.create(department=group.education, query="招生")
    PromotedPage.objects.create(promotion=promotion, page=target)
    data = get(client, group.education, "/search/api/", q="招生").json()
    assert data["total"] == 1
    assert data["scope"] == "site"
    result = data["results"][0]
    assert result["title"] == "招生入学指南"
    assert result["site"]["code"] == group.education.code
    assert result["url"].startswith(f"http://{group.education.hostname}")
    assert "<mark>招生</mark>" in result["title_html"]
    assert data["promoted"][0]["id"] == target.pk
    assert data["facets"]["site"] == [
        {"value": group.education.code, "label": "克州教育局", "count": 1, "selected": False}
    ]
    assert data["exact_match"] is None


def test_json_empty_results_carry_the_help(client, group, article):
    article(group.finance, "衔接资金", "衔接资金。")
    data = get(client, group.education, "/search/api/", q="衔接资金").json()
    assert data["total"] == 0
    assert data["other_scope_total"] == 1


def test_search_in_another_language_uses_the_language_prefix(client, group, article):
    set_published_languages(group.education, ["ug"])
    zh = article(group.education, "教育", "教育。")
    ug = zh.copy_for_translation(Locale.objects.get(language_code="ug"), copy_parents=True)
    ug.title = "مائارىپ خىزمىتى"
    ug.save_revision().publish()
    response = get(client, group.education, "/ug/search/", q="مائارىپ")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ug"' in html and 'dir="rtl"' in html
    assert "<mark>مائارىپ</mark>" in html
    assert [r["id"] for r in get(client, group.education, "/ug/search/api/", q="مائارىپ").json()["results"]] == [ug.pk]
    assert get(client, group.education, "/search/api/", q="مائارىپ").json()["total"] == 0


def test_offline_sites_answer_gone(client, group):
    set_online(group.finance, False)
    assert get(client, group.finance, "/search/", q="资金").status_code == 410
    assert get(client, group.finance, "/search/api/", q="资金").status_code == 410


def test_themes_can_show_the_hot_list(rf, group):
    from django.template import engines

    from hub.search.querylog import log_query

    for _ in range(3):
        log_query("招生", department=group.education, language="zh-hans", results=2)
        log_query("预算", department=group.finance, language="zh-hans", results=2)
    template = engines["django"].from_string(
        "{% load search_tags %}{% hot_searches as hot %}{% for q, n in hot %}[{{ q }}:{{ n }}]{% endfor %}"
    )
    on_education = template.render({"request": rf.get("/", HTTP_HOST=group.education.hostname)})
    assert on_education == "[招生:3]"
    on_portal = template.render({"request": rf.get("/", HTTP_HOST=group.portal.hostname)})
    assert "[招生:3]" in on_portal and "[预算:3]" in on_portal

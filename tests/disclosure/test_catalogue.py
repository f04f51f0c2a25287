"""The disclosure catalogue browses every tenant's documents by department, subject, year and genre."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.tenancy.models import Department
from sites.common.models.disclosure import genre_of
from tests import factories

pytestmark = pytest.mark.django_db


def portal_page(client, w, query=""):
    url = w.portal_catalogue.relative_url(w.portal.site) + query
    response = client.get(url, HTTP_HOST=w.portal.hostname)
    assert response.status_code == 200
    return response.content.decode()


def listed(html, w):
    return {key for key, doc in w.documents.items() if doc.title in html}


def test_the_portal_catalogue_lists_every_departments_published_documents(w, client):
    assert listed(portal_page(client, w, "?department=gkjyj"), w) == {"notice", "opinion"}
    assert listed(portal_page(client, w, "?department=gkwjw"), w) == {"measures", "health_notice", "school_health"}
    assert "尚未发布的文件" not in portal_page(client, w, "?department=gkjyj")


# The department filter keeps these checks independent of other tenants' documents (the demo's, say).
@pytest.mark.parametrize(
    "query, expected",
    [
        ("?subject=13&department=gkwjw", {"measures", "health_notice"}),
        ("?subject=11&department=gkwjw", {"school_health"}),
        ("?year=2023&department=gkjyj", {"opinion"}),
        ("?genre=tongzhi&department=gkwjw", {"health_notice", "school_health"}),
        ("?genre=yijian&department=gkjyj", {"opinion"}),
        ("?genre=other&department=gkwjw", {"measures"}),
        ("?q=克卫发〔2024〕3号", {"measures"}),
    ],
)
def test_filters_narrow_the_list(w, client, query, expected):
    assert listed(portal_page(client, w, query), w) == expected


def test_each_document_shows_the_standard_disclosure_metadata(w, client):
    html = portal_page(client, w, "?department=gkjyj&year=2024")
    notice = w.documents["notice"]
    for label in ("索引号", "发布机构", "成文日期", "文号", "发布日期", "主题分类", "有效性"):
        assert label in html
    assert notice.index_number and notice.index_number in html
    assert "克教发〔2024〕5号" in html and "2024-03-01" in html and "2024-03-05" in html and "科技、教育" in html
    document_page = client.get(notice.relative_url(w.tenant.site), HTTP_HOST=w.tenant.hostname).content.decode()
    assert notice.index_number in document_page and "有效性" in document_page


def test_facets_count_under_the_other_filters_and_keep_them_in_their_links(w, client):
    html = portal_page(client, w, "?subject=13&year=2024")
    assert '公开卫健委</a> <span class="facet__count">(<bdi>1</bdi>)' in html
    assert '公开教育局</a> <span class="facet__count">' not in html  # no health documents there
    # Choosing a year keeps the subject chosen.
    assert 'href="?subject=13&amp;year=2023"' in html
    # Subjects counted for one department, whatever subject is chosen: two health documents, one on education.
    html = portal_page(client, w, "?department=gkwjw&subject=11")
    assert '卫生、体育</a> <span class="facet__count">(<bdi>2</bdi>)' in html
    assert '科技、教育</a> <span class="facet__count">(<bdi>1</bdi>)' in html
    assert 'href="?department=gkwjw&amp;subject=11&amp;year=2024"' in html


def test_pagination_keeps_the_filters(w, client):
    url = w.tenant_catalogue.relative_url(w.tenant.site)
    one_per_page = client.get(url + "?subject=11", HTTP_HOST=w.tenant.hostname).content.decode()
    assert 'href="?subject=11&amp;page=2"' in one_per_page
    second = client.get(url + "?subject=11&page=2", HTTP_HOST=w.tenant.hostname).content.decode()
    assert listed(second, w) == {"opinion"}  # newest first: the 2024 notice is on page 1
    only_one = client.get(url + "?year=2024", HTTP_HOST=w.tenant.hostname).content.decode()
    assert "page=2" not in only_one


def test_a_department_catalogue_lists_only_its_own_documents_with_its_guide_and_reports(w, client):
    url = w.tenant_catalogue.relative_url(w.tenant.site)
    html = (
        client.get(url, HTTP_HOST=w.tenant.hostname).content.decode()
        + client.get(url + "?page=2", HTTP_HOST=w.tenant.hostname).content.decode()
    )
    assert listed(html, w) == {"notice", "opinion"}
    assert "政府信息公开指南" in html and "2023年度报告" in html
    assert "facet-department" not in html
    # The portal's catalogue shows the same guide for that department.
    assert "2023年度报告" in portal_page(client, w, "?department=gkjyj")


def test_an_offline_departments_documents_leave_the_portal_catalogue(w, client):
    Department.objects.filter(pk=w.other.pk).update(is_online=False)
    # Its documents are gone (their numbers all start 克卫发); its name is no longer a filter.
    html = portal_page(client, w, "?q=克卫发")
    assert listed(html, w) == set() and "共 0 件" in html
    assert listed(portal_page(client, w, "?department=gkjyj"), w) == {"notice", "opinion"}


def test_the_guide_shows_the_contact_details_from_the_directory(w, client):
    Department.objects.filter(pk=w.tenant.pk).update(phone="0908-4220000", office_hours="工作日全天")
    html = client.get(w.guide.relative_url(w.tenant.site), HTTP_HOST=w.tenant.hostname).content.decode()
    assert "受理机构" in html and "0908-4220000" in html and "工作日全天" in html
    report = client.get(w.report.relative_url(w.tenant.site), HTTP_HOST=w.tenant.hostname)
    assert report.status_code == 200 and "报告年度" in report.content.decode()


def test_the_genre_is_read_from_the_end_of_the_title():
    assert genre_of("关于印发《克州中小学校园安全管理办法》的通知") == "通知"
    assert genre_of("克州基层医疗卫生机构绩效考核办法") == ""
    assert genre_of("关于2023年度工作情况的报告") == "报告"


# The site's page budget (tests/sites) is 25 queries; the catalogue adds four facet counts and the rows'
# interpretations (政策解读: one query and the view restrictions of their pages).
CATALOGUE_QUERY_BUDGET = 32


def test_the_catalogue_renders_in_a_bounded_number_of_queries(w, client):
    url = w.portal_catalogue.relative_url(w.portal.site) + "?subject=11&year=2024"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, HTTP_HOST=w.portal.hostname).status_code == 200
        return len(captured)

    queries()  # the first render fills the per-process caches (site roots, fragment caches)
    before = queries()
    assert before <= CATALOGUE_QUERY_BUDGET
    # Another tenant with documents costs no further query (once the site caches a new Site clears are refilled).
    another = factories.make_site(short_name="公开民政局")
    factories.make_document(factories.column(another, "xxgk", "zcwj"), subject=w.documents["notice"].subject)
    queries()
    assert queries() == before

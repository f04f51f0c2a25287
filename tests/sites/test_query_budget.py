"""Every public page type renders in a bounded number of queries, however many tenants there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.tenancy.models import Department
from hub.tenancy.scoping import pages_for
from sites.common import models as common
from tests import factories

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 25


def demo_page(model, departments):
    """A live page of this type from the demo, so it is measured with realistic content."""
    return model.objects.live().filter(pk__in=pages_for(departments).values("pk")).order_by("path").first()


def page_to_measure(page_type, demo):
    """(page, department, query string) for one public page type."""
    departments = list(Department.objects.filter(code__in=demo.per_site))
    portal = next(d for d in departments if d.is_portal)
    department = next(d for d in departments if not d.is_portal)
    if page_type == "portal home":
        return portal.site.root_page.specific, portal, ""
    if page_type == "department home":
        return department.site.root_page.specific, department, ""
    if page_type == "column index, page 2":
        column = factories.make_column(factories.column(department, "gzdt"), title="基层动态", per_page=5)
        for day in range(1, 13):
            factories.make_article(column, date=datetime.date(2024, 6, day), title=f"基层动态第{day}期")
        return column, department, "?page=2"

    models = {
        "article": (common.ArticlePage, factories.make_article, ("gzdt",)),
        "government document": (common.GovernmentDocumentPage, factories.make_document, ("xxgk", "zcwj")),
        "leader profile": (common.LeaderProfilePage, factories.make_leader, ("xxgk", "jgzn")),
        "speech": (common.SpeechPage, factories.make_speech, ("gzdt",)),
        "function": (common.FunctionPage, factories.make_function, ("xxgk", "jgzn")),
        "appointment notice": (common.AppointmentNoticePage, factories.make_appointment, ("xxgk", "rsxx")),
        "special topic": (common.SpecialTopicPage, factories.make_topic, ("gzdt",)),
        "standard page": (common.StandardPage, factories.make_standard, ("gywm",)),
    }
    model, make, column_slugs = models[page_type]
    page = demo_page(model, departments)
    if page is None:
        # The demo lacks this type: measure one made here, in a world that still holds the demo.
        page = make(factories.column(department, *column_slugs))
    owner = next(d for d in departments if page.path.startswith(d.site.root_page.path))
    return page, owner, ""


PAGE_TYPES = [
    "portal home",
    "department home",
    "column index, page 2",
    "article",
    "government document",
    "leader profile",
    "speech",
    "function",
    "appointment notice",
    "special topic",
    "standard page",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_renders_within_the_query_budget(client, demo, django_assert_max_num_queries, page_type):
    page, department, query = page_to_measure(page_type, demo)
    url = page.relative_url(department.site) + query

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url, HTTP_HOST=department.hostname)

    assert response.status_code == 200
    assert page.title in response.content.decode()


def count_queries(client, host):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_home_page_queries_do_not_grow_with_more_tenants(client, demo):
    portal = Department.objects.get(code__in=demo.per_site, kind=Department.Kind.PORTAL)
    department = Department.objects.filter(code__in=demo.per_site, kind=Department.Kind.DEPARTMENT).first()
    # Warm the per-process caches (site root paths) so both measurements are alike.
    client.get("/", HTTP_HOST=portal.hostname)
    client.get("/", HTTP_HOST=department.hostname)
    portal_before, _ = count_queries(client, portal.hostname)
    department_before, _ = count_queries(client, department.hostname)

    added = []
    for _ in range(5):
        tenant = factories.make_site()
        factories.make_article(factories.column(tenant, "gzdt"), date=datetime.date.today(), title="新部门网站上线")
        added.append(tenant)
    client.get("/", HTTP_HOST=portal.hostname)
    client.get("/", HTTP_HOST=department.hostname)
    portal_after, portal_html = count_queries(client, portal.hostname)
    department_after, _ = count_queries(client, department.hostname)

    for tenant in added:
        assert tenant.short_name in portal_html, "a new tenant is missing from the portal's department bar"
    assert portal_after <= portal_before, f"portal home: {portal_before} queries before, {portal_after} after"
    assert department_after <= department_before

"""Each tenant answers at its own hostname, and only with its own pages."""

import pytest
from django.utils import timezone

from hub.tenancy.models import Department
from sites.common.models import ColumnIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_home_page_and_top_level_column_answers_at_its_own_hostname(client, demo):
    failures = []
    checked = 0
    for department in Department.objects.select_related("site__root_page"):
        home = department.site.root_page
        pages = [home, *home.get_children().live().type(ColumnIndexPage).specific()]
        for page in pages:
            response = client.get(page.relative_url(department.site), HTTP_HOST=department.hostname)
            checked += 1
            if response.status_code != 200:
                failures.append(f"{department.hostname}{page.url_path}: {response.status_code}")
            elif page.title not in response.content.decode():
                failures.append(f"{department.hostname}{page.url_path}: title {page.title} not shown")

    assert checked >= 7 * 6
    assert not failures, failures


def test_the_home_page_shows_the_tenant_name(client, demo):
    for department in Department.objects.all():
        response = client.get("/", HTTP_HOST=department.hostname)
        assert department.name in response.content.decode(), department.hostname


def test_a_page_of_one_tenant_is_not_found_under_another_hostname(client, demo):
    owner = Department.objects.filter(kind=Department.Kind.DEPARTMENT, code__in=demo.per_site).first()
    others = Department.objects.exclude(pk=owner.pk)
    article = factories.make_article(
        factories.column(owner, "gzdt"), title="乡村学校少年宫建设现场推进会召开", slug="xcxx-snsg-tjh"
    )
    url = article.relative_url(owner.site)

    response = client.get(url, HTTP_HOST=owner.hostname)
    assert response.status_code == 200
    assert "乡村学校少年宫建设现场推进会召开" in response.content.decode()
    for other in others:
        assert client.get(url, HTTP_HOST=other.hostname).status_code == 404, other.hostname


def test_a_columns_path_serves_each_tenants_own_column(client, demo):
    """Tenants share column slugs (the standard plan); each hostname serves its own column page."""
    first, second = Department.objects.filter(kind=Department.Kind.DEPARTMENT)[:2]
    only_first = factories.make_article(
        factories.column(first, "tzgg"), title="关于开展安全生产大检查的通知", kind="notice", date=timezone.localdate()
    )

    first_page = client.get("/tzgg/", HTTP_HOST=first.hostname).content.decode()
    second_page = client.get("/tzgg/", HTTP_HOST=second.hostname).content.decode()

    assert only_first.title in first_page
    assert only_first.title not in second_page

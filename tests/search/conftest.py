"""Fixtures for the search tests: a small site group with pages whose words stock search cannot find."""

import datetime
from functools import cached_property

import pytest
from django.conf import settings
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from tests import factories

STOCK_BACKEND = "wagtail.search.backends.database"


def on_postgresql():
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def search_ids(query, queryset=None, **kwargs):
    queryset = Page.objects.live() if queryset is None else queryset
    return {page.pk for page in queryset.search(query, **kwargs)}


def index_with(backend_name, *pages):
    """(Re)write the index rows of these pages with another backend (both share one table)."""
    backend = get_search_backend(backend_name)
    for page in pages:
        backend.add(page.specific)


class SiteGroup:
    """A portal and two department sites (教育局, 财政局), each onboarded when a test first uses it."""

    @cached_property
    def portal(self):
        return factories.make_site(kind="portal", short_name="克州门户")

    @cached_property
    def education(self):
        return factories.make_site(short_name="克州教育局")

    @cached_property
    def finance(self):
        return factories.make_site(short_name="克州财政局")

    def news(self, department):
        return factories.column(department, "zwxx" if department.is_portal else "gzdt")

    def documents(self, department):
        return factories.column(department, "xxgk", "zcwj")


@pytest.fixture
def group(db):
    return SiteGroup()


@pytest.fixture
def article(group):
    """Publish a news article on a site: article(site, title, text, **fields)."""

    def make(department, title, text="克州各部门认真贯彻落实决策部署。", **fields):
        fields.setdefault("date", datetime.date(2024, 5, 20))
        return factories.make_article(group.news(department), title=title, body=factories.body(text), **fields)

    return make


@pytest.fixture
def document(group):
    """Publish a government document on a site: document(site, title, number, **fields)."""

    def make(department, title, document_number, text="现将有关事项通知如下。", **fields):
        fields.setdefault("date", datetime.date(2024, 3, 1))
        return factories.make_document(
            group.documents(department),
            title=title,
            document_number=document_number,
            body=factories.body(text),
            **fields,
        )

    return make

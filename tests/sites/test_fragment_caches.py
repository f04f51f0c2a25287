"""Panels rendered from a fragment cache are fresh after every change they show.

The department bar, the portal's department news and 领导之窗 are cached as template fragments keyed
on the site group's generation (hub/tenancy/generations.py). Each test fills the cache with an
anonymous visit, changes something, and fetches the page anonymously again.
"""

import pytest
from django.core.cache import cache

from hub.directory.models import DirectoryLeader
from hub.directory.queries import entry_for
from hub.tenancy import generations
from hub.tenancy.onboarding import set_online
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    cache.clear()
    portal = factories.make_site(kind="portal", code="fcportal", short_name="州人民政府", hostname="fcportal.localhost")
    department = factories.make_site(code="fcjyj", short_name="州教育局", hostname="fcjyj.localhost")
    yield portal, department
    cache.clear()


def home(department, client):
    response = client.get("/", HTTP_HOST=department.site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def test_generation_numbers_are_new_after_a_bump_and_after_a_flush(db):
    cache.clear()
    first = generations.generation("test-key")
    assert generations.generation("test-key") == first
    generations.bump("test-key")
    second = generations.generation("test-key")
    assert second != first
    cache.clear()
    assert generations.generation("test-key") not in (first, second)


def test_department_news_on_the_portal_is_fresh_after_a_publish(group, client):
    portal, department = group
    factories.make_article(factories.column(department, "gzdt"), title="全州教育工作会议召开")
    assert "全州教育工作会议召开" in home(portal, client)
    fresh = factories.make_article(
        factories.column(department, "gzdt"), title="秋季学期开学工作部署", date=None, publish=False
    )
    assert "秋季学期开学工作部署" not in home(portal, client)  # a draft is not shown
    fresh.save_revision().publish()
    assert "秋季学期开学工作部署" in home(portal, client)
    fresh.refresh_from_db()
    fresh.unpublish()
    assert "秋季学期开学工作部署" not in home(portal, client)


def test_department_news_is_fresh_after_a_delete(group, client):
    portal, department = group
    article = factories.make_article(factories.column(department, "gzdt"), title="全州教育工作会议召开")
    assert "全州教育工作会议召开" in home(portal, client)
    article.delete()
    assert "全州教育工作会议召开" not in home(portal, client)


def test_leaders_window_is_fresh_after_a_directory_edit(group, client):
    portal, _ = group
    entry = entry_for(portal)
    assert "阿不都热合曼" not in home(portal, client)
    DirectoryLeader.objects.create(entry=entry, name="阿不都热合曼", position="州长")
    assert "阿不都热合曼" in home(portal, client)


def test_department_bar_is_fresh_after_a_rename_and_going_offline(group, client):
    portal, department = group
    assert "州教育局" in home(department, client) and "州教育局" in home(portal, client)
    department.short_name = "州教育和科技局"
    department.save()
    assert "州教育和科技局" in home(portal, client)
    set_online(department, False)
    assert "州教育和科技局" not in home(portal, client)

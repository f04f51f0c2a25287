"""The portal home: the latest items of every department, and accepted items in the portal's own news."""

import re

import pytest
from django.utils import timezone

from hub.syndication.actions import AcceptSubmission, SubmitToPortal
from hub.tenancy.onboarding import set_online
from tests import factories

pytestmark = pytest.mark.django_db


def panel(client, w, panel_id):
    """The HTML of one panel of the portal home page."""
    home = client.get("/", HTTP_HOST=w.portal.hostname).content.decode()
    match = re.search(rf'<section[^>]*aria-labelledby="panel-{panel_id}">(.*?)</section>', home, re.S)
    assert match, f"no panel {panel_id} on the portal home"
    return match.group(1)


def test_the_portal_home_shows_the_latest_items_of_every_department(w, client):
    today = timezone.localdate()
    factories.make_article(w.news, title="报送教育局召开新学期工作会", date=today)
    factories.make_article(w.other_news, title="报送卫健委开展义诊进社区活动", date=today)
    factories.make_article(w.other_news, title="报送卫健委尚未发布的稿件", date=today, publish=False, live=False)

    department_news = panel(client, w, "department-news")
    assert "报送教育局召开新学期工作会" in department_news and "报送卫健委开展义诊进社区活动" in department_news
    assert f"[{w.tenant.short_name}]" in department_news and f"[{w.other.short_name}]" in department_news
    assert "尚未发布的稿件" not in department_news

    set_online(w.other, False)
    department_news = panel(client, w, "department-news")
    assert "报送卫健委开展义诊进社区活动" not in department_news
    assert "报送教育局召开新学期工作会" in department_news


def test_an_accepted_item_enters_the_portals_own_news_panel(w, client):
    article = factories.make_article(w.news, title="报送教育局举办教师技能大赛", date=timezone.localdate())
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    assert "报送教育局举办教师技能大赛" not in panel(client, w, "news")

    copy = AcceptSubmission(submission, user=w.user("portal_editor"), column=w.portal_column).execute().copy
    news = panel(client, w, "news")
    assert "报送教育局举办教师技能大赛" in news
    assert f'href="{copy.relative_url(w.portal.site)}"' in news

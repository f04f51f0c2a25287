"""The portal's headline (头条) and featured items are its editors' choice; accepted submissions enter the lists."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from hub.syndication.actions import SubmitToPortal
from hub.syndication.models import Submission
from sites.portal.models.home import PortalFeaturedItem, PortalHomePage
from tests import factories

pytestmark = pytest.mark.django_db


def home_html(client, w):
    response = client.get("/", HTTP_HOST=w.portal.hostname)
    assert response.status_code == 200
    return response.content.decode()


def headline(html):
    match = re.search(r'<section class="headline"[^>]*>(.*?)</section>', html, re.S)
    assert match, "no headline on the portal home"
    return match.group(1)


def panel(html, panel_id):
    match = re.search(rf'<section[^>]*aria-labelledby="panel-{panel_id}">(.*?)</section>', html, re.S)
    assert match, f"no panel {panel_id} on the portal home"
    return match.group(1)


def accept_over_http(as_user, w, article):
    """The department offers the article, a portal editor accepts it in the admin; returns the copy."""
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    response = as_user("portal_editor").post(
        reverse("syndication:accept", args=[submission.pk]), {"column": w.portal_column.pk}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
    return submission.copy


def portal_home(w):
    return PortalHomePage.objects.get(pk=w.portal.site.root_page_id)


def test_an_accepted_submission_enters_the_news_list_but_not_the_headline(w, as_user, client):
    today = timezone.localdate()
    factories.make_article(w.portal_column, title="门户自编稿：全州冬季供暖工作会议召开", date=today)
    article = factories.make_article(w.news, title="报送教育局举办全州中小学校长培训班", date=today)
    accept_over_http(as_user, w, article)

    client.logout()
    html = home_html(client, w)
    assert "门户自编稿：全州冬季供暖工作会议召开" in headline(html)
    assert "报送教育局举办全州中小学校长培训班" not in headline(html)
    assert "报送教育局举办全州中小学校长培训班" in panel(html, "news")


def test_the_pinned_headline_stays_the_headline_after_an_acceptance(w, as_user, client):
    older = timezone.localdate() - datetime.timedelta(days=10)
    pinned = factories.make_article(
        w.portal_column, title="门户置顶：克州召开优化营商环境大会", summary="部署优化营商环境重点任务。", date=older
    )
    factories.make_article(w.portal_column, title="门户较新的自编稿件", date=timezone.localdate())
    home = portal_home(w)
    home.headline = pinned
    home.save_revision().publish()

    article = factories.make_article(w.news, title="报送教育局开展校园安全大检查", date=timezone.localdate())
    copy = accept_over_http(as_user, w, article)

    client.logout()
    html = home_html(client, w)
    top = headline(html)
    assert "门户置顶：克州召开优化营商环境大会" in top and "部署优化营商环境重点任务。" in top
    assert f'href="{pinned.relative_url(w.portal.site)}"' in top
    news = panel(html, "news")
    assert "报送教育局开展校园安全大检查" in news and f'href="{copy.relative_url(w.portal.site)}"' in news

    # Unpublished, the pin no longer shows: the headline falls back to the newest of the portal's own news.
    pinned.unpublish()
    assert "门户较新的自编稿件" in headline(home_html(client, w))


def test_an_accepted_copy_is_headline_and_featured_only_when_chosen(w, as_user, client):
    article = factories.make_article(w.news, title="报送教育局推进义务教育优质均衡发展", date=timezone.localdate())
    copy = accept_over_http(as_user, w, article)
    own = factories.make_article(w.portal_column, title="门户推荐：克州冬季旅游季启动", date=timezone.localdate())
    home = portal_home(w)
    home.headline = copy
    home.featured_items = [PortalFeaturedItem(page=own)]
    home.save_revision().publish()

    html = home_html(client, w)
    assert "报送教育局推进义务教育优质均衡发展" in headline(html)
    featured = panel(html, "featured")
    assert "门户推荐：克州冬季旅游季启动" in featured
    assert f'href="{own.relative_url(w.portal.site)}"' in featured


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    return data


def test_the_choosers_accept_only_the_portals_own_pages_and_its_synced_copies(w, as_user):
    original = factories.make_article(w.news, title="报送教育局尚未报送的原稿", date=timezone.localdate())
    copy = accept_over_http(as_user, w, factories.make_article(w.news, title="报送教育局已采用的稿件"))
    own = factories.make_article(w.portal_column, title="门户自编的推荐稿件")
    home = portal_home(w)
    client = as_user("portal_editor")
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])

    data = edit_form(client, home)
    data.update(
        {
            "headline": original.pk,
            "featured_items-TOTAL_FORMS": 1,
            "featured_items-0-page": original.pk,
            "featured_items-0-ORDER": 1,
            "featured_items-0-id": "",
            "featured_items-0-DELETE": "",
        }
    )
    refused = client.post(url, data)
    assert refused.status_code == 200
    form = refused.context["form"]
    assert "headline" in form.errors
    assert form.formsets["featured_items"].forms[0].errors.get("page")
    assert portal_home(w).get_latest_revision_as_object().headline_id != original.pk

    data.update({"headline": copy.pk, "featured_items-0-page": own.pk})
    saved = client.post(url, data)
    assert saved.status_code == 302, saved.context["form"].errors if saved.context else saved
    draft = portal_home(w).get_latest_revision_as_object()
    assert draft.headline_id == copy.pk
    assert [item.page_id for item in draft.featured_items.all()] == [own.pk]

"""Submit-to-portal offers only the portal columns that take the item; the queue labels a suggested column."""

import re

import pytest
from django.urls import reverse

from hub.syndication.actions import SubmitToPortal
from hub.syndication.models import Submission
from tests import factories

pytestmark = pytest.mark.django_db


def offered(html, field):
    """The option values of one select of a form."""
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', html, re.S)
    assert select, field
    return {int(value) for value in re.findall(r'<option value="(\d+)"', select.group(1))}


def columns(w, *paths):
    return {factories.column(w.portal, *path.split("/")).pk for path in paths}


NOT_FOR_ITEMS = ("hdjl/zzxx", "bsfw", "gywm", "hdjl", "zjkz")


def test_an_article_is_offered_news_columns_only(w, as_user):
    """Before: every portal column was offered, 州长信箱, 办事服务 and 关于我们 among them."""
    article = factories.make_article(w.news, title="州教育局部署秋季学期工作")

    html = as_user("editor").get(reverse("syndication:submit", args=[article.pk])).content.decode()

    choices = offered(html, "suggested_column")
    assert columns(w, "zwxx", "tzgg") <= choices
    assert not choices & columns(w, *NOT_FOR_ITEMS, "zfwj", "xxgk/zcwj")


def test_a_document_is_offered_document_columns_only(w, as_user):
    document = factories.make_document(factories.column(w.tenant, "xxgk", "zcwj"), title="关于做好学校安全工作的通知")

    html = as_user("editor").get(reverse("syndication:submit", args=[document.pk])).content.decode()

    choices = offered(html, "suggested_column")
    assert columns(w, "zfwj", "xxgk/zcwj") <= choices
    assert not choices & columns(w, *NOT_FOR_ITEMS, "zwxx", "tzgg")


def test_a_crafted_column_that_does_not_take_the_item_is_refused(w, as_user):
    article = factories.make_article(w.news, title="州教育局开展送教下乡")
    (services,) = columns(w, "bsfw")

    response = as_user("editor").post(reverse("syndication:submit", args=[article.pk]), {"suggested_column": services})

    assert response.status_code == 200  # the form again, with its message
    assert not Submission.objects.filter(page=article).exists()


def test_the_portal_editor_may_accept_only_into_columns_that_take_the_item(w, as_user):
    article = factories.make_article(w.news, title="州教育局举办教师培训")
    submission = SubmitToPortal(article, user=w.user("editor"), suggested_column=w.portal_column).execute()
    client = as_user("portal_editor")

    html = client.get(reverse("syndication:detail", args=[submission.pk])).content.decode()

    choices = offered(html, "column")
    assert w.portal_column.pk in choices and not choices & columns(w, *NOT_FOR_ITEMS, "zfwj")
    (about,) = columns(w, "gywm")
    client.post(reverse("syndication:accept", args=[submission.pk]), {"column": about})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING and submission.copy_id is None


def test_the_queue_names_the_suggested_column_without_a_question_mark(w, as_user):
    article = factories.make_article(w.news, title="州教育局召开家长座谈会")
    SubmitToPortal(article, user=w.user("editor"), suggested_column=w.portal_column).execute()

    html = as_user("portal_editor").get(reverse("syndication:index")).content.decode()

    assert f"建议：{w.portal_column.title}" in html
    assert f"{w.portal_column.title}?" not in html

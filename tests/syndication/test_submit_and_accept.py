"""An article offered to the portal waits in the portal editors' queue; accepted, it appears there as a synced copy."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from hub.syndication.actions import AcceptSubmission, SubmitToPortal
from hub.syndication.models import Submission
from sites.common.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def portal_get(client, w, page, **extra):
    return client.get(page.relative_url(w.portal.site), HTTP_HOST=w.portal.hostname, **extra)


def test_an_editor_submits_through_the_admin_and_the_portal_editor_sees_it_waiting(w, as_user):
    article = factories.make_article(w.news, title="全州中小学开学工作部署会召开")

    client = as_user("editor")
    form = client.get(reverse("syndication:submit", args=[article.pk]))
    assert form.status_code == 200
    assert "全州中小学开学工作部署会召开" in form.content.decode()
    response = client.post(
        reverse("syndication:submit", args=[article.pk]),
        {"suggested_column": w.portal_column.pk, "note": "请门户转载"},
    )
    assert response.status_code == 302
    submission = Submission.objects.get(page=article)
    assert submission.status == Submission.Status.PENDING
    assert submission.department == w.tenant
    assert submission.suggested_column_id == w.portal_column.pk

    assert response["Location"] == reverse("syndication:detail", args=[submission.pk])
    own = client.get(response["Location"])
    assert own.status_code == 200 and "请门户转载" in own.content.decode()
    assert reverse("syndication:accept", args=[submission.pk]) not in own.content.decode()

    client = as_user("portal_editor")
    queue = client.get(reverse("syndication:index"))
    assert queue.status_code == 200
    assert "全州中小学开学工作部署会召开" in queue.content.decode()
    review = client.get(reverse("syndication:detail", args=[submission.pk])).content.decode()
    assert reverse("syndication:accept", args=[submission.pk]) in review
    assert reverse("syndication:reject", args=[submission.pk]) in review
    # Not on the portal until a portal editor accepts it.
    assert "全州中小学开学工作部署会召开" not in portal_get(client, w, w.portal_column).content.decode()


def test_an_accepted_submission_shows_in_the_chosen_portal_column_and_follows_edits_of_the_original(w, as_user, client):
    article = factories.make_article(w.news, title="州教育局召开安全工作会议", summary="部署校园安全工作。")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()

    response = as_user("portal_editor").post(
        reverse("syndication:accept", args=[submission.pk]), {"column": w.portal_column.pk}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
    copy = submission.copy.specific
    assert copy.alias_of_id == article.pk
    assert copy.get_parent().pk == w.portal_column.pk
    assert copy.live

    column_html = portal_get(client, w, w.portal_column).content.decode()
    assert "州教育局召开安全工作会议" in column_html
    copy_html = portal_get(client, w, copy).content.decode()
    assert "州教育局召开安全工作会议" in copy_html

    # The department edits and republishes its original: the portal's copy follows.
    original = ArticlePage.objects.get(pk=article.pk)
    original.title = "州教育局召开秋季学期校园安全工作会议"
    original.body = factories.body("会议通报了暑期校园安全检查情况。")
    original.save_revision(user=w.user("webmaster")).publish()

    copy_response = portal_get(client, w, Page.objects.get(pk=copy.pk))
    assert copy_response.status_code == 200
    html = copy_response.content.decode()
    assert "州教育局召开秋季学期校园安全工作会议" in html
    assert "会议通报了暑期校园安全检查情况" in html
    assert "州教育局召开秋季学期校园安全工作会议" in portal_get(client, w, w.portal_column).content.decode()


def test_unpublishing_the_original_removes_the_copy_from_the_portal(w, client):
    article = factories.make_article(w.news, title="教育系统开展师德师风专项整治")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    AcceptSubmission(submission, user=w.user("portal_editor"), column=w.portal_column).execute()
    submission.refresh_from_db()
    copy = submission.copy
    assert portal_get(client, w, copy).status_code == 200

    ArticlePage.objects.get(pk=article.pk).unpublish(user=w.user("webmaster"))

    assert portal_get(client, w, copy).status_code == 404
    assert "教育系统开展师德师风专项整治" not in portal_get(client, w, w.portal_column).content.decode()
    assert not Page.objects.get(pk=copy.pk).live

    # Published again, the original brings its copy back (the submission still stands).
    original = ArticlePage.objects.get(pk=article.pk)
    original.save_revision(user=w.user("webmaster")).publish()
    assert portal_get(client, w, copy).status_code == 200


def test_the_portal_home_lists_accepted_items_in_its_news(w, client):
    article = factories.make_article(w.news, title="克州教育局举办教师技能大赛", date=timezone.localdate())
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    AcceptSubmission(submission, user=w.user("central"), column=w.portal_column).execute()

    home = client.get("/", HTTP_HOST=w.portal.hostname).content.decode()
    assert "克州教育局举办教师技能大赛" in home


def test_the_copy_gets_a_free_slug_when_the_column_has_one_of_the_same_name(w):
    factories.make_article(w.portal_column, title="门户自己的稿件", slug="same-slug")
    article = factories.make_article(w.news, title="部门的稿件", slug="same-slug")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    AcceptSubmission(submission, user=w.user("portal_editor"), column=w.portal_column).execute()
    submission.refresh_from_db()
    assert submission.copy.slug == "same-slug-2"


def test_deleting_the_original_deletes_its_copy(w, client):
    article = factories.make_article(w.news, title="关于调整学校作息时间的通知")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    AcceptSubmission(submission, user=w.user("portal_editor"), column=w.portal_column).execute()
    copy_id = Submission.objects.get(pk=submission.pk).copy_id

    Page.objects.get(pk=article.pk).delete()

    assert not Page.objects.filter(pk=copy_id).exists()
    assert not Submission.objects.filter(pk=submission.pk).exists()
    assert "关于调整学校作息时间的通知" not in portal_get(client, w, w.portal_column).content.decode()


def test_taking_an_accepted_copy_down_deletes_it_and_records_why(w, as_user):
    article = factories.make_article(w.news, title="全州学前教育宣传月启动")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    AcceptSubmission(submission, user=w.user("portal_editor"), column=w.portal_column).execute()
    copy_id = Submission.objects.get(pk=submission.pk).copy_id

    response = as_user("portal_editor").post(
        reverse("syndication:withdraw", args=[submission.pk]), {"reason": "已过时效"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.WITHDRAWN
    assert submission.reason == "已过时效"
    assert not Page.objects.filter(pk=copy_id).exists()
    assert ArticlePage.objects.get(pk=article.pk).live  # the department's own page is untouched

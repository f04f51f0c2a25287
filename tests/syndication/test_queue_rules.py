"""Who may submit and decide, what can be submitted, and what a sent-back submission tells the department."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hub.syndication.actions import (
    AcceptSubmission,
    RejectSubmission,
    SubmitToPortal,
    SyndicationError,
    WithdrawSubmission,
)
from hub.syndication.models import Submission
from sites.common.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_a_rejected_submission_goes_back_with_its_reason_and_may_be_offered_again(w, as_user):
    article = factories.make_article(w.news, title="教育局机关开展读书分享会")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()

    client = as_user("portal_editor")
    # A reason is required.
    client.post(reverse("syndication:reject", args=[submission.pk]), {"reason": ""})
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.PENDING
    client.post(reverse("syndication:reject", args=[submission.pk]), {"reason": "内部活动，不宜在门户发布"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED
    assert submission.copy is None

    own = as_user("editor").get(reverse("syndication:index")).content.decode()
    assert "教育局机关开展读书分享会" in own
    assert "内部活动，不宜在门户发布" in own
    assert "已退回" in own

    again = SubmitToPortal(article, user=w.user("editor")).execute()
    assert again.status == Submission.Status.PENDING


def test_a_page_waits_in_the_queue_once(w):
    article = factories.make_article(w.news, title="招生政策解读")
    SubmitToPortal(article, user=w.user("editor")).execute()
    with pytest.raises(SyndicationError):
        SubmitToPortal(article, user=w.user("editor")).execute()
    assert Submission.objects.filter(page=article).count() == 1


def test_only_published_originals_of_a_department_site_can_be_submitted(w, as_user):
    draft = factories.make_article(w.news, title="尚未发布的稿件", publish=False, live=False)
    with pytest.raises(SyndicationError):
        SubmitToPortal(draft, user=w.user("editor")).execute()
    portal_article = factories.make_article(w.portal_column, title="门户自己的稿件")
    with pytest.raises(PermissionDenied):
        SubmitToPortal(portal_article, user=w.user("central")).execute()
    assert refused(as_user("editor").get(reverse("syndication:submit", args=[draft.pk])))
    assert not Submission.objects.filter(page__in=[draft, portal_article]).exists()


def test_an_editor_cannot_submit_another_departments_page(w, as_user):
    article = factories.make_article(w.other_news, title="卫健委的稿件")
    with pytest.raises(PermissionDenied):
        SubmitToPortal(article, user=w.user("editor")).execute()
    assert refused(as_user("editor").post(reverse("syndication:submit", args=[article.pk]), {}))
    assert not Submission.objects.filter(page=article).exists()


def test_department_users_and_portal_reviewers_without_an_editor_role_cannot_decide(w, as_user):
    article = factories.make_article(w.news, title="教育督导工作简报")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    for key in ("editor", "webmaster", "other_editor", "portal_reviewer"):
        with pytest.raises(PermissionDenied):
            AcceptSubmission(submission, user=w.user(key), column=w.portal_column).execute()
    # Over HTTP: the other department does not even see the submission; the department's own editor is refused.
    url = reverse("syndication:accept", args=[submission.pk])
    assert as_user("other_editor").post(url, {"column": w.portal_column.pk}).status_code == 404
    assert refused(as_user("editor").post(url, {"column": w.portal_column.pk}))
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.PENDING


def test_accepting_into_a_column_outside_the_portal_is_refused(w):
    article = factories.make_article(w.news, title="课后服务工作推进会")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    with pytest.raises(SyndicationError):
        AcceptSubmission(submission, user=w.user("portal_editor"), column=w.other_news).execute()
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.PENDING


def test_unpublishing_a_waiting_original_takes_it_out_of_the_queue(w):
    article = factories.make_article(w.news, title="关于做好寒假安全工作的通知")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    ArticlePage.objects.get(pk=article.pk).unpublish()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.WITHDRAWN
    assert submission.reason == "原文已撤销发布"
    with pytest.raises(SyndicationError):
        AcceptSubmission(submission, user=w.user("portal_editor"), column=w.portal_column).execute()


def test_the_department_may_withdraw_a_waiting_submission_but_not_an_accepted_copy(w):
    waiting = SubmitToPortal(factories.make_article(w.news, title="稿件甲"), user=w.user("editor")).execute()
    WithdrawSubmission(waiting, user=w.user("editor")).execute()
    assert Submission.objects.get(pk=waiting.pk).status == Submission.Status.WITHDRAWN

    accepted = SubmitToPortal(factories.make_article(w.news, title="稿件乙"), user=w.user("editor")).execute()
    AcceptSubmission(accepted, user=w.user("portal_editor"), column=w.portal_column).execute()
    with pytest.raises(PermissionDenied):
        WithdrawSubmission(accepted, user=w.user("editor")).execute()


def test_the_submit_button_shows_in_the_page_editor_for_eligible_pages(w, as_user):
    article = factories.make_article(w.news, title="可报送的稿件")
    html = as_user("editor").get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert reverse("syndication:submit", args=[article.pk]) in html
    portal_article = factories.make_article(w.portal_column, title="门户稿件")
    html = as_user("central").get(reverse("wagtailadmin_pages:edit", args=[portal_article.pk])).content.decode()
    assert reverse("syndication:submit", args=[portal_article.pk]) not in html


def test_rejected_items_are_never_on_the_portal(w, client):
    article = factories.make_article(w.news, title="退回的稿件不上门户")
    submission = SubmitToPortal(article, user=w.user("editor")).execute()
    RejectSubmission(submission, user=w.user("portal_editor"), reason="重复").execute()
    html = client.get(w.portal_column.relative_url(w.portal.site), HTTP_HOST=w.portal.hostname).content.decode()
    assert "退回的稿件不上门户" not in html

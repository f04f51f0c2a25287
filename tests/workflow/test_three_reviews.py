"""An article passes the machine check and three human steps, by three different people, and goes live."""

import datetime
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from hub.workflow.models import ContentCheck

from .conftest import act, current_task_state, draft_article, submit


def step_names(page):
    states = TaskState.objects.filter(workflow_state__object_id=str(page.pk)).order_by("started_at", "pk")
    return [(s.task.name, s.status, s.finished_by.username if s.finished_by else None) for s in states]


def test_article_passes_three_reviews_by_three_people_and_goes_live(w, as_user):
    page = draft_article(w.column, owner=w.users["author"], title="全州教育工作会议召开")

    response = submit(as_user("author"), page)
    assert response.status_code == 302
    # The machine check ran on submission and passed by itself; the page now waits at 初审.
    assert current_task_state(page).task.name == "初审"
    check = ContentCheck.objects.get(page_id=page.pk, task_state__task__name="机器检查")
    assert (check.must_fix_count, check.task_state.status) == (0, "approved")
    assert not Page.objects.get(pk=page.pk).live

    assert act(as_user("reviewer"), page, "approve", "内容属实，同意。").status_code == 302
    assert current_task_state(page).task.name == "复审"
    assert act(as_user("egov"), page, "approve", "格式规范。").status_code == 302
    assert current_task_state(page).task.name == "终审"
    assert not Page.objects.get(pk=page.pk).live
    assert act(as_user("leader"), page, "approve", "同意发布。").status_code == 302

    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_APPROVED
    assert step_names(page) == [
        ("机器检查", "approved", None),
        ("初审", "approved", "reviewer"),
        ("复审", "approved", "egov"),
        ("终审", "approved", "leader"),
    ]
    # The public site serves it.
    assert as_user("author").get(page.url, HTTP_HOST=w.tenant.hostname).status_code == 200


def test_each_step_mails_its_reviewers_and_the_author_hears_of_the_approval(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    mail.outbox.clear()
    submit(as_user("author"), page)
    first = {address for message in mail.outbox for address in message.to}
    assert "reviewer@example.com" in first  # the tenant's own reviewer
    assert "other_reviewer@example.com" not in first  # not another tenant's
    assert "egov@example.com" not in first and "leader@example.com" not in first

    mail.outbox.clear()
    act(as_user("reviewer"), page, "approve")
    assert {a for m in mail.outbox for a in m.to} >= {"egov@example.com"}
    assert "leader@example.com" not in {a for m in mail.outbox for a in m.to}

    mail.outbox.clear()
    act(as_user("egov"), page, "approve")
    assert "leader@example.com" in {a for m in mail.outbox for a in m.to}

    mail.outbox.clear()
    act(as_user("leader"), page, "approve")
    assert any("author@example.com" in m.to for m in mail.outbox)


def test_the_approval_chain_is_visible_on_the_page(w, as_user):
    page = draft_article(w.column, owner=w.users["author"], title="审核记录示例")
    submit(as_user("author"), page)
    act(as_user("reviewer"), page, "approve", "初审意见：同意")
    act(as_user("egov"), page, "approve", "复审意见：同意")

    response = as_user("author").get(reverse("workflow:page_record", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("机器检查", "初审意见：同意", "复审意见：同意", "初审员", "中心编辑", "终审", "待处理"):
        assert text in html
    # The editor's header offers the record.
    edit = as_user("author").get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("workflow:page_record", args=[page.pk]) in edit


def test_scheduled_publishing_still_works_after_approval(w, as_user):
    page = draft_article(w.column, owner=w.users["author"], title="定时发布的通知")
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    submit(as_user("author"), page, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    for who in ("reviewer", "egov", "leader"):
        assert act(as_user(who), page, "approve").status_code == 302

    page = Page.objects.get(pk=page.pk)
    assert not page.live  # approved, waiting for its go-live time
    assert page.get_latest_revision().approved_go_live_at is not None
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=page.pk).live

    # Three days later the scheduled run of the publishing command puts it live.
    later = timezone.now() + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert Page.objects.get(pk=page.pk).live

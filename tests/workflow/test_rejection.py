"""Rejection at stage two (复审) returns the page to its author with the comment."""

from django.core import mail
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from .conftest import act, current_task_state, draft_article, submit

COMMENT = "第二段数据与统计局口径不一致，请核实后修改。"


def send_to_second_step(w, as_user, **fields):
    page = draft_article(w.column, owner=w.users["author"], **fields)
    submit(as_user("author"), page)
    act(as_user("reviewer"), page, "approve")
    assert current_task_state(page).task.name == "复审"
    return page


def test_rejection_at_stage_two_returns_the_page_to_its_author_with_the_comment(w, as_user):
    page = send_to_second_step(w, as_user, title="退回示例")
    mail.outbox.clear()

    assert act(as_user("egov"), page, "reject", COMMENT).status_code == 302

    state = Page.objects.get(pk=page.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = state.current_task_state
    assert (rejected.task.name, rejected.status, rejected.finished_by.username, rejected.comment) == (
        "复审",
        TaskState.STATUS_REJECTED,
        "egov",
        COMMENT,
    )
    assert not Page.objects.get(pk=page.pk).live
    # The author is told by mail, with the comment...
    to_author = [m for m in mail.outbox if "author@example.com" in m.to]
    assert to_author and COMMENT in to_author[0].body
    # ...sees it when opening the page, can edit it again (no longer locked)...
    author = as_user("author")
    edit = author.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert COMMENT in edit.content.decode()
    assert "Resubmit" in edit.content.decode() or "重新提交" in edit.content.decode()
    # ...and finds it under "returned to me" on the dashboard.
    home = author.get(reverse("wagtailadmin_home")).content.decode()
    assert "退回给我修改" in home and COMMENT in home


def test_a_rejection_needs_a_comment(w, as_user):
    page = send_to_second_step(w, as_user)
    response = act(as_user("egov"), page, "reject", "")
    assert current_task_state(page).task.name == "复审"  # nothing happened
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    assert response.status_code in (200, 302)


def test_resubmission_resumes_at_the_step_that_returned_it(w, as_user):
    page = send_to_second_step(w, as_user)
    act(as_user("egov"), page, "reject", COMMENT)

    assert submit(as_user("author"), page, text="第二段数据已按统计局口径更正。").status_code == 302
    state = current_task_state(page)
    assert (state.task.name, state.status) == ("复审", TaskState.STATUS_IN_PROGRESS)
    # The corrected revision is what the step now reviews.
    assert "已按统计局口径更正" in state.revision.as_object().body[0].value.source
    act(as_user("egov"), page, "approve")
    act(as_user("leader"), page, "approve")
    assert Page.objects.get(pk=page.pk).live

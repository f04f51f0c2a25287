"""A page with a must-fix expression cannot be approved until its author corrects it."""

from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from hub.workflow.models import ContentCheck, Finding

from .conftest import act, current_task_state, draft_article, save_draft, submit

WRONG = "新疆维吾尔族自治区克孜勒苏柯尔克孜自治州教育系统召开工作会议。"
RIGHT = "新疆维吾尔自治区克孜勒苏柯尔克孜自治州教育系统召开工作会议。"


def test_the_machine_check_returns_a_page_with_a_must_fix_expression(w, as_user):
    page = draft_article(w.column, text=WRONG, owner=w.users["author"])
    assert submit(as_user("author"), page).status_code == 302

    state = Page.objects.get(pk=page.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    returned = state.current_task_state
    assert (returned.task.name, returned.status, returned.finished_by) == ("机器检查", TaskState.STATUS_REJECTED, None)
    assert "新疆维吾尔族自治区" in returned.comment and "新疆维吾尔自治区" in returned.comment
    finding = Finding.objects.get(check_run__task_state=returned, grade="must_fix")
    assert (finding.matched, finding.suggestion, finding.category) == (
        "新疆维吾尔族自治区",
        "新疆维吾尔自治区",
        "wording",
    )
    assert finding.after.startswith("克孜勒苏")  # the match is kept in its context

    # No reviewer is asked: nothing waits at 初审, and the page's step cannot be approved.
    reviewer = as_user("reviewer")
    assert "克孜勒苏柯尔克孜自治州教育系统" not in reviewer.get(reverse("workflow:queue")).content.decode()
    response = act(reviewer, page, "approve", task_state=returned)
    assert response.status_code == 302  # "not awaiting moderation": sent back to the editor
    returned.refresh_from_db()
    assert returned.status == TaskState.STATUS_REJECTED
    assert Page.objects.get(pk=page.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not Page.objects.get(pk=page.pk).live

    # The record shows the finding highlighted in context.
    html = reviewer.get(reverse("workflow:page_record", args=[page.pk])).content.decode()
    assert "<mark>新疆维吾尔族自治区</mark>克孜勒苏" in html


def test_the_corrected_resubmission_is_checked_again_and_goes_on(w, as_user):
    page = draft_article(w.column, text=WRONG, owner=w.users["author"])
    submit(as_user("author"), page)
    assert submit(as_user("author"), page, text=RIGHT).status_code == 302

    state = current_task_state(page)
    assert (state.task.name, state.status) == ("初审", TaskState.STATUS_IN_PROGRESS)
    checks = ContentCheck.objects.filter(page_id=page.pk, task_state__task__name="机器检查").order_by("checked_at")
    assert [c.must_fix_count for c in checks] == [1, 0]
    for who in ("reviewer", "egov", "leader"):
        assert act(as_user(who), page, "approve").status_code == 302
    assert Page.objects.get(pk=page.pk).live


def test_a_must_fix_expression_added_during_review_blocks_approval(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    submit(as_user("author"), page)
    reviewer = as_user("reviewer")
    # The reviewer edits the page at 初审 (allowed) and the edit brings in a must-fix expression.
    assert save_draft(reviewer, page, text="截止目前，" + RIGHT).status_code == 302

    task_state = current_task_state(page)
    fresh = Page.objects.get(pk=page.pk)
    actions = [name for name, _label, _modal in task_state.task.specific.get_actions(fresh, w.user("reviewer"))]
    assert actions == ["reject"]
    response = act(reviewer, page, "approve")
    # Refused as a permission error: Wagtail sends the user to the dashboard with an error message.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert current_task_state(page).task.name == "初审"
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    # The approve modal shows why.
    modal = reviewer.get(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])).json()
    modal = modal["html"]
    assert "截止目前" in modal and "截至目前" in modal

    # Corrected, it can be approved.
    save_draft(reviewer, page, text="截至目前，" + RIGHT)
    assert act(reviewer, page, "approve").status_code == 302
    assert current_task_state(page).task.name == "复审"


def test_advisory_findings_pass_but_are_shown_and_recorded(w, as_user):
    page = draft_article(w.column, text="其它各项工作有序推进。", owner=w.users["author"], source="")
    submit(as_user("author"), page)
    state = current_task_state(page)
    assert state.task.name == "初审"
    check = ContentCheck.objects.get(page_id=page.pk, task_state__task__name="机器检查")
    assert (check.must_fix_count, check.advisory_count) == (0, 2)  # 其它, and no 来源
    assert {f.message for f in check.findings.all()} >= {"规范用法统一用“其他”", "未填写信息来源"}
    # Every reviewer sees them: in the editor, in the queue and in the action dialog.
    reviewer = as_user("reviewer")
    assert "2 条提示" in reviewer.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "提示 2" in reviewer.get(reverse("workflow:queue")).content.decode()
    modal = reviewer.get(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]))
    assert "<mark>其它</mark>" in modal.json()["html"]

"""After approving, a reviewer sees it was done and lands on a screen they may open, without waiting for work
that changes nothing (re-indexing a page whose live version did not change)."""

import html
import re
from contextlib import contextmanager

from django.urls import reverse
from wagtail.models import Page

from tests import factories

from .conftest import act, current_task_state, draft_article, edit_form_data, submit


def at_second_review(w, as_user, title):
    page = draft_article(w.column, owner=w.users["author"], title=title)
    assert submit(as_user("author"), page).status_code == 302
    assert act(as_user("reviewer"), page, "approve").status_code == 302
    assert current_task_state(page).task.name == "复审"
    return page


def test_approving_from_the_dashboard_confirms_it(w, as_user):
    page = at_second_review(w, as_user, "全州教育系统安全生产工作会议召开")
    client = as_user("egov")
    dashboard = client.get("/admin/").content.decode()
    # The dashboard's own button (the one without a comment form), as the browser's script posts it.
    buttons = re.findall(r'<button data-workflow-action-url="([^"]+)"\s*>([^<]+)</button>', dashboard)
    urls = [url for url, label in buttons if f"/{page.pk}/approve/" in url and label.strip() == "通过"]
    assert len(urls) == 1, buttons

    response = client.post(html.unescape(urls[0]), {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert current_task_state(page).task.name == "终审"
    landing = client.get("/admin/").content.decode()
    assert "“全州教育系统安全生产工作会议召开”已通过复审，转终审。" in landing


def test_returning_from_the_dashboard_confirms_it(w, as_user):
    page = at_second_review(w, as_user, "州教育局关于春季开学工作的报道")
    client = as_user("egov")
    task_state = current_task_state(page)
    url = reverse("workflow:action", args=[page.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": "请补充会议时间。", "next": "/admin/"})
    assert response.status_code == 302
    assert "“州教育局关于春季开学工作的报道”已在复审退回修改。" in client.get("/admin/").content.decode()


def test_a_second_reviewer_approving_in_the_editor_lands_on_their_queue(w, as_user):
    page = at_second_review(w, as_user, "全州中小学教师培训工作启动")
    client = as_user("egov")
    data = edit_form_data(client, page)
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("workflow:queue")
    assert current_task_state(page).task.name == "终审"

    landing = client.get(response["Location"])
    assert landing.status_code == 200
    text = landing.content.decode()
    assert "没有权限" not in text
    assert "全州中小学教师培训工作启动" in text  # the success message names the page


def test_a_first_reviewer_who_may_edit_the_page_still_lands_in_its_column(w, as_user):
    page = draft_article(w.column, owner=w.users["author"], title="州教育局开展送教下乡活动")
    submit(as_user("author"), page)
    client = as_user("reviewer")
    assert Page.objects.get(pk=page.pk).permissions_for_user(w.user("reviewer")).can_edit()
    data = edit_form_data(client, page)
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    assert current_task_state(page).task.name == "复审"
    assert response["Location"] == reverse("wagtailadmin_explore", args=[w.column.pk])
    assert client.get(response["Location"]).status_code == 200


@contextmanager
def index_updates():
    """The search-index updates enqueued in the block, as (model, pk) pairs."""
    from django_tasks.signals import task_enqueued

    from hub.search.signal_handlers import INDEX_TASK

    seen = []

    def note(sender, task_result, **kwargs):
        if task_result.task.module_path == INDEX_TASK:
            seen.append(tuple(task_result.args[1:3]))

    task_enqueued.connect(note, weak=False, dispatch_uid="tests.index_updates")
    try:
        yield seen
    finally:
        task_enqueued.disconnect(dispatch_uid="tests.index_updates")


def test_a_review_step_does_not_reindex_the_live_page_but_publishing_does(w, as_user):
    # A published page, edited by its author and sent through the chain again.
    page = factories.make_article(w.column, title="州教育局召开年度考核工作会议", owner=w.users["author"])
    assert submit(as_user("author"), page, text="州教育局召开年度考核工作会议。").status_code == 302
    assert act(as_user("reviewer"), page, "approve").status_code == 302
    client = as_user("egov")
    data = edit_form_data(client, page, text="州教育局召开年度考核工作会议，部署考核工作。")
    data["action-workflow-action"] = "1"
    data["workflow-action-name"] = "approve"
    with index_updates() as updates:
        # Approving in the editor with a correction records a new revision of the page.
        assert client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
    assert current_task_state(page).task.name == "终审"
    assert updates == []  # a revision and a review step; nothing the index holds changes

    with index_updates() as updates:
        assert act(as_user("leader"), page, "approve").status_code == 302
    assert Page.objects.get(pk=page.pk).live
    assert ("articlepage", str(page.pk)) in updates

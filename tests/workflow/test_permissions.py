"""Who may act at which step: a department reviewer acts at 初审 on its own tenant's pages only,
and nobody publishes around the chain."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from .conftest import act, current_task_state, draft_article, edit_form_data, submit


def at_step(w, as_user, step, column=None, author="author"):
    page = draft_article(column or w.column, owner=w.users[author])
    submit(as_user(author), page)
    for who in ("reviewer", "egov"):
        if current_task_state(page).task.name == step:
            break
        act(as_user(who), page, "approve")
    assert current_task_state(page).task.name == step
    return page


def unchanged(page, task_state):
    task_state.refresh_from_db()
    return task_state.status == TaskState.STATUS_IN_PROGRESS and current_task_state(page).pk == task_state.pk


@pytest.mark.parametrize("step", ["复审", "终审"])
def test_a_department_reviewer_cannot_act_on_the_group_wide_steps(w, as_user, step):
    page = at_step(w, as_user, step)
    task_state = current_task_state(page)
    reviewer = as_user("reviewer")
    assert task_state.task.specific.get_actions(Page.objects.get(pk=page.pk), w.user("reviewer")) == []
    for action in ("approve", "reject"):
        response = act(reviewer, page, action, "越权操作", task_state=task_state)
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))  # permission denied
        assert unchanged(page, task_state)
    # The page is locked for them while the group-wide step reviews it.
    assert Page.objects.get(pk=page.pk).get_lock().for_user(w.user("reviewer"))


def test_the_e_government_editor_cannot_take_the_leaders_step(w, as_user):
    page = at_step(w, as_user, "终审")
    task_state = current_task_state(page)
    response = act(as_user("egov"), page, "approve", task_state=task_state)
    assert response.url == reverse("wagtailadmin_home")
    assert unchanged(page, task_state)


def test_a_department_reviewer_cannot_act_on_another_tenants_items(w, as_user):
    page = at_step(w, as_user, "初审", column=w.other_column, author="other_author")
    task_state = current_task_state(page)
    reviewer = as_user("reviewer")  # a reviewer of the first tenant, not of this page's tenant
    assert task_state.task.specific.get_actions(Page.objects.get(pk=page.pk), w.user("reviewer")) == []
    assert act(reviewer, page, "approve", task_state=task_state).url == reverse("wagtailadmin_home")
    assert unchanged(page, task_state)
    # Nor by naming one of their own pages in the URL and the other tenant's step.
    own = at_step(w, as_user, "初审")
    url = reverse("wagtailadmin_pages:workflow_action", args=[own.pk, "approve", task_state.pk])
    response = as_user("reviewer").post(url, {"comment": ""})
    assert response.url == reverse("wagtailadmin_home")
    assert unchanged(page, task_state)
    # It is not in their queue, and they cannot open the editor on it.
    assert page.title not in as_user("reviewer").get(reverse("workflow:queue")).content.decode()
    assert as_user("reviewer").get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 302
    # Its own tenant's reviewer can.
    assert act(as_user("other_reviewer"), page, "approve", task_state=task_state).url != reverse("wagtailadmin_home")
    assert current_task_state(page).task.name == "复审"


def test_the_queue_spans_exactly_the_tenants_a_user_reviews(w, as_user):
    ours = at_step(w, as_user, "初审")
    theirs = at_step(w, as_user, "初审", column=w.other_column, author="other_author")
    Page.objects.filter(pk=ours.pk).update(title="本站待审稿", draft_title="本站待审稿")
    Page.objects.filter(pk=theirs.pk).update(title="他站待审稿", draft_title="他站待审稿")
    html = as_user("reviewer").get(reverse("workflow:queue")).content.decode()
    assert "本站待审稿" in html and "他站待审稿" not in html
    # The e-government centre sees both tenants' pages once they reach 复审.
    act(as_user("reviewer"), ours, "approve")
    act(as_user("other_reviewer"), theirs, "approve")
    html = as_user("egov").get(reverse("workflow:queue")).content.decode()
    assert "本站待审稿" in html and "他站待审稿" in html


def test_a_webmaster_cannot_publish_around_the_chain(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    webmaster = as_user("webmaster")
    edit = webmaster.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in edit
    assert 'name="action-submit"' in edit
    data = edit_form_data(webmaster, page)
    data["action-publish"] = "1"
    webmaster.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert not Page.objects.get(pk=page.pk).live
    # A superuser may still publish directly (e.g. to correct a live page at once).
    admin = as_user("admin")
    data = edit_form_data(admin, page)
    data["action-publish"] = "1"
    admin.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert Page.objects.get(pk=page.pk).live


def test_a_webmaster_cannot_publish_a_new_page_on_creation(w, as_user):
    webmaster = as_user("webmaster")
    url = reverse("wagtailadmin_pages:add", args=["common", "articlepage", w.column.pk])
    form = webmaster.get(url)
    assert 'name="action-publish"' not in form.content.decode()
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>未经审核的稿件。</p>"))])}))
    data.update({"title": "直接发布的新稿", "slug": "direct-publish", "action-publish": "1"})
    response = webmaster.post(url, data)
    assert response.status_code == 302
    assert not Page.objects.filter(slug="direct-publish", live=True).exists()
    # Submitting it is how it reaches the public.
    del data["action-publish"]
    data["action-submit"] = "1"
    webmaster.post(url, data)
    page = Page.objects.get(slug="direct-publish")
    assert (page.live, current_task_state(page).task.name) == (False, "初审")


def test_bulk_publishing_is_refused_under_the_chain(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    as_user("webmaster").post(url, {"include_descendants": ""})
    assert not Page.objects.get(pk=page.pk).live
    as_user("admin").post(url, {"include_descendants": ""})
    assert Page.objects.get(pk=page.pk).live


def test_an_authors_lock_is_released_when_the_page_reaches_its_reviewers(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=w.users["author"])
    submit(as_user("author"), page)
    page = Page.objects.get(pk=page.pk)
    assert not page.locked
    assert not page.get_lock().for_user(w.user("reviewer"))  # the reviewer may edit it
    assert page.get_lock().for_user(w.user("author"))  # the author may not, while it is reviewed


def test_the_record_is_shown_to_the_tenant_and_the_reviewers_not_to_other_tenants(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    submit(as_user("author"), page)
    url = reverse("workflow:page_record", args=[page.pk])
    for who in ("author", "reviewer", "webmaster", "egov", "leader", "central"):
        assert as_user(who).get(url).status_code == 200, who
    for who in ("other_reviewer", "other_author"):
        assert as_user(who).get(url).url == reverse("wagtailadmin_home"), who

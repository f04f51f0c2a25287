"""Each reviewer sees what waits for them across their tenants, with its age and an overdue flag."""

import datetime

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState

from hub.tenancy.models import TenantGroup

from .conftest import current_task_state, draft_article, submit


def waiting_since(page, days):
    TaskState.objects.filter(pk=current_task_state(page).pk).update(
        started_at=timezone.now() - datetime.timedelta(days=days, hours=1)
    )


def name(page, title):
    Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)


def test_the_dashboard_panel_lists_waiting_pages_with_age_and_overdue_flag(w, as_user):
    fresh = draft_article(w.column, owner=w.users["author"])
    old = draft_article(w.column, owner=w.users["author"])
    for page, title in ((fresh, "刚提交的稿件"), (old, "积压的稿件")):
        submit(as_user("author"), page)
        name(page, title)
    waiting_since(old, 5)

    html = as_user("reviewer").get(reverse("wagtailadmin_home")).content.decode()
    assert "待我审核（2，其中超期 1）" in html
    assert "刚提交的稿件" in html and "积压的稿件" in html
    assert "5 天" in html and html.count("workflow-overdue") == 1
    # Wagtail's own "Awaiting your review" panel is replaced, not doubled.
    assert 'id="awaiting-review"' not in html

    # The e-government centre has nothing yet; nor does the other tenant's reviewer.
    assert "待我审核（" not in as_user("egov").get(reverse("wagtailadmin_home")).content.decode()
    assert "刚提交的稿件" not in as_user("other_reviewer").get(reverse("wagtailadmin_home")).content.decode()


@override_settings(HUB_REVIEW_OVERDUE_DAYS=7)
def test_the_overdue_threshold_is_configurable(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    submit(as_user("author"), page)
    waiting_since(page, 5)
    html = as_user("reviewer").get(reverse("workflow:queue")).content.decode()
    assert "workflow-overdue" not in html and "超过 7 天" in html
    waiting_since(page, 8)
    html = as_user("reviewer").get(reverse("workflow:queue")).content.decode()
    assert "workflow-overdue" in html


def test_the_list_spans_all_the_reviewers_tenants_and_filters(w, as_user):
    # The reviewer also reviews for the second tenant.
    w.user("reviewer").groups.add(w.other.tenant_groups.get(role=TenantGroup.Role.REVIEWER).group)
    ours = draft_article(w.column, owner=w.users["author"])
    theirs = draft_article(w.other_column, owner=w.users["other_author"])
    submit(as_user("author"), ours)
    submit(as_user("other_author"), theirs)
    name(ours, "教育局的稿件")
    name(theirs, "卫健委的稿件")
    waiting_since(theirs, 4)

    reviewer = as_user("reviewer")
    html = reviewer.get(reverse("workflow:queue")).content.decode()
    assert "教育局的稿件" in html and "卫健委的稿件" in html
    html = reviewer.get(reverse("workflow:queue"), {"site": w.other.code}).content.decode()
    assert "教育局的稿件" not in html and "卫健委的稿件" in html
    html = reviewer.get(reverse("workflow:queue"), {"overdue": "1"}).content.decode()
    assert "教育局的稿件" not in html and "卫健委的稿件" in html


def test_central_admins_can_oversee_every_pending_page(w, as_user):
    page = draft_article(w.other_column, owner=w.users["other_author"])
    submit(as_user("other_author"), page)
    name(page, "督办中的稿件")
    central = as_user("central")
    assert "督办中的稿件" not in central.get(reverse("workflow:queue")).content.decode()
    assert "督办中的稿件" in central.get(reverse("workflow:queue"), {"scope": "all"}).content.decode()
    # Others asking for everything get their own queue only.
    assert "督办中的稿件" not in as_user("reviewer").get(reverse("workflow:queue"), {"scope": "all"}).content.decode()


def test_overdue_reminders_are_mailed_to_the_reviewers_of_the_step(w, as_user):
    from django.core import mail
    from django.core.management import call_command

    fresh = draft_article(w.column, owner=w.users["author"])
    late = draft_article(w.column, owner=w.users["author"])
    for page in (fresh, late):
        submit(as_user("author"), page)
    name(fresh, "刚到的稿件")
    name(late, "拖延的稿件")
    waiting_since(late, 4)
    mail.outbox.clear()

    call_command("send_review_reminders")
    assert [m.to for m in mail.outbox] == [["reviewer@example.com"]]
    assert "拖延的稿件" in mail.outbox[0].body and "刚到的稿件" not in mail.outbox[0].body
    assert "4 天" in mail.outbox[0].body

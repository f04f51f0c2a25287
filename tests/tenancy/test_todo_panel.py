"""The webmaster's dashboard lists what their own tenant has to do: letters due and overdue, items in
review with their step, and what became of their submissions to the portal; nothing of another tenant."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from hub.interaction.letters import ensure_mailbox, submit_letter
from hub.syndication.actions import RejectSubmission, SubmitToPortal
from hub.tenancy.models import Department
from sites.common.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def _user(username):
    return get_user_model().objects.get(username=username)


def _todo_panel(client, host):
    html = client.get("/admin/", HTTP_HOST=host).content.decode()
    start = html.find('id="todo-panel-section"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def _tenant_work(code, portal):
    """One overdue letter, one letter due today, one page in review and one rejected submission."""
    department = Department.objects.get(code=code)
    mailbox, _created = ensure_mailbox(department)
    letter = {"name": "测试群众", "phone": "13900001111", "category": "consultation", "body": "请问……"}
    overdue, _ = submit_letter(
        mailbox, {**letter, "subject": f"{code}超期来信"}, now=timezone.now() - datetime.timedelta(days=30)
    )
    due, _ = submit_letter(mailbox, {**letter, "subject": f"{code}今日到期来信"})
    type(due).objects.filter(pk=due.pk).update(deadline=timezone.localdate())
    news = factories.column(department, "gzdt")
    in_review = factories.make_article(news, title=f"{code}送审稿", publish=False)
    in_review.save_revision(user=_user(f"{code}_editor"))
    in_review.get_workflow().start(in_review, _user(f"{code}_editor"))
    offered = factories.make_article(news, title=f"{code}报送稿")
    submission = SubmitToPortal(offered, user=_user(f"{code}_editor")).execute()
    RejectSubmission(submission, user=_user(f"{portal.code}_editor"), reason=f"{code}退回理由").execute()
    return {"overdue": overdue, "due": due, "in_review": in_review, "submission": submission}


def test_the_webmaster_sees_their_own_to_do_and_nothing_of_another_tenant(client, demo):
    portal = Department.objects.get(kind=Department.Kind.PORTAL)
    own = _tenant_work("jyj", portal)
    _tenant_work("wjw", portal)
    client.force_login(_user("jyj_webmaster"))

    panel = _todo_panel(client, "jyj.localhost")

    assert panel, "no to-do panel on the webmaster's dashboard"
    expected = ["jyj超期来信", "jyj今日到期来信", "已超期", "今天到期", "jyj送审稿", "审核中：初审", "jyj退回理由"]
    assert not [text for text in [*expected, "已退回"] if text not in panel]
    # Links to handle each item.
    assert reverse("wagtailsnippets_interaction_letter:edit", args=[own["overdue"].pk]) in panel
    assert reverse("wagtailadmin_pages:edit", args=[own["in_review"].pk]) in panel
    assert reverse("syndication:detail", args=[own["submission"].pk]) in panel
    handle = client.get(reverse("wagtailsnippets_interaction_letter:edit", args=[own["overdue"].pk]))
    assert handle.status_code == 200
    # The demo's own accepted submissions of 教育局 are there too, with their column.
    assert "已采用到“" in panel
    # Nothing of 卫健委's.
    html = client.get("/admin/", HTTP_HOST="jyj.localhost").content.decode()
    for text in ("wjw超期来信", "wjw今日到期来信", "wjw送审稿", "wjw报送稿", "wjw退回理由"):
        assert text not in html, text


def test_the_other_tenants_webmaster_sees_only_theirs(client, demo):
    portal = Department.objects.get(kind=Department.Kind.PORTAL)
    _tenant_work("jyj", portal)
    _tenant_work("wjw", portal)
    client.force_login(_user("wjw_webmaster"))

    panel = _todo_panel(client, "wjw.localhost")

    assert "wjw超期来信" in panel and "wjw送审稿" in panel and "wjw退回理由" in panel
    html = client.get("/admin/", HTTP_HOST="wjw.localhost").content.decode()
    assert not [text for text in ("jyj超期来信", "jyj送审稿", "jyj报送稿", "jyj退回理由") if text in html]


def test_a_central_admin_sees_no_panel_and_a_page_out_of_review_leaves_it(client, demo):
    client.force_login(_user("admin"))
    assert _todo_panel(client, "portal.localhost") == ""
    # A page that left review leaves the panel.
    portal = Department.objects.get(kind=Department.Kind.PORTAL)
    work = _tenant_work("jyj", portal)
    work["in_review"].current_workflow_state.cancel(user=_user("jyj_webmaster"))
    client.force_login(_user("jyj_webmaster"))
    assert "jyj送审稿" not in _todo_panel(client, "jyj.localhost")
    assert Page.objects.filter(pk=work["in_review"].pk).type(ArticlePage).exists()

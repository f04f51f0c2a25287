"""The approval record exports as CSV per tenant and period, one row per step."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from .conftest import act, draft_article, submit


def rows_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def export(client, department, start=None, end=None):
    today = timezone.localdate()
    return client.get(
        reverse("workflow:export"),
        {"site": department.code, "start": start or today, "end": end or today, "format": "csv"},
    )


def test_the_export_lists_every_step(w, as_user):
    approved = draft_article(w.column, owner=w.users["author"], title="通过的稿件")
    submit(as_user("author"), approved)
    act(as_user("reviewer"), approved, "approve", "初审同意")
    act(as_user("egov"), approved, "approve", "复审同意")
    act(as_user("leader"), approved, "approve", "终审同意")

    returned = draft_article(w.column, text="截止目前，工作进展顺利。", owner=w.users["author"], title="退回的稿件")
    submit(as_user("author"), returned)  # returned by the machine check
    submit(as_user("author"), returned, text="截至目前，工作进展顺利。")  # corrected and resubmitted
    act(as_user("reviewer"), returned, "reject", "请补充会议时间。")

    theirs = draft_article(w.other_column, owner=w.users["other_author"], title="他站稿件")
    submit(as_user("other_author"), theirs)

    rows = rows_of(export(as_user("central"), w.tenant))
    steps = [(r["页面标题"], r["步骤"], r["步骤状态"], r["处理人"], r["意见"]) for r in rows]
    assert steps[:4] == [
        ("通过的稿件", "机器检查", "通过", "机器检查", "机器检查通过，未发现问题。"),
        ("通过的稿件", "初审", "通过", "初审员", "初审同意"),
        ("通过的稿件", "复审", "通过", "中心编辑", "复审同意"),
        ("通过的稿件", "终审", "通过", "政府办领导", "终审同意"),
    ]
    assert [s[1:4] for s in steps[4:]] == [
        ("机器检查", "退回修改", "机器检查"),
        ("机器检查", "通过", "机器检查"),
        ("初审", "退回修改", "初审员"),
    ]
    assert "截止目前" in steps[4][4]
    assert steps[-1][4] == "请补充会议时间。"
    assert {r["站点"] for r in rows} == {w.tenant.name}
    assert "他站稿件" not in {r["页面标题"] for r in rows}
    assert rows[0]["提交人"] == "作者" and rows[0]["流程状态"] == "已通过"
    assert rows[-1]["流程状态"] == "退回修改"
    assert rows[4]["机审必须修改"] == "1" and rows[5]["机审必须修改"] == "0"

    # The other tenant's export has its own item only.
    rows = rows_of(export(as_user("central"), w.other))
    assert {r["页面标题"] for r in rows} == {"他站稿件"}


def test_the_period_limits_the_export(w, as_user):
    page = draft_article(w.column, owner=w.users["author"], title="上月的稿件")
    submit(as_user("author"), page)
    last_month = timezone.now() - datetime.timedelta(days=40)
    WorkflowState.objects.filter(object_id=str(page.pk)).update(created_at=last_month)
    today = timezone.localdate()
    assert rows_of(export(as_user("central"), w.tenant, start=today, end=today)) == []
    rows = rows_of(export(as_user("central"), w.tenant, start=today - datetime.timedelta(days=60), end=today))
    assert {r["页面标题"] for r in rows} == {"上月的稿件"}


def test_a_tenant_exports_only_its_own_record(w, as_user):
    own = as_user("reviewer").get(
        reverse("workflow:export"),
        {"site": w.tenant.code, "start": timezone.localdate(), "end": timezone.localdate(), "format": "csv"},
    )
    assert own.status_code == 200 and own["Content-Type"].startswith("text/csv")
    other = as_user("reviewer").get(
        reverse("workflow:export"),
        {"site": w.other.code, "start": timezone.localdate(), "end": timezone.localdate(), "format": "csv"},
    )
    assert other.status_code == 200 and other["Content-Type"].startswith("text/html")  # the form, with an error
    assert w.other.name not in other.content.decode()


def test_the_export_command_writes_the_same_csv(w, as_user, tmp_path):
    from django.core.management import call_command

    page = draft_article(w.column, owner=w.users["author"], title="命令导出")
    submit(as_user("author"), page)
    target = tmp_path / "record.csv"
    call_command("export_review_record", w.tenant.code, "--output", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [(r["页面标题"], r["步骤"]) for r in rows] == [("命令导出", "机器检查"), ("命令导出", "初审")]


def test_formulas_in_comments_are_defused(w, as_user):
    page = draft_article(w.column, owner=w.users["author"])
    submit(as_user("author"), page)
    act(as_user("reviewer"), page, "reject", '=HYPERLINK("http://example.com","点击")')
    rows = rows_of(export(as_user("central"), w.tenant))
    assert rows[-1]["意见"] == '\'=HYPERLINK("http://example.com","点击")'

"""Runs: stored findings keep their first-seen date and resolve when gone, webmasters are e-mailed once
per finding, the score, the command's output and exit status, and the queued check through the real
task framework (the immediate backend over HTTP, and django-tasks-db's worker command once)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from hub.inspection.models import ColumnRule, InspectionRun, StoredFinding, UpdateClass
from hub.inspection.registry import Indicator, Result
from hub.inspection.runner import inspect_department, score_of
from hub.tenancy.models import TenantGroup
from tests import factories

D = datetime.date(2025, 3, 3)
DAY = datetime.timedelta(days=1)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(6)))


@pytest.fixture
def webmaster(site):
    group = TenantGroup.objects.get(department=site, role=TenantGroup.Role.WEBMASTER).group
    user = get_user_model().objects.create_user(username=f"{site.code}_wm", password="pw", email="wm@example.org")
    user.groups.add(group)
    return user


def fresh_site_with_news(site, day):
    factories.make_article(factories.column(site, "gzdt"), date=day)
    return site


def test_findings_keep_their_first_seen_date_and_resolve_when_gone(site, webmaster):
    fresh_site_with_news(site, D)
    inspect_department(site, now=at(D + 14 * DAY))
    home = StoredFinding.objects.get(department=site, indicator="home.updated", key="home")
    assert home.first_seen == at(D + 14 * DAY) and home.resolved_at is None
    inspect_department(site, now=at(D + 15 * DAY))
    home.refresh_from_db()
    assert home.first_seen == at(D + 14 * DAY) and home.last_seen == at(D + 15 * DAY)
    factories.make_article(factories.column(site, "gzdt"), date=D + 15 * DAY)
    inspect_department(site, now=at(D + 16 * DAY))
    home.refresh_from_db()
    assert home.resolved_at == at(D + 16 * DAY)
    assert InspectionRun.objects.filter(department=site).count() == 3


def test_webmasters_are_emailed_once_per_veto_or_warning(site, webmaster):
    fresh_site_with_news(site, D)
    inspect_department(site, now=at(D + 11 * DAY))  # early warnings: home page and 工作动态
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["wm@example.org"]
    assert "预警" in mail.outbox[0].subject and "工作动态" in mail.outbox[0].body
    inspect_department(site, now=at(D + 12 * DAY))
    assert len(mail.outbox) == 1  # nothing new: no daily repetition
    inspect_department(site, now=at(D + 14 * DAY))  # the home page warning is now a veto item
    assert len(mail.outbox) == 2 and "首页" in mail.outbox[1].body
    inspect_department(site, now=at(D + 15 * DAY))
    assert len(mail.outbox) == 2


def test_score_is_100_less_capped_deductions_and_under_60_fails(site):
    class Costly(Indicator):
        code = "test.costly"
        max_deduction = Decimal(30)

    costly = Costly()
    assert score_of([(costly, Result(deduction=Decimal(50)))]) == Decimal(70)
    assert score_of([(costly, Result(deduction=Decimal(25))), (costly, Result(deduction=Decimal(20)))]) == Decimal(55)


def indicator_codes():
    """The codes of the indicators this app declares itself (others come from the apps that feed it)."""
    from hub.inspection import indicators

    return {
        value.code
        for value in vars(indicators).values()
        if isinstance(value, type) and issubclass(value, Indicator) and value.code
    }


def test_a_site_with_every_column_current_passes(site):
    for path in (("gzdt",), ("tzgg",), ("xxgk", "zcwj"), ("xxgk", "rsxx"), ("xxgk", "ghjh")):
        factories.make_article(factories.column(site, *path), date=D)
    run = inspect_department(site, now=at(D + 2 * DAY)).run
    assert run.passed and run.veto_count == 0 and run.score == Decimal(100)
    assert {r["code"] for r in run.results} >= {"home.updated", "columns.stale", "response.letters"}
    # Every result names the rule it comes from; the national indicators' own are the 2019 document's.
    assert all(r["rule"] for r in run.results)
    assert all(r["rule"].startswith("国办秘函〔2019〕19号") for r in run.results if r["code"] in indicator_codes())


def test_command_prints_a_line_per_site_and_exits_1_on_a_veto(site, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("inspect_sites", "--site", site.code, "--no-mail")
    assert exit_info.value.code == 1
    out = capsys.readouterr().out
    assert f"{site.code}" in out and "不合格" in out and "空白栏目" in out and "得分" in out


def test_command_exits_2_for_an_unknown_site_and_a_missing_collector(site, capsys):
    with pytest.raises(CommandError) as error:  # run from the shell, CommandError exits with its returncode
        call_command("inspect_sites", "--site", "nosuchsite")
    assert error.value.returncode == 2
    # With no link checker installed, --links is an error (exit 2), not silently nothing.
    from hub.inspection import registry

    saved = registry.collectors()
    registry._collectors.pop("links", None)
    try:
        with pytest.raises(SystemExit) as exit_info:
            call_command("inspect_sites", "--site", site.code, "--links", "--no-mail")
    finally:
        registry._collectors.update(saved)
    assert exit_info.value.code == 2


def test_check_now_queues_a_run_through_the_task_framework(site, webmaster):
    client = Client()
    client.force_login(webmaster)
    response = client.post(f"/admin/inspection/site/{site.code}/check/")
    assert response.status_code == 302
    run = InspectionRun.objects.get(department=site)
    assert run.trigger == f"admin:{webmaster.username}" and run.status == InspectionRun.Status.FINISHED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_worker_runs_a_queued_check(django_db_setup):
    site = factories.make_site()
    tasks = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "inspection": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    with override_settings(TASKS=tasks):
        from hub.inspection.tasks import queue_inspection

        result = queue_inspection(site, trigger="test")
        assert not InspectionRun.objects.filter(department=site).exists()  # queued, not run in the request
        call_command("db_worker", "--backend", "inspection", "--batch", "--no-startup-delay", "--no-reload")
        assert InspectionRun.objects.filter(department=site, trigger="test").count() == 1
        result.refresh()
        assert result.status == "SUCCESSFUL" and result.return_value["vetoes"] >= 1


def test_central_admin_changes_a_column_class_and_a_webmaster_only_its_note(site, webmaster):
    from hub.tenancy.onboarding import ensure_central_admin_group

    central = get_user_model().objects.create_user(username="centre", password="pw")
    central.groups.add(ensure_central_admin_group())
    column = factories.column(site, "xxgk", "ghjh")
    url = f"/admin/inspection/site/{site.code}/columns/"
    client = Client()
    client.force_login(webmaster)
    assert client.get(url).status_code == 200  # the page makes the rules from the plan
    rule = ColumnRule.objects.get(page_id=column.pk)
    assert rule.update_class == UpdateClass.PERIODIC
    client.post(url, {"page": column.pk, "update_class": "static", "no_content_note": "本年度无规划类信息"})
    rule.refresh_from_db()
    assert rule.update_class == UpdateClass.PERIODIC and rule.no_content_note == "本年度无规划类信息"
    client.force_login(central)
    response = client.post(
        url, {"page": column.pk, "update_class": "periodic", "period_days": "", "no_content_note": ""}
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.update_class == UpdateClass.PERIODIC and rule.period_days is None  # refused: a period is needed
    client.post(url, {"page": column.pk, "update_class": "static", "period_days": "", "no_content_note": ""})
    rule.refresh_from_db()
    assert rule.update_class == UpdateClass.STATIC
    assert client.post(url, {"page": "abc"}).status_code == 404


def test_reports_export_and_print(site, webmaster):
    inspect_department(site, now=at(D))
    client = Client()
    client.force_login(webmaster)
    report = client.get(f"/admin/inspection/site/{site.code}/")
    text = report.content.decode()
    assert report.status_code == 200 and "单项否决" in text and "国办秘函〔2019〕19号" in text
    printed = client.get(f"/admin/inspection/site/{site.code}/print/")
    assert printed.status_code == 200 and 'media="print"' in printed.content.decode()
    export = client.get(f"/admin/inspection/site/{site.code}/export.xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(export.content))
    messages = [row[1] for row in book["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert any("空白栏目" in message for message in messages)
    table = client.get("/admin/inspection/?order=-vetoes")
    assert table.status_code == 200 and site.name in table.content.decode()


def test_a_long_key_and_address_are_stored_and_found_again(site):
    from hub.inspection.registry import Finding, Severity
    from hub.inspection.runner import store_findings

    class Links(Indicator):
        code = "test.links"

    url = "https://example.org/" + "a" * 3000
    result = Result(findings=[Finding(severity=Severity.DEDUCTION, message="死链", key=f"link:{url}", url=url)])
    run = InspectionRun.objects.create(department=site, started_at=at(D))
    store_findings(site, run, [(Links(), result)], at(D))
    store_findings(site, run, [(Links(), result)], at(D + DAY))
    stored = StoredFinding.objects.get(department=site, indicator="test.links")
    assert stored.first_seen == at(D) and stored.last_seen == at(D + DAY) and len(stored.key) <= 500

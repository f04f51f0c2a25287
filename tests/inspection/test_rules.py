"""Each veto rule of the 2019 indicators fires at its threshold and not a day before (the clock is
passed in as `now`); exempt columns and excluded letter categories never count."""

import datetime

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from hub.inspection.columns import add_months
from hub.inspection.models import ColumnRule, UpdateClass
from hub.inspection.registry import Severity, indicators
from hub.interaction.letters import ensure_mailbox, submit_letter
from hub.interaction.models import Letter
from hub.tenancy.models import Department
from sites.common.models import ArticlePage, GovernmentDocumentPage
from tests import factories

DAY = datetime.timedelta(days=1)
D = datetime.date(2025, 3, 3)


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def evaluate(code, department, day):
    indicator = next(i for i in indicators() if i.code == code)
    return indicator.evaluate(department, at(day))


def set_class(page, update_class, period_days=None, *, department):
    ColumnRule.objects.update_or_create(
        page_id=page.pk,
        defaults={"department": department, "update_class": update_class, "period_days": period_days},
    )


def fill_plan_columns(site, day):
    """Give every column of the standard plan a dated item, so only what a test adds is stale or blank."""
    for path in (("gzdt",), ("tzgg",), ("xxgk", "zcwj"), ("xxgk", "rsxx"), ("xxgk", "ghjh")):
        factories.make_article(factories.column(site, *path), date=day)
    for path in (("xxgk", "jgzn"), ("bsfw",), ("hdjl",), ("gywm",)):
        factories.make_standard(factories.column(site, *path))


def news_columns(site, count, day, update_class=UpdateClass.NEWS, period_days=None):
    columns = []
    for _number in range(count):
        column = factories.make_column(site.site.root_page)
        factories.make_article(column, date=day)
        set_class(column, update_class, period_days, department=site)
        columns.append(column)
    return columns


# Home page ------------------------------------------------------------------------------------------


def test_home_page_not_updated_for_14_days_is_a_veto_not_a_day_before(site):
    factories.make_article(factories.column(site, "gzdt"), date=D)
    assert not evaluate("home.updated", site, D + 13 * DAY).vetoed
    result = evaluate("home.updated", site, D + 14 * DAY)
    assert result.vetoed and result.findings[0].severity == Severity.VETO


def test_home_page_warns_three_days_before_it_turns_stale(site):
    factories.make_article(factories.column(site, "gzdt"), date=D)
    assert not evaluate("home.updated", site, D + 10 * DAY).findings
    warned = evaluate("home.updated", site, D + 11 * DAY)
    assert not warned.vetoed and [f.severity for f in warned.findings] == [Severity.WARNING]


def test_an_item_without_a_date_does_not_update_the_home_page(site):
    factories.make_standard(factories.column(site, "gzdt"))  # published today, but it has no date
    assert evaluate("home.updated", site, timezone.localdate()).vetoed


def test_a_navigation_home_page_is_judged_by_its_second_level_columns(site):
    home = site.site.root_page.specific
    type(home).objects.filter(pk=home.pk).update(latest_count=0)
    site = Department.objects.get(pk=site.pk)
    deep = factories.make_column(factories.column(site, "gywm"))  # under an exempt column: not judged
    factories.make_article(deep, date=D + 10 * DAY)
    factories.make_article(factories.column(site, "gzdt"), date=D)
    assert not evaluate("home.updated", site, D + 13 * DAY).vetoed
    assert evaluate("home.updated", site, D + 14 * DAY).vetoed


# Column classes -------------------------------------------------------------------------------------


def stale_titles(site, day, code="columns.stale"):
    return {f.label for f in evaluate(code, site, day).findings if f.severity != Severity.WARNING}


def test_news_column_stale_after_14_days(site):
    factories.make_article(factories.column(site, "gzdt"), date=D)
    assert "工作动态" not in stale_titles(site, D + 13 * DAY)
    assert "工作动态" in stale_titles(site, D + 14 * DAY)


@pytest.mark.parametrize("path,title", [(("tzgg",), "通知公告"), (("xxgk", "zcwj"), "政策文件")])
def test_notice_and_policy_columns_stale_after_six_months(site, path, title):
    last = datetime.date(2025, 1, 31)
    column = factories.column(site, *path)
    if path == ("tzgg",):
        factories.make_article(column, kind=ArticlePage.Kind.NOTICE, date=last)
    else:
        factories.make_document(column, date=last)
    due = add_months(last, 6)
    assert due == datetime.date(2025, 7, 31)
    assert title not in stale_titles(site, due - DAY)
    assert title in stale_titles(site, due)


def test_periodic_column_stale_after_its_own_period(site):
    column = factories.column(site, "xxgk", "ghjh")
    factories.make_article(column, date=D)
    factories.column(site, "gzdt")  # the plan's other columns stay blank: not this indicator's business
    evaluate("columns.unupdated", site, D)  # makes the rules from the plan
    ColumnRule.objects.filter(page_id=column.pk).update(period_days=30)
    assert "规划计划" not in stale_titles(site, D + 29 * DAY, "columns.unupdated")
    assert "规划计划" in stale_titles(site, D + 30 * DAY, "columns.unupdated")


def test_column_early_warning_three_days_before(site):
    factories.make_article(factories.column(site, "gzdt"), date=D)

    def warnings(day):
        return [f for f in evaluate("columns.stale", site, day).findings if f.severity == Severity.WARNING]

    assert not warnings(D + 10 * DAY)
    assert [f.label for f in warnings(D + 11 * DAY)] == ["工作动态"]
    assert not warnings(D + 14 * DAY)  # then it is stale, no longer a warning


def test_five_stale_news_notice_policy_columns_veto_four_do_not(site):
    fill_plan_columns(site, D + 100 * DAY)
    columns = news_columns(site, 4, D)
    day = D + 14 * DAY
    four = evaluate("columns.stale", site, day)
    assert four.figures["stale"] == 4 and not four.vetoed
    notice = factories.make_column(site.site.root_page)
    factories.make_article(notice, kind=ArticlePage.Kind.NOTICE, date=add_months(D, -6))
    set_class(notice, UpdateClass.NOTICE, department=site)
    five = evaluate("columns.stale", site, day)
    assert five.figures["stale"] == 5 and five.vetoed
    assert {f.severity for f in five.findings if f.label != notice.title} == {Severity.VETO}
    # The same five columns the day before: none stale yet (the notice column turns stale that day too).
    assert not evaluate("columns.stale", site, day - DAY).vetoed
    # An exempt column never counts.
    set_class(columns[0], UpdateClass.STATIC, department=site)
    assert not evaluate("columns.stale", site, day).vetoed


def test_ten_unupdated_periodic_columns_veto_nine_do_not(site):
    fill_plan_columns(site, D + 400 * DAY)
    news_columns(site, 9, D, UpdateClass.PERIODIC, period_days=90)
    day = D + 90 * DAY
    assert not evaluate("columns.unupdated", site, day).vetoed
    last = news_columns(site, 1, D, UpdateClass.PERIODIC, period_days=90)[0]
    assert evaluate("columns.unupdated", site, day).vetoed
    assert not evaluate("columns.unupdated", site, day - DAY).vetoed
    set_class(last, UpdateClass.STATIC, department=site)
    assert not evaluate("columns.unupdated", site, day).vetoed


def test_five_blank_columns_veto_and_a_noted_or_exempt_one_does_not_count(site):
    # A new site's plan has five columns that must hold something and do not yet: 工作动态, 通知公告,
    # 政策文件, 人事信息, 规划计划 (the others are exempt).
    result = evaluate("columns.blank", site, D)
    assert result.vetoed and result.figures["blank"] == 5
    zcwj = factories.column(site, "xxgk", "zcwj")
    ColumnRule.objects.filter(page_id=zcwj.pk).update(no_content_note="本单位本年度未制发规范性文件")
    result = evaluate("columns.blank", site, D)
    assert not result.vetoed and result.figures == {"blank": 4, "noted": 1, "threshold": 5}
    noted = [f for f in result.findings if f.severity == Severity.NOTICE]
    assert [f.label for f in noted] == ["政策文件"] and "本单位本年度未制发规范性文件" in noted[0].message
    ColumnRule.objects.filter(page_id=zcwj.pk).update(no_content_note="")
    set_class(factories.column(site, "xxgk", "rsxx"), UpdateClass.STATIC, department=site)
    assert not evaluate("columns.blank", site, D).vetoed


def test_blank_column_note_is_shown_on_the_public_column_page(site, client):
    zcwj = factories.column(site, "xxgk", "zcwj")
    evaluate("columns.blank", site, D)
    ColumnRule.objects.filter(page_id=zcwj.pk).update(no_content_note="本单位本年度未制发规范性文件")
    response = client.get(zcwj.url_path[len(site.site.root_page.url_path) - 1 :], HTTP_HOST=site.hostname)
    assert response.status_code == 200
    text = response.content.decode()
    assert "本栏目暂无信息" in text and "本单位本年度未制发规范性文件" in text


# Letters --------------------------------------------------------------------------------------------

LETTER = {"name": "王芳", "phone": "13900000000", "subject": "咨询社保", "category": "consultation", "body": "请问……"}


def letter(site, day, **changes):
    mailbox, _created = ensure_mailbox(site)
    return submit_letter(mailbox, {**LETTER, **changes}, now=at(day, 10))[0]


def test_consultation_letter_unanswered_more_than_three_months_is_a_veto(site):
    received = datetime.date(2025, 1, 31)
    letter(site, received)
    due = add_months(received, 3)
    assert due == datetime.date(2025, 4, 30)
    assert not evaluate("response.letters", site, due).vetoed
    result = evaluate("response.letters", site, due + DAY)
    assert result.vetoed and result.findings[0].key.startswith("letter:")
    assert result.findings[0].edit_url.startswith("/admin/snippets/interaction/letter/edit/")


def test_a_letter_answered_late_counts_and_one_answered_in_time_does_not(site):
    late, in_time = letter(site, D), letter(site, D, subject="咨询二")
    Letter.objects.filter(pk=late.pk).update(status="replied", replied_at=at(add_months(D, 3) + DAY))
    Letter.objects.filter(pk=in_time.pk).update(status="replied", replied_at=at(D + 20 * DAY))
    result = evaluate("response.letters", site, D + 200 * DAY)
    assert [f.key for f in result.findings] == [f"letter:{late.pk}"]


@pytest.mark.parametrize("category", ["report", "complaint"])
def test_reports_and_petitions_never_count(site, category):
    letter(site, D, category=category)
    assert not evaluate("response.letters", site, D + 200 * DAY).vetoed


def test_letters_older_than_a_year_and_rejected_letters_do_not_count(site):
    old = letter(site, D)
    assert evaluate("response.letters", site, add_months(D, 12)).vetoed
    assert not evaluate("response.letters", site, add_months(D, 12) + DAY).vetoed
    Letter.objects.filter(pk=old.pk).update(status="rejected")
    assert not evaluate("response.letters", site, D + 100 * DAY).vetoed


def test_no_open_mailbox_is_a_veto(site):
    mailbox, _created = ensure_mailbox(site)
    assert not evaluate("response.mailbox", site, D).vetoed
    mailbox.is_open = False
    mailbox.save()
    assert evaluate("response.mailbox", site, D).vetoed


# Serious errors -------------------------------------------------------------------------------------


def test_must_fix_wording_on_a_live_page_is_a_veto_and_a_draft_is_not(site):
    column = factories.column(site, "gzdt")
    draft = factories.make_article(
        column, title="草稿", publish=False, live=False, body=[("paragraph", RichText("<p>台湾总统</p>"))]
    )
    assert not evaluate("errors.wording", site, D).vetoed
    live = factories.make_article(column, body=[("paragraph", RichText("<p>会见台湾总统一事纯属谣言。</p>"))])
    result = evaluate("errors.wording", site, D)
    assert result.vetoed
    assert [f.edit_url for f in result.findings] == [f"/admin/pages/{live.pk}/edit/"]
    assert "台湾地区领导人" in result.findings[0].message
    assert draft.pk != live.pk


def test_a_leader_name_one_character_off_in_a_name_context_is_a_veto(site):
    column = factories.column(site, "gzdt")
    factories.make_leader(column, name="张明", position="局长")
    factories.make_article(column, body=[("paragraph", RichText("<p>局长张明出席会议并讲话。</p>"))])
    assert not evaluate("errors.leader_names", site, D).vetoed
    wrong = factories.make_article(column, body=[("paragraph", RichText("<p>局长张鸣出席会议并讲话。</p>"))])
    result = evaluate("errors.leader_names", site, D)
    assert result.vetoed
    assert [(f.key, f.edit_url) for f in result.findings] == [
        (f"name:{wrong.pk}:张鸣", f"/admin/pages/{wrong.pk}/edit/")
    ]


def test_document_dates_count_for_policy_columns(site):
    column = factories.column(site, "xxgk", "zcwj")
    factories.make_document(column, date=D)
    assert GovernmentDocumentPage.objects.get(pk=column.get_children().first().pk).date == D
    assert "政策文件" not in stale_titles(site, add_months(D, 6) - DAY)

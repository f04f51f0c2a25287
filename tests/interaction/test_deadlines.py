"""Reply deadlines count working days: weekends and holidays do not count, weekend working days (调休) do."""

import datetime

from django.urls import reverse
from django.utils import timezone

from hub.interaction.actions import ReplyLetter
from hub.interaction.letters import submit_letter
from hub.interaction.models import CalendarDay, Letter, Mailbox
from hub.interaction.workdays import add_working_days, working_days_between

from .conftest import login

DATA = {"name": "王芳", "phone": "0908-4221234", "subject": "咨询", "category": "consultation", "body": "请问……"}


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_five_working_days_skip_the_weekend(db):
    # Fri 2023-03-03 (no holidays that spring): Mon–Fri of the next week, the fifth is Fri 03-10.
    assert add_working_days(datetime.date(2023, 3, 3), 5) == datetime.date(2023, 3, 10)
    assert add_working_days(datetime.date(2023, 3, 4), 5) == datetime.date(2023, 3, 10)  # a Saturday letter
    assert working_days_between(datetime.date(2023, 3, 3), datetime.date(2023, 3, 10)) == 5


def test_holidays_and_exchanged_working_days_from_the_seeded_calendar(db):
    # National Day 2025: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked.
    assert CalendarDay.objects.filter(date=datetime.date(2025, 10, 8), kind="holiday").exists()
    # Fri Sep 26 → Sun 28 (worked), Mon 29, Tue 30, Thu Oct 9, Fri 10.
    assert add_working_days(datetime.date(2025, 9, 26), 5) == datetime.date(2025, 10, 10)
    # Thu Oct 9 → Fri 10, Sat 11 (worked), Mon 13, Tue 14, Wed 15.
    assert add_working_days(datetime.date(2025, 10, 9), 5) == datetime.date(2025, 10, 15)


def test_an_added_holiday_moves_the_deadline(db):
    start = datetime.date(2023, 6, 5)  # a Monday
    assert add_working_days(start, 5) == datetime.date(2023, 6, 12)
    CalendarDay.objects.create(date=datetime.date(2023, 6, 7), kind="holiday", name="测试假日")
    assert add_working_days(start, 5) == datetime.date(2023, 6, 13)


def test_the_overdue_flag_follows_the_working_day_deadline(w):
    mailbox = Mailbox.objects.get(department=w.education)
    # Received Friday 2025-09-26: five working days end Friday 2025-10-10 (National Day in between).
    letter, _password = submit_letter(mailbox, DATA, now=at(datetime.date(2025, 9, 26)))
    assert letter.deadline == datetime.date(2025, 10, 10)
    assert not letter.is_overdue(today=datetime.date(2025, 10, 8))  # ten calendar days, still in time
    assert not letter.is_overdue(today=datetime.date(2025, 10, 10))
    assert letter.is_overdue(today=datetime.date(2025, 10, 11))
    assert Letter.objects.filter(Letter.overdue_q(datetime.date(2025, 10, 11)), pk=letter.pk).exists()
    assert not Letter.objects.filter(Letter.overdue_q(datetime.date(2025, 10, 10)), pk=letter.pk).exists()


def test_a_late_reply_stays_overdue_and_an_early_one_does_not(w):
    mailbox = Mailbox.objects.get(department=w.education)
    late, _ = submit_letter(mailbox, DATA, now=at(datetime.date(2024, 3, 1)))
    early, _ = submit_letter(mailbox, DATA, now=at(datetime.date(2024, 3, 1)))
    staff = w.user("education_editor")
    ReplyLetter(late, staff, reply="答复").execute()  # today: long after 2024-03-08
    late.refresh_from_db()
    assert late.closed_late and late.is_overdue()
    early_letter = Letter.objects.get(pk=early.pk)
    early_letter.mark_closed(at(datetime.date(2024, 3, 8), 17))
    assert not early_letter.closed_late and not early_letter.is_overdue()


def test_the_admin_list_flags_overdue_letters(w, client):
    mailbox = Mailbox.objects.get(department=w.education)
    old, _ = submit_letter(mailbox, {**DATA, "subject": "很久以前的来信"}, now=at(datetime.date(2024, 5, 6)))
    new, _ = submit_letter(mailbox, {**DATA, "subject": "今天的来信"})
    login(client, w.user("education_editor"))
    url = reverse("wagtailsnippets_interaction_letter:list")
    overdue = client.get(url, {"overdue": "true"}).content.decode()
    assert "很久以前的来信" in overdue and "今天的来信" not in overdue
    in_time = client.get(url, {"overdue": "false"}).content.decode()
    assert "今天的来信" in in_time and "很久以前的来信" not in in_time
    assert old.is_overdue() and not new.is_overdue()

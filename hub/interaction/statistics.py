"""Monthly letter statistics per department (来信统计), as Chinese government sites publish them.

A letter counts for the department it is assigned to and the month it was received. Replied: it
has an official answer. Overdue: answered (or declined) after its deadline, or still open past it.
Average: working days from receipt to the answer, over the answered letters.
"""

import datetime
from dataclasses import dataclass

from django.db.models.functions import TruncDate
from django.utils import timezone

from hub.tenancy.models import Department

from .models import Letter
from .workdays import overrides_between, working_days_between


@dataclass
class LetterFigures:
    department: Department
    year: int
    month: int | None
    received: int = 0
    replied: int = 0
    overdue: int = 0
    reply_days_total: int = 0

    @property
    def average_days(self):
        """Average working days to reply, one decimal; None when nothing was answered."""
        if not self.replied:
            return None
        return round(self.reply_days_total / self.replied, 1)


def _period(year, month):
    tz = timezone.get_current_timezone()
    if month:
        start = datetime.datetime(year, month, 1, tzinfo=tz)
        end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    else:
        start = datetime.datetime(year, 1, 1, tzinfo=tz)
        end = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    return start, end


def letter_statistics(year, month=None, departments=None, mailbox=None, today=None):
    """Figures per department for one month (or the whole year when month is None).

    `departments` limits and orders the rows (every tenant with letters when None); `mailbox`
    counts only letters written to that mailbox. One query for the letters, one for the calendar.
    """
    today = today or timezone.localdate()
    start, end = _period(year, month)
    letters = Letter.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    if mailbox is not None:
        letters = letters.filter(mailbox=mailbox)
    if departments is not None:
        departments = list(departments)
        letters = letters.filter(department__in=departments)
    rows = list(
        letters.annotate(received_on=TruncDate("submitted_at"), replied_on=TruncDate("replied_at")).values_list(
            "department_id", "received_on", "replied_on", "deadline", "closed_at", "closed_late", "status"
        )
    )
    if departments is None:
        departments = list(Department.objects.filter(pk__in={row[0] for row in rows}))
    figures = {d.pk: LetterFigures(department=d, year=year, month=month) for d in departments}
    replied_dates = [row[2] for row in rows if row[2] is not None]
    overrides = overrides_between(start.date(), max(replied_dates)) if replied_dates else {}
    for department_id, received_on, replied_on, deadline, closed_at, closed_late, status in rows:
        entry = figures.get(department_id)
        if entry is None:
            continue
        entry.received += 1
        if status == Letter.Status.REPLIED and replied_on is not None:
            entry.replied += 1
            entry.reply_days_total += working_days_between(received_on, replied_on, overrides)
        if closed_late or (closed_at is None and today > deadline):
            entry.overdue += 1
    return list(figures.values())


def totals(figures, year, month=None):
    """One row adding up the others (the 合计 line)."""
    total = LetterFigures(department=None, year=year, month=month)
    for entry in figures:
        total.received += entry.received
        total.replied += entry.replied
        total.overdue += entry.overdue
        total.reply_days_total += entry.reply_days_total
    return total

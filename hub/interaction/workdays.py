"""Working days: Monday to Friday, minus official holidays, plus the weekend days worked in exchange.

The exceptions come from `CalendarDay` (the 节假日安排 a central admin keeps each year); every
function reads them for the span it needs in one query, or takes them ready-made as `overrides`.
"""

import datetime

from .models import CalendarDay

ONE_DAY = datetime.timedelta(days=1)


def overrides_between(start, end):
    """{date: kind} for the calendar exceptions from start to end inclusive."""
    return dict(CalendarDay.objects.filter(date__gte=start, date__lte=end).values_list("date", "kind"))


def is_working_day(day, overrides=None):
    if overrides is None:
        overrides = overrides_between(day, day)
    kind = overrides.get(day)
    if kind == CalendarDay.Kind.HOLIDAY:
        return False
    if kind == CalendarDay.Kind.WORKDAY:
        return True
    return day.weekday() < 5


def add_working_days(start, days, overrides=None):
    """The `days`-th working day after `start`; the day of receipt itself does not count.

    With days=0 it is the first working day from `start` on (the day itself if it is one).
    """
    if days <= 0:
        day = start
        window = overrides if overrides is not None else overrides_between(start, start + datetime.timedelta(60))
        while not is_working_day(day, window):
            day += ONE_DAY
        return day
    # Long holidays (春节, 国庆) add at most about ten days; read a generous window once.
    span = datetime.timedelta(days=days * 2 + 30)
    window = overrides if overrides is not None else overrides_between(start, start + span)
    day, counted = start, 0
    while counted < days:
        day += ONE_DAY
        if overrides is None and day > start + span:
            span *= 2
            window = overrides_between(start, start + span)
        if is_working_day(day, window):
            counted += 1
    return day


def working_days_between(start, end, overrides=None):
    """Working days after `start` up to and including `end` (0 when end is not after start)."""
    if end <= start:
        return 0
    window = overrides if overrides is not None else overrides_between(start, end)
    day, counted = start, 0
    while day < end:
        day += ONE_DAY
        if is_working_day(day, window):
            counted += 1
    return counted

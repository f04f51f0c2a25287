"""The national holiday arrangements (国务院办公厅 节假日安排) for 2024–2026.

Central admins add each new year's list and the regional holidays (肉孜节, 古尔邦节) the autonomous
region announces, in the admin under 互动交流 → 节假日安排.
"""

import datetime

from django.db import migrations

HOLIDAY, WORKDAY = "holiday", "workday"


def span(first, last, name):
    day = datetime.date.fromisoformat(first)
    end = datetime.date.fromisoformat(last)
    while day <= end:
        yield day, HOLIDAY, name
        day += datetime.timedelta(days=1)


def worked(date, name):
    yield datetime.date.fromisoformat(date), WORKDAY, name


def calendar():
    yield from span("2024-01-01", "2024-01-01", "元旦")
    yield from span("2024-02-10", "2024-02-17", "春节")
    yield from worked("2024-02-04", "春节调休")
    yield from worked("2024-02-18", "春节调休")
    yield from span("2024-04-04", "2024-04-06", "清明节")
    yield from worked("2024-04-07", "清明节调休")
    yield from span("2024-05-01", "2024-05-05", "劳动节")
    yield from worked("2024-04-28", "劳动节调休")
    yield from worked("2024-05-11", "劳动节调休")
    yield from span("2024-06-10", "2024-06-10", "端午节")
    yield from span("2024-09-15", "2024-09-17", "中秋节")
    yield from worked("2024-09-14", "中秋节调休")
    yield from span("2024-10-01", "2024-10-07", "国庆节")
    yield from worked("2024-09-29", "国庆节调休")
    yield from worked("2024-10-12", "国庆节调休")

    yield from span("2025-01-01", "2025-01-01", "元旦")
    yield from span("2025-01-28", "2025-02-04", "春节")
    yield from worked("2025-01-26", "春节调休")
    yield from worked("2025-02-08", "春节调休")
    yield from span("2025-04-04", "2025-04-06", "清明节")
    yield from span("2025-05-01", "2025-05-05", "劳动节")
    yield from worked("2025-04-27", "劳动节调休")
    yield from span("2025-05-31", "2025-06-02", "端午节")
    yield from span("2025-10-01", "2025-10-08", "国庆节、中秋节")
    yield from worked("2025-09-28", "国庆节调休")
    yield from worked("2025-10-11", "国庆节调休")

    yield from span("2026-01-01", "2026-01-03", "元旦")
    yield from worked("2026-01-04", "元旦调休")
    yield from span("2026-02-15", "2026-02-23", "春节")
    yield from worked("2026-02-14", "春节调休")
    yield from worked("2026-02-28", "春节调休")
    yield from span("2026-04-04", "2026-04-06", "清明节")
    yield from span("2026-05-01", "2026-05-05", "劳动节")
    yield from worked("2026-05-09", "劳动节调休")
    yield from span("2026-06-19", "2026-06-21", "端午节")
    yield from span("2026-09-25", "2026-09-27", "中秋节")
    yield from span("2026-10-01", "2026-10-07", "国庆节")
    yield from worked("2026-09-20", "国庆节调休")
    yield from worked("2026-10-10", "国庆节调休")


def seed(apps, schema_editor):
    CalendarDay = apps.get_model("interaction", "CalendarDay")
    for date, kind, name in calendar():
        CalendarDay.objects.update_or_create(date=date, defaults={"kind": kind, "name": name})


class Migration(migrations.Migration):
    dependencies = [("interaction", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

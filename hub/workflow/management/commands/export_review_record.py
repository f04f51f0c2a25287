import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hub.tenancy.models import Department

from ...record import export_csv


def parse_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from exc


class Command(BaseCommand):
    help = "Write a tenant's approval record (every step of every chain started in the period) as CSV."

    def add_arguments(self, parser):
        parser.add_argument("code", help="the tenant's code, e.g. jyj")
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: first of this month)")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: today)")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, code, start=None, end=None, output=None, **options):
        department = Department.objects.filter(code=code).first()
        if department is None:
            raise CommandError(f"No tenant with code {code}")
        today = timezone.localdate()
        start = parse_date(start) if start else today.replace(day=1)
        end = parse_date(end) if end else today
        text = export_csv(department, start, end)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as target:
                target.write(text)
        else:
            self.stdout.write(text.lstrip("\ufeff"), ending="")

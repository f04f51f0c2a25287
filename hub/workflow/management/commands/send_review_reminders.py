from django.core.management.base import BaseCommand

from ...notifications import send_overdue_reminders
from ...queue import overdue_after


class Command(BaseCommand):
    help = "Mail every reviewer the pages overdue at their steps (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        sent = send_overdue_reminders()
        self.stdout.write(f"{sent} reminder(s) sent (overdue after {overdue_after().days} days).")

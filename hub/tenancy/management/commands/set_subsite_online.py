from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hub.tenancy.models import Department
from hub.tenancy.onboarding import set_online


class Command(BaseCommand):
    help = "Take a subsite offline (its content is kept) or bring it back: set_subsite_online jyj off|on"

    def add_arguments(self, parser):
        parser.add_argument("code")
        parser.add_argument("state", choices=["on", "off"])

    def handle(self, *args, **options):
        department = Department.objects.filter(code=options["code"]).first()
        if department is None:
            raise CommandError(f"No subsite with code {options['code']!r}.")
        try:
            set_online(department, options["state"] == "on")
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            f"{department.code} ({department.name}) is now {'online' if department.is_online else 'offline'}."
        )

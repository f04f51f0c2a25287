import polib
from django.core.management.base import BaseCommand, CommandError

from hub.i18n.languages import translation_languages
from hub.i18n.po import WrongFile, import_po
from hub.tenancy.models import Department


class Command(BaseCommand):
    help = "Import a PO file made by export_translations and filled in by a translator."

    def add_arguments(self, parser):
        parser.add_argument("site", help="the tenant's code, e.g. portal")
        parser.add_argument("language", choices=translation_languages())
        parser.add_argument("file")
        parser.add_argument("--publish", action="store_true", help="publish every translation that is then complete")

    def handle(self, site, language, file, publish=False, **options):
        department = Department.objects.filter(code=site).first()
        if department is None:
            raise CommandError(f"No site with the code {site!r}")
        try:
            po = polib.pofile(file)
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Not a readable PO file: {exc}") from exc
        try:
            result = import_po(po, department, language, publish=publish)
        except WrongFile as exc:
            raise CommandError(str(exc)) from exc
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(str(result))

import sys

from django.core.management.base import BaseCommand, CommandError

from hub.i18n.languages import translation_languages
from hub.i18n.po import export_po
from hub.tenancy.models import Department


class Command(BaseCommand):
    help = "Write one PO file with every translation of a site into a language, for outside translators."

    def add_arguments(self, parser):
        parser.add_argument("site", help="the tenant's code, e.g. portal")
        parser.add_argument("language", choices=translation_languages())
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, site, language, output=None, **options):
        department = Department.objects.filter(code=site).first()
        if department is None:
            raise CommandError(f"No site with the code {site!r}")
        po = export_po(department, language)
        text = str(po)
        if output:
            with open(output, "w", encoding="utf-8") as po_file:
                po_file.write(text)
            self.stderr.write(f"{len(po)} messages written to {output} ({po.percent_translated()}% translated)")
        else:
            sys.stdout.write(text)

from django.core.management.base import BaseCommand, CommandError

from hub.i18n.chinese import DOMAINS, build, catalogue_path


class Command(BaseCommand):
    help = (
        "List the upstream admin messages (Wagtail, wagtail-localize, their libraries) left untranslated in "
        "Simplified Chinese into hub/i18n/catalogues/zh_Hans, keeping the translations already made, and "
        "compile it. Run after upgrading Wagtail, translate the new entries, run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="write nothing; fail if a message is missing or untranslated"
        )

    def handle(self, check=False, **options):
        missing = 0
        for domain in DOMAINS:
            result = build(domain, write=not check)
            per_app = ", ".join(f"{app} {count}" for app, count in result.per_app.items())
            self.stdout.write(
                f"{domain}: {sum(result.per_app.values())} messages ({per_app}); kept {result.kept}, "
                f"prefilled {result.prefilled}, new {result.added}, dropped {result.dropped}; "
                f"{len(result.untranslated)} to translate in {catalogue_path(domain)}"
            )
            missing += len(result.untranslated) + (result.dropped if check else 0)
        if check and missing:
            raise CommandError(f"{missing} messages to translate or drop: run manage.py build_chinese_catalogue")

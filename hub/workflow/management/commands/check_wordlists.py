from django.core.management.base import BaseCommand, CommandError

from ...screening import wordlists


class Command(BaseCommand):
    help = "Validate the word lists (审校词库) and show what each holds; fails when a line is malformed."

    def handle(self, *args, **options):
        lists, version = wordlists.load()
        self.stdout.write(f"Word lists in {wordlists.wordlist_dir()} (rules version {version}):")
        errors = 0
        for wordlist in lists:
            self.stdout.write(
                f"  {wordlist.name}.txt  {wordlist.title}  [{wordlist.grade_label}]  {len(wordlist.entries)} entries"
            )
            for number, message in wordlist.errors:
                self.stderr.write(f"    line {number}: {message}")
                errors += 1
        if errors:
            raise CommandError(f"{errors} malformed line(s)")

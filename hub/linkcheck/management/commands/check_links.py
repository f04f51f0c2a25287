"""Check the outside links of every site (or one); for cron. One summary line per site.

    manage.py check_links                 # every site's due links (not checked within the recheck interval)
    manage.py check_links --site jyj      # one site
    manage.py check_links --force         # every link, due or not

A run stopped half-way is resumed by the next one. Exit status 1 when a site could not be checked,
2 when a link was found possibly hijacked (a veto item), else 0.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from hub.linkcheck.checker import check_department
from hub.linkcheck.indicators import hijacked, run_summary
from hub.tenancy.models import Department


def departments(code):
    queryset = Department.objects.select_related("site__root_page").order_by("sort_order", "code")
    if code:
        queryset = queryset.filter(code=code)
        if not queryset.exists():
            raise CommandError(f"No site with code {code!r}.")
    return list(queryset)


class Command(BaseCommand):
    help = "Check every outside link the sites publish (HEAD then GET), resuming an unfinished run."

    def add_arguments(self, parser):
        parser.add_argument("--site", help="the code of one site")
        parser.add_argument("--force", action="store_true", help="check every link, also those checked recently")

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        failed, flagged = [], []
        # An offline site publishes nothing; named with --site, it is checked all the same.
        sites = [d for d in departments(options["site"]) if d.is_online or options["site"]]
        for department in sites:

            def progress(run, link, done, total, code=department.code):
                if verbosity >= 2 or (verbosity and (done % 50 == 0 or done == total)):
                    self.stderr.write(f"  {code}: {done}/{total} {link.outcome:<8} {link.url}")

            try:
                run = check_department(department, force=options["force"], progress=progress)
            except KeyboardInterrupt:
                raise
            except Exception as exc:  # noqa: BLE001 — one site's failure does not stop the others
                failed.append(department.code)
                self.stderr.write(f"{department.code}: FAILED ({type(exc).__name__}: {exc}); resumed on the next run")
                continue
            if hijacked(department).exists():
                flagged.append(department.code)
            self.stdout.write(f"{department.code}: {run_summary(run)}")
        self.stdout.write(
            f"check_links: {len(sites)} site{'s' if len(sites) != 1 else ''}, {len(failed)} failed, "
            f"{len(flagged)} with possibly hijacked links"
        )
        if failed:
            sys.exit(1)
        if flagged:
            sys.exit(2)

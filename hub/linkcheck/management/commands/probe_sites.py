"""Probe every site (or one): its home page and a sample of its pages, each visit recorded; for cron.

    manage.py probe_sites                 # every online site, HUB_PROBE_SAMPLE pages besides the home page
    manage.py probe_sites --site jyj --count 5

The availability rule needs at least 20 visits a day for each site: run it, e.g., every 30 minutes.
Exit status 1 when a site's home page did not answer, else 0.
"""

import sys

from django.core.management.base import BaseCommand

from hub.linkcheck.indicators import probe_summary
from hub.linkcheck.probe import probe_department

from .check_links import departments


class Command(BaseCommand):
    help = "Visit each site's home page and a sample of its pages through its hostname; record status and time."

    def add_arguments(self, parser):
        parser.add_argument("--site", help="the code of one site")
        parser.add_argument("--count", type=int, help="pages to sample besides the home page")

    def handle(self, *args, **options):
        down = []
        sites = [d for d in departments(options["site"]) if d.is_online or options["site"]]
        for department in sites:
            probes = probe_department(department, count=options["count"])
            if not probes[0].ok:
                down.append(department.code)
            self.stdout.write(f"{department.code}: {probe_summary(probes)}")
            if options["verbosity"] >= 2:
                for probe in probes:
                    self.stderr.write(
                        f"  {probe.status_code or '-'} {probe.elapsed_ms:>6} ms {probe.error:<10} {probe.url}"
                    )
        self.stdout.write(
            f"probe_sites: {len(sites)} site{'s' if len(sites) != 1 else ''}, {len(down)} home pages down"
        )
        if down:
            sys.exit(1)

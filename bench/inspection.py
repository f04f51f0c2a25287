#!/usr/bin/env python
"""Inspection benchmark: a full inspection (网站自查) of the demo site group, in seconds.

    .venv/bin/python bench/inspection.py                 # SQLite in a temp file: migrate, load the demo
    DATABASE_URL=postgres://… .venv/bin/python bench/inspection.py --reuse   # a database with the demo

Loads the demo (unless --reuse), then inspects every site --rounds times (default 3) with every
registered indicator (no collectors, no e-mail) and prints per round the seconds taken beside the
number of sites and pages checked, and per site its best time, pages, score and veto items.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="use DATABASE_URL as it is (the demo loaded)")
    args = parser.parse_args()

    if not args.reuse and "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    from hub.inspection.runner import inspect_department
    from hub.tenancy.models import Department

    if not args.reuse:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=io.StringIO())
        print(f"demo loaded in {time.perf_counter() - started:.1f} s")

    departments = list(Department.objects.select_related("site__root_page").order_by("sort_order", "code"))
    best = {}
    for round_number in range(1, args.rounds + 1):
        started = time.perf_counter()
        pages = 0
        for department in departments:
            outcome = inspect_department(department, trigger="bench", notify=False)
            pages += outcome.run.pages_checked
            previous = best.get(department.code)
            if previous is None or outcome.seconds < previous[0]:
                best[department.code] = (outcome.seconds, outcome.run)
        seconds = time.perf_counter() - started
        print(
            f"round {round_number}: {len(departments)} sites, {pages} pages checked in {seconds:.2f} s "
            f"({pages / seconds:.0f} pages/s)"
        )
    for code, (seconds, run) in best.items():
        print(f"  {code:<8} {seconds:6.2f} s  {run.pages_checked:5d} pages  score {run.score}  vetoes {run.veto_count}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Uncached render cost of the public pages, signed out and as an editor, on the demo site group.

    .venv/bin/python bench/render.py                 # SQLite in a temporary file, demo loaded first
    .venv/bin/python bench/render.py --renders 50 --profile "portal home"

Renders each page through the real URL routing and middleware (Django's test client, production-like
settings without DEBUG) and prints, per page and visitor: CPU milliseconds per render (process time,
median of --renders) and queries per render, before (template fragment caches off) and after (on),
in the same run, with the ratios. Nothing is cached between renders except what the application
itself caches (fragment caches, Site root paths); each pass starts from an empty cache.
--profile NAME prints a cProfile summary of that page's renders (signed out).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORTAL = "portal"
DEPARTMENT = "jyj"
EDITOR = "jyj_editor"


def setup_django(database):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


def prepare():
    from django.core.management import call_command

    from fixtures.loader import load_demo

    call_command("migrate", verbosity=0, interactive=False)
    load_demo(port=80)


def pages():
    from hub.tenancy.models import Department
    from sites.common.models import ArticlePage

    portal = Department.objects.get(code=PORTAL) if Department.objects.filter(code=PORTAL).exists() else None
    portal = portal or Department.objects.filter(kind=Department.Kind.PORTAL).first()
    department = Department.objects.get(code=DEPARTMENT)
    article = (
        ArticlePage.objects.live().descendant_of(department.site.root_page).order_by("-first_published_at").first()
    )
    return [
        ("portal home", portal.site.hostname, "/"),
        ("department home", department.site.hostname, "/"),
        ("article", department.site.hostname, article.get_url_parts()[2]),
        ("search 教师", portal.site.hostname, "/search/?q=教师"),
    ]


def fragment_caches(on):
    """Before: template fragments never cached (a dummy `template_fragments` cache); after: cached."""
    from django.conf import settings
    from django.test.utils import override_settings

    backend = "locmem.LocMemCache" if on else "dummy.DummyCache"
    fragments = {"BACKEND": f"django.core.cache.backends.{backend}", "LOCATION": "fragments"}
    return override_settings(CACHES={**settings.CACHES, "template_fragments": fragments})


def measure(client, host, path, renders):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for alias in ("default", "template_fragments"):
        caches[alias].clear()
    times, queries = [], []
    for _ in range(renders):
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            response = client.get(path, HTTP_HOST=host)
            times.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, (host, path, response.status_code)
        queries.append(len(captured))
    return statistics.median(times), queries[0], statistics.median(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--database", help="an SQLite file holding the demo already (skips loading it)")
    parser.add_argument("--profile", help="print a cProfile summary for this page")
    args = parser.parse_args()

    database = args.database or os.path.join(tempfile.mkdtemp(prefix="portalhub-render."), "db.sqlite3")
    setup_django(database)
    if not args.database:
        print(f"loading the demo into {database} …", flush=True)
        prepare()

    from django.contrib.auth import get_user_model
    from django.test import Client

    anonymous = Client()
    editor = Client()
    editor.force_login(get_user_model().objects.get(username=EDITOR))
    rows = []
    for name, host, path in pages():
        for who, client in (("signed out", anonymous), ("editor", editor)):
            client.get(path, HTTP_HOST=host)  # warm imports and template loading
            with fragment_caches(False):
                before = measure(client, host, path, args.renders)
            with fragment_caches(True):
                rows.append((name, who, before, measure(client, host, path, args.renders)))
        if args.profile == name:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.renders):
                anonymous.get(path, HTTP_HOST=host)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
            print(out.getvalue())

    article = {who: after[0] for name, who, before, after in rows if name == "article"}
    print(f"\n{args.renders} renders per cell; CPU ms is the median, queries the median per render")
    print("before: fragment caches off; after: on (both in this run); ratios: after / before, after / article")
    header = f"{'page':<16}{'visitor':<12}{'ms before':>10}{'ms after':>10}{'q before':>10}{'q after':>9}"
    print(header + f"{'after/before':>14}{'× article':>11}")
    for name, who, before, after in rows:
        print(
            f"{name:<16}{who:<12}{before[0]:>10.1f}{after[0]:>10.1f}{before[2]:>10g}{after[2]:>9g}"
            f"{after[0] / before[0]:>14.2f}{after[0] / article[who]:>11.2f}"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Link checker benchmark: 1,000 outside links against a local HTTP server, at the default concurrency.

    .venv/bin/python bench/links.py                  # 1,000 links over 50 host names, 5 % slow, 5 % 404
    .venv/bin/python bench/links.py --links 200 --slow 0.1 --delay 1.0

Starts an HTTP server on 127.0.0.1 (host names h0.test … h49.test resolved to it by the checker's
resolver override), onboards one site in a fresh SQLite database whose pages carry the links, runs
`check_department` with the default concurrency, per-host limit and host delay (as `check_links`
would), and prints links/s, the total time and the number of links by outcome, read from the stored
rows. A second run finds nothing due and checks nothing.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--links", type=int, default=1000, help="number of links (default 1000)")
    parser.add_argument("--hosts", type=int, default=50, help="host names they are spread over (default 50)")
    parser.add_argument("--slow", type=float, default=0.05, help="share of slow links (default 0.05)")
    parser.add_argument("--slow-seconds", type=float, default=1.0, help="how long a slow link takes (default 1 s)")
    parser.add_argument("--broken", type=float, default=0.05, help="share of links answering 404 (default 0.05)")
    parser.add_argument("--per-page", type=int, default=50, help="links per article (default 50)")
    parser.add_argument("--delay", type=float, help="seconds between two requests to one host (default: setting)")
    return parser.parse_args()


def setup_django():
    path = Path(tempfile.gettempdir()) / "portalhub-links-bench.sqlite3"
    path.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def main():
    args = parse_args()
    setup_django()
    from django.conf import settings

    from hub.linkcheck import conf
    from hub.linkcheck.checker import check_department
    from tests import factories
    from tests.linkcheck import server as local
    from tests.linkcheck.conftest import article_with_links

    server = local.start()
    server.bench_delay = args.slow_seconds
    hosts = [f"h{n}.test" for n in range(args.hosts)]
    settings.HUB_LINKCHECK_RESOLVE = {host: "127.0.0.1" for host in hosts}
    if args.delay is not None:
        settings.HUB_LINKCHECK_HOST_DELAY = args.delay

    slow_every = round(1 / args.slow) if args.slow else 0
    broken_every = round(1 / args.broken) if args.broken else 0
    urls = []
    for n in range(args.links):
        suffix = (
            "slow" if slow_every and n % slow_every == 1 else "404" if broken_every and n % broken_every == 2 else "ok"
        )
        urls.append(server.url(hosts[n % len(hosts)], f"/n/{n}/{suffix}"))

    started = time.perf_counter()
    department = factories.make_site(code="linkbench")
    for start in range(0, len(urls), args.per_page):
        article_with_links(department, urls[start : start + args.per_page])
    print(
        f"setup: 1 site, {len(urls) // args.per_page + bool(len(urls) % args.per_page)} pages in "
        f"{time.perf_counter() - started:.1f} s"
    )

    print(
        f"checker: concurrency {conf.get('HUB_LINKCHECK_CONCURRENCY')}, {conf.get('HUB_LINKCHECK_PER_HOST')} per host, "
        f"{conf.get('HUB_LINKCHECK_HOST_DELAY')} s between requests to a host, read timeout "
        f"{conf.get('HUB_LINKCHECK_READ_TIMEOUT')} s; {len(urls)} links over {len(hosts)} hosts, "
        f"{sum(u.endswith('slow') for u in urls)} slow ({args.slow_seconds} s), "
        f"{sum(u.endswith('404') for u in urls)} answering 404"
    )
    started = time.perf_counter()
    run = check_department(department)
    elapsed = time.perf_counter() - started
    counts = run.counts()
    print(f"checked: {run.done} links in {elapsed:.2f} s = {run.done / elapsed:.1f} links/s (discovery included)")
    print("outcomes: " + ", ".join(f"{outcome} {n}" for outcome, n in sorted(counts.items())))
    print(f"requests: {sum(server.hits.values())} (HEAD, and GET for pages read for forbidden words)")

    started = time.perf_counter()
    again = check_department(department)
    print(f"second run: {again.done} links due, {time.perf_counter() - started:.2f} s")
    server.shutdown()


if __name__ == "__main__":
    main()

"""The availability probe: each site's home page and a sample of its pages, through its hostname.

A visit fails when it has not answered within HUB_PROBE_TIMEOUT (15 s, the 2019 indicators' rule),
answers with an error status or cannot connect. With HUB_PROBE_ADDRESS set (e.g.
"http://127.0.0.1:8000") the probe connects there and names the site in the Host header, which is
how it reaches sites on one server without DNS (and *.localhost in development); without it, each
site is requested at its own address.
"""

import random

from django.utils import timezone
from urllib3.util import Timeout

from . import conf
from .client import Client
from .models import ErrorKind, Probe


def visit_failed(status, elapsed_ms, error=""):
    """The rule of one visit: failed unless it answered without error within the timeout."""
    return bool(error) or status is None or status >= 400 or elapsed_ms > conf.get("HUB_PROBE_TIMEOUT") * 1000


def sample_paths(department, count):
    """ "/" and up to `count` other live public pages of the site, picked at random."""
    home = department.site.root_page.url_path
    pages = department.site.root_page.get_descendants().live().public().values_list("url_path", flat=True)
    paths = [path[len(home) - 1 :] for path in pages]
    chosen = random.sample(paths, min(count, len(paths))) if count > 0 else []
    return ["/"] + chosen


def site_address(department, path):
    site = department.site
    return site.root_url.rstrip("/") + path


def probe_department(department, *, count=None, client=None, now=None):
    """Visit the home page and `count` sampled pages once each; returns the stored probes."""
    count = conf.get("HUB_PROBE_SAMPLE") if count is None else count
    timeout = conf.get("HUB_PROBE_TIMEOUT")
    client = client or Client(timeout=Timeout(total=timeout), per_host=1, max_redirects=5)
    base = conf.get("HUB_PROBE_ADDRESS").rstrip("/")
    host_header = department.site.hostname
    if department.site.port not in (80, 443):
        host_header = f"{host_header}:{department.site.port}"
    probes = []
    for path in sample_paths(department, count):
        public = site_address(department, path)
        if base:
            answer = client.request(
                base + path, "GET", read=2_000_000, headers={"Host": host_header}, same_host_only=True, deadline=timeout
            )
        else:
            answer = client.request(public, "GET", read=2_000_000, same_host_only=True, deadline=timeout)
        failed = visit_failed(answer.status, answer.elapsed_ms, answer.error)
        error = answer.error or (ErrorKind.TIMEOUT if failed and answer.status and answer.status < 400 else "")
        probes.append(
            Probe(
                department=department,
                url=public[:2000],
                requested_at=now or timezone.now(),
                status_code=answer.status,
                elapsed_ms=answer.elapsed_ms,
                ok=not failed,
                error=error,
            )
        )
    Probe.objects.bulk_create(probes)
    return probes

"""Checking a tenant's outside links: bounded concurrency, a limit and a delay per host, HEAD then
GET, each result stored as soon as it arrives.

Worker threads only talk HTTP; the calling thread hands out the links (never more than
`per_host` at once to one host, and never two starts to one host closer than `host_delay`) and
writes every result the moment it comes back (those that came back together in one commit),
marking the link with the run that checked it.
A run that stops half-way (an exception, a killed process) stays unfinished; the next call for
the tenant resumes it and checks only the links that run has not checked yet, so nothing is lost
and no failure is counted twice. A run still marked running is left alone until it has stored
nothing for STALE_AFTER: another process may be at work on it.
"""

import re
import time
from collections import defaultdict, deque
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import timedelta
from html import unescape

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from urllib3.util import Timeout

from hub.workflow.screening import wordlists

from . import conf
from .client import Client
from .discovery import sync_links
from .domains import same_site
from .models import ErrorKind, HijackReason, LinkCheckRun, Outcome, OutsideLink

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
# HEAD is answered wrongly by many servers: these statuses (and any failure but a timeout) are retried with GET.
GET_AFTER_HEAD = {405, 501}
TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


@dataclass
class Verdict:
    outcome: str
    answer: object
    reason: str = HijackReason.NONE
    words: list = field(default_factory=list)


def forbidden_words():
    """(term, pattern) of every entry of the word lists named in HUB_LINKCHECK_WORDLISTS."""
    names = set(conf.get("HUB_LINKCHECK_WORDLISTS"))
    lists, _version = wordlists.load()
    return [(entry.term, entry.pattern) for wordlist in lists if wordlist.name in names for entry in wordlist.entries]


def page_text(html):
    return " ".join(unescape(TAGS.sub(" ", html)).split())


def make_client(timeout=None):
    return Client(
        timeout=timeout
        or Timeout(connect=conf.get("HUB_LINKCHECK_CONNECT_TIMEOUT"), read=conf.get("HUB_LINKCHECK_READ_TIMEOUT")),
        per_host=conf.get("HUB_LINKCHECK_PER_HOST"),
        max_redirects=conf.get("HUB_LINKCHECK_MAX_REDIRECTS"),
        resolve=conf.get("HUB_LINKCHECK_RESOLVE"),
    )


def check_url(client, url, words):
    """Check one address: HEAD, then GET when HEAD fails or the page is to be read for words."""
    answer = client.request(url, "HEAD")
    head_refused = answer.status in GET_AFTER_HEAD or (answer.failed and answer.error != ErrorKind.TIMEOUT)
    if head_refused or (not answer.failed and answer.content_type in HTML_TYPES and words):
        answer = client.request(url, "GET", read=conf.get("HUB_LINKCHECK_READ_LIMIT"))
    if answer.final_url and answer.error != ErrorKind.INVALID and not same_site(url, answer.final_url):
        return Verdict(Outcome.HIJACKED, answer, HijackReason.DOMAIN)
    if answer.body and words:
        text = page_text(answer.text())
        hits = [term for term, pattern in words if pattern.search(text)]
        if hits:
            return Verdict(Outcome.HIJACKED, answer, HijackReason.WORDS, hits)
    return Verdict(Outcome.BROKEN if answer.failed else Outcome.OK, answer)


def _due(now, force):
    if force:
        return Q()
    recheck_ok = now - conf.get("HUB_LINKCHECK_RECHECK")
    recheck_failed = now - conf.get("HUB_LINKCHECK_RECHECK_FAILED")
    return (
        Q(checked_at__isnull=True)
        | Q(outcome=Outcome.OK, checked_at__lt=recheck_ok)
        | (~Q(outcome=Outcome.OK) & Q(checked_at__lt=recheck_failed))
    )


# A run still marked running that stored nothing for this long is taken to be dead and resumed.
STALE_AFTER = timedelta(minutes=10)


class RunInProgress(Exception):
    """Another process is checking this tenant's links right now."""


def unfinished_run(department):
    run = (
        LinkCheckRun.objects.filter(department=department)
        .exclude(state=LinkCheckRun.State.FINISHED)
        .order_by("-started_at", "-pk")
        .first()
    )
    if run and run.state == LinkCheckRun.State.RUNNING and run.updated_at > timezone.now() - STALE_AFTER:
        raise RunInProgress(f"{department.code}: a link check started {run.started_at:%Y-%m-%d %H:%M} is running")
    return run


def record(link, verdict, run, now):
    """Store one link's result (and the run that checked it) in one write."""
    answer = verdict.answer
    link.outcome = verdict.outcome
    link.checked_at = now
    link.last_run = run
    link.method = answer.method
    link.status_code = answer.status
    link.final_url = (answer.final_url or "")[:2000]
    link.redirects = len(answer.hops)
    link.content_type = answer.content_type
    link.response_ms = answer.elapsed_ms
    link.error = answer.error
    link.error_detail = answer.detail[:500]
    link.hijack_reason = verdict.reason
    link.hijack_words = "、".join(verdict.words)[:500]
    if verdict.outcome == Outcome.OK:
        link.consecutive_failures = 0
        link.failing_since = None
        link.last_ok_at = now
    else:
        if not link.consecutive_failures:
            link.failing_since = now
        link.consecutive_failures += 1
    link.save()


def check_department(department, *, force=False, progress=None, client=None, now=None):
    """Check the tenant's due outside links (all with `force`); returns the run record.

    `progress(run, link, done, total)` is called after each stored result; an exception it raises
    stops the run there (as would a crash), leaving it to be resumed.
    """
    started = now or timezone.now()
    run = unfinished_run(department)
    if run is None:
        run = LinkCheckRun.objects.create(department=department, started_at=started, forced=force)
    else:
        run.state = LinkCheckRun.State.RUNNING
    sync_links(department, now=started)
    todo = list(
        OutsideLink.objects.filter(department=department, published=True)
        .filter(_due(started, run.forced))
        .exclude(last_run=run)
        .order_by("host", "pk")
    )
    done = run.done
    run.total = done + len(todo)
    run.save()
    client = client or make_client()
    words = forbidden_words()
    try:
        for batch in _check_all(client, todo, words):
            # What came back together is stored together: one commit, never a partial result.
            with transaction.atomic():
                for link, verdict in batch:
                    record(link, verdict, run, timezone.now() if now is None else now)
                run.save(update_fields=["updated_at"])
            for link, _verdict in batch:
                done += 1
                if progress:
                    progress(run, link, done, run.total)
    except BaseException as exc:
        run.state = LinkCheckRun.State.INTERRUPTED
        run.error = f"{type(exc).__name__}: {exc}"[:500]
        run.save(update_fields=["state", "error", "updated_at"])
        raise
    run.state = LinkCheckRun.State.FINISHED
    run.finished_at = timezone.now() if now is None else now
    run.error = ""
    run.save(update_fields=["state", "finished_at", "error", "updated_at"])
    return run


def _check_all(client, links, words):
    """Yield lists of (link, verdict) as checks finish, keeping the concurrency and per-host limits."""
    concurrency = max(1, conf.get("HUB_LINKCHECK_CONCURRENCY"))
    per_host = max(1, conf.get("HUB_LINKCHECK_PER_HOST"))
    delay = conf.get("HUB_LINKCHECK_HOST_DELAY")
    queues = defaultdict(deque)
    for link in links:
        queues[link.host].append(link)
    active = defaultdict(int)
    next_start = defaultdict(float)
    running = {}
    executor = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="linkcheck")
    try:
        while queues or running:
            now = time.monotonic()
            for host in list(queues):
                while len(running) < concurrency and active[host] < per_host and next_start[host] <= now:
                    link = queues[host].popleft()
                    running[executor.submit(check_url, client, link.url, words)] = link
                    active[host] += 1
                    next_start[host] = now + delay
                    if not queues[host]:
                        del queues[host]
                        break
                if len(running) >= concurrency:
                    break
            waiting = [next_start[host] - now for host in queues if active[host] < per_host]
            timeout = max(0.01, min(waiting)) if waiting and len(running) < concurrency else None
            if not running:
                time.sleep(timeout or 0.01)
                continue
            finished, _pending = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
            batch = []
            for future in finished:
                link = running.pop(future)
                active[link.host] -= 1
                batch.append((link, future.result()))
            if batch:
                yield batch
    finally:
        executor.shutdown(wait=True, cancel_futures=True)

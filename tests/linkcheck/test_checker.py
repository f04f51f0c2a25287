"""The outside-link checker against the tests' own HTTP server: every outcome, the twice-failed rule,
the recheck schedule and a run interrupted half-way."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from hub.feeds.models import FeedSource
from hub.inspection.registry import Severity, collectors, indicators
from hub.linkcheck.checker import STALE_AFTER, RunInProgress, check_department
from hub.linkcheck.client import USER_AGENT, decode
from hub.linkcheck.discovery import find_links
from hub.linkcheck.domains import registrable_domain, same_site
from hub.linkcheck.models import ErrorKind, HijackReason, LinkCheckRun, LinkSource, Outcome, OutsideLink
from hub.services.models import ServiceItem
from hub.tenancy.models import FriendlyLink, SiteOptions
from tests import factories

from .conftest import article_with_links

pytestmark = pytest.mark.django_db

CASES = ["/ok", "/missing", "/gone", "/error", "/slow", "/chain", "/away", "/casino", "/nohead", "/report.pdf"]


def indicator(code):
    return next(i for i in indicators() if i.code == code)


def links_of(department):
    """{path: link} of the tenant's links (all on the local server)."""
    return {urlsplit(link.url).path.lstrip("/"): link for link in OutsideLink.objects.filter(department=department)}


@pytest.fixture
def site(linkcheck_settings, http_server):
    department = factories.make_site()
    article = article_with_links(department, [http_server.url("a.test", path) for path in CASES])
    return department, article


def test_every_answer_is_told_apart(site, http_server):
    department, article = site
    run = check_department(department)
    links = {"/" + key: link for key, link in links_of(department).items()}
    assert set(links) == set(CASES)

    ok = links["/ok"]
    assert (ok.outcome, ok.status_code, ok.error, ok.content_type) == (Outcome.OK, 200, "", "text/html")
    assert ok.response_ms is not None and ok.checked_at is not None
    for path, status in [("/missing", 404), ("/gone", 410), ("/error", 500)]:
        assert (links[path].outcome, links[path].status_code, links[path].error) == (Outcome.BROKEN, status, "http")
    slow = links["/slow"]
    assert (slow.outcome, slow.error, slow.status_code) == (Outcome.BROKEN, ErrorKind.TIMEOUT, None)

    chain = links["/chain"]  # 301 → 302 (to www.a.test, the same registrable domain) → 307 → 200
    assert (chain.outcome, chain.status_code, chain.redirects) == (Outcome.OK, 200, 3)
    assert chain.final_url == http_server.url("www.a.test", "/ok/end")

    away = links["/away"]
    assert (away.outcome, away.hijack_reason) == (Outcome.HIJACKED, HijackReason.DOMAIN)
    assert away.final_url == http_server.url("b.test", "/ok/parked")

    casino = links["/casino"]  # declared gb2312, encoded as GBK: decoded by its charset
    assert (casino.outcome, casino.hijack_reason, casino.status_code) == (Outcome.HIJACKED, HijackReason.WORDS, 200)
    assert casino.hijack_words == "百家乐、真人荷官"  # not words of its scripts

    nohead = links["/nohead"]  # HEAD refused with 405, then GET
    assert (nohead.outcome, nohead.method, nohead.status_code) == (Outcome.OK, "GET", 200)
    assert http_server.hits[("HEAD", "a.test", "/nohead")] == 1 and http_server.hits[("GET", "a.test", "/nohead")] == 1
    pdf = links["/report.pdf"]  # not a page: HEAD is enough
    assert (pdf.outcome, pdf.method, pdf.content_type) == (Outcome.OK, "HEAD", "application/pdf")
    assert http_server.hits[("GET", "a.test", "/report.pdf")] == 0

    assert http_server.user_agents == {USER_AGENT}
    assert run.state == LinkCheckRun.State.FINISHED and run.done == len(CASES) == run.total
    assert run.counts() == {Outcome.OK: 4, Outcome.BROKEN: 4, Outcome.HIJACKED: 2}

    # Each link knows the page carrying it, with the page editor to fix it.
    source = ok.sources.get()
    assert (source.kind, source.page_id) == (LinkSource.Kind.PAGE, article.pk)
    assert source.edit_url == reverse("wagtailadmin_pages:edit", args=[article.pk])


def test_a_broken_link_is_reported_only_after_failing_twice_in_a_row(site, http_server):
    department, article = site
    broken, hijacked = indicator("links.broken"), indicator("links.hijacked")
    check_department(department)
    now = timezone.now()
    assert broken.evaluate(department, now).findings == []
    assert broken.evaluate(department, now).deduction == 0
    # A possibly hijacked link is a serious error at once.
    result = hijacked.evaluate(department, now)
    assert result.vetoed and {f.severity for f in result.findings} == {Severity.VETO}
    assert {f.key for f in result.findings} == {f"link:{http_server.url('a.test', p)}" for p in ("/away", "/casino")}
    assert all(f.edit_url == reverse("wagtailadmin_pages:edit", args=[article.pk]) for f in result.findings)

    check_department(department, force=True)
    result = broken.evaluate(department, timezone.now())
    keys = {f.key for f in result.findings}
    assert keys == {f"link:{http_server.url('a.test', p)}" for p in ("/missing", "/gone", "/error", "/slow")}
    assert result.deduction > 0 and all(f.severity == Severity.DEDUCTION for f in result.findings)
    finding = next(f for f in result.findings if f.key.endswith("/gone"))
    assert "HTTP 410" in finding.message and finding.url == article.get_full_url()
    assert finding.edit_url == reverse("wagtailadmin_pages:edit", args=[article.pk])


def test_a_success_between_two_failures_starts_the_count_again(linkcheck_settings, http_server):
    department = factories.make_site()
    article_with_links(department, [http_server.url("a.test", "/flaky")])
    broken = indicator("links.broken")
    check_department(department)
    http_server.flaky_fails = False
    check_department(department, force=True)
    http_server.flaky_fails = True
    check_department(department, force=True)
    link = OutsideLink.objects.get(department=department)
    assert (link.outcome, link.consecutive_failures) == (Outcome.BROKEN, 1)
    assert broken.evaluate(department, timezone.now()).findings == []
    check_department(department, force=True)
    assert len(broken.evaluate(department, timezone.now()).findings) == 1


def test_a_link_checked_within_its_interval_is_skipped_unless_forced(linkcheck_settings, http_server):
    department = factories.make_site()
    article_with_links(department, [http_server.url("a.test", "/ok/fresh"), http_server.url("a.test", "/missing")])
    start = timezone.now()
    check_department(department, now=start)
    assert http_server.requests_for("/ok/fresh") == 2  # HEAD, then GET to read the page
    second = check_department(department, now=start + datetime.timedelta(hours=1))
    assert second.total == 0 and http_server.requests_for("/ok/fresh") == 2
    # A failing link is rechecked sooner than a working one.
    third = check_department(department, now=start + datetime.timedelta(days=1))
    assert [link.url for link in third.links.all()] == [http_server.url("a.test", "/missing")]
    fourth = check_department(department, now=start + datetime.timedelta(days=8))
    assert fourth.done == 2
    forced = check_department(department, force=True, now=start + datetime.timedelta(days=8, hours=1))
    assert forced.done == 2


def test_a_run_interrupted_half_way_and_run_again_loses_nothing_and_counts_nothing_twice(site, http_server):
    department, _article = site

    class Stop(Exception):
        pass

    def stop_after_four(run, link, done, total):
        if done == 4:
            raise Stop("interrupted")

    with pytest.raises(Stop):
        check_department(department, progress=stop_after_four)
    run = LinkCheckRun.objects.get(department=department)
    # Results that came back together are stored together: at least the four reported.
    assert run.state == LinkCheckRun.State.INTERRUPTED and 4 <= run.done < len(CASES) == run.total
    first_half = {link.url: link.checked_at for link in OutsideLink.objects.filter(last_run=run)}
    assert len(first_half) == run.done
    assert OutsideLink.objects.filter(department=department, checked_at__isnull=True).count() == len(CASES) - run.done

    again = check_department(department)
    assert again.pk == run.pk  # resumed, not started over
    assert again.state == LinkCheckRun.State.FINISHED and again.done == len(CASES) == again.total
    assert sum(again.counts().values()) == len(CASES)
    for link in OutsideLink.objects.filter(department=department):
        assert link.last_run_id == run.pk and link.checked_at is not None
        assert link.consecutive_failures == (0 if link.outcome == Outcome.OK else 1)
        if link.url in first_half:  # not checked a second time
            assert link.checked_at == first_half[link.url]
    assert LinkCheckRun.objects.filter(department=department).count() == 1
    # The next run starts afresh and finds nothing due.
    assert check_department(department).pk != run.pk


def test_links_are_found_in_every_place_a_tenant_publishes_them(linkcheck_settings, http_server):
    department = factories.make_site()
    other = factories.make_site()
    shared = http_server.url("a.test", "/ok/shared")
    article_with_links(
        department,
        [
            shared,
            shared + "#part",  # the same address
            f"http://{other.hostname}/",  # another site of the group: not an outside link
            "/zwgk/",
            "mailto:office@example.org",
        ],
    )
    draft = article_with_links(department, [http_server.url("a.test", "/ok/draft")], publish=False, live=False)
    FriendlyLink.objects.create(department=department, title="中国政府网", url=http_server.url("b.test", "/ok/fl"))
    FriendlyLink.objects.create(department=other, title="他站链接", url=http_server.url("b.test", "/ok/other"))
    ServiceItem.objects.create(
        department=department, title="社保卡申领", online_url=http_server.url("b.test", "/ok/sv")
    )
    ServiceItem.objects.create(
        department=department,
        title="未发布事项",
        online_url=http_server.url("b.test", "/ok/hidden"),
        is_published=False,
    )
    FeedSource.objects.create(
        name="克孜勒苏日报", url=http_server.url("b.test", "/ok/rss"), column=factories.column(department, "gzdt")
    )
    options = SiteOptions.for_site(department.site)
    options.weibo_url = http_server.url("b.test", "/ok/weibo")
    options.save()
    found = find_links(department)
    assert set(found) == {shared} | {http_server.url("b.test", f"/ok/{p}") for p in ("fl", "sv", "rss", "weibo")}
    kinds = {url.rsplit("/", 1)[1]: [p.kind for p in places] for url, places in found.items()}
    assert kinds == {
        "shared": [LinkSource.Kind.PAGE],
        "fl": [LinkSource.Kind.FRIENDLY_LINK],
        "sv": [LinkSource.Kind.SERVICE],
        "rss": [LinkSource.Kind.FEED],
        "weibo": [LinkSource.Kind.SETTINGS],
    }
    assert [p.kind for p in found[http_server.url("b.test", "/ok/fl")]] == [LinkSource.Kind.FRIENDLY_LINK]
    assert "/edit/" in found[http_server.url("b.test", "/ok/fl")][0].edit_url
    assert draft.pk not in {p.page_id for places in found.values() for p in places}

    check_department(department)
    assert OutsideLink.objects.filter(department=department, published=True).count() == 5
    FriendlyLink.objects.filter(department=department).delete()
    check_department(department)
    assert not OutsideLink.objects.get(url=http_server.url("b.test", "/ok/fl")).published


def test_the_collector_and_indicators_are_registered():
    assert {"links", "probe"} <= set(collectors())
    codes = {i.code: i for i in indicators()}
    assert codes["availability"].veto and codes["links.hijacked"].veto and not codes["links.broken"].veto
    assert codes["links.broken"].max_deduction > 0


def test_registrable_domains_come_from_the_bundled_public_suffix_list():
    assert registrable_domain("www.xj.gov.cn") == registrable_domain("xj.gov.cn") == "xj.gov.cn"
    assert registrable_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert registrable_domain("www.a.test") == "a.test" and registrable_domain("127.0.0.1") == "127.0.0.1"
    assert same_site("http://xj.gov.cn/", "https://www.xj.gov.cn/index.html")
    assert not same_site("http://www.kzrb.cn/", "http://www.bet-kzrb.com/")
    assert same_site("http://www.kzrb.cn/", "https://www.gov.cn/")  # a trusted suffix
    assert not same_site("http://127.0.0.1/", "http://localhost/")


def test_the_public_suffix_list_is_never_fetched(monkeypatch):
    import socket

    from hub.linkcheck import domains

    def no_network(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert domains._extract.suffix_list_urls == ()
    assert domains.registrable_domain("www.offline-check.com.cn") == "offline-check.com.cn"
    assert domains.registrable_domain("a.b.kashi.gov.cn") == "kashi.gov.cn"


def test_pages_are_decoded_by_their_charset():
    assert decode("百家乐".encode("gbk"), "gb2312") == "百家乐"
    assert decode(b"<meta charset='gbk'>" + "赌场".encode("gbk")).endswith("赌场")
    assert decode("正常".encode()) == "正常"


def test_a_run_another_process_is_at_is_left_alone_until_it_stops_moving(linkcheck_settings, http_server):
    department = factories.make_site()
    article_with_links(department, [http_server.url("a.test", "/ok/busy")])
    started = timezone.now()
    run = LinkCheckRun.objects.create(department=department, started_at=started, total=1)
    with pytest.raises(RunInProgress):
        check_department(department)
    assert collectors()["links"](department).startswith("skipped:")
    # Nothing stored for longer than STALE_AFTER: the process was killed, the run is resumed.
    LinkCheckRun.objects.filter(pk=run.pk).update(updated_at=started - STALE_AFTER - datetime.timedelta(seconds=1))
    resumed = check_department(department)
    assert resumed.pk == run.pk and resumed.state == LinkCheckRun.State.FINISHED and resumed.done == 1

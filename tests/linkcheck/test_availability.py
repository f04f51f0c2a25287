"""The availability probe through a site's hostname, and the veto rule of the 2019 indicators:
a visit fails after 15 s; veto at ≥ 5 % failed visits in a week, judged only with ≥ 20 a day."""

import datetime

import pytest
from django.core.management import call_command

from hub.inspection.registry import Severity, indicators
from hub.linkcheck import conf
from hub.linkcheck.models import ErrorKind, Probe
from hub.linkcheck.probe import probe_department, visit_failed
from tests import factories

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 9, 0, tzinfo=datetime.UTC)


def availability():
    return next(i for i in indicators() if i.code == "availability")


@pytest.fixture
def probed(settings, http_server):
    settings.HUB_PROBE_ADDRESS = f"http://127.0.0.1:{http_server.port}"
    http_server.site_delay, http_server.site_status = 0, 200
    http_server.host_headers.clear()
    return settings


def test_the_probe_reaches_each_site_by_its_hostname(probed, http_server):
    department = factories.make_site()
    factories.make_article(factories.column(department, "gzdt"))
    probes = probe_department(department, count=2, now=NOW)
    assert len(probes) == 3 and Probe.objects.filter(department=department).count() == 3
    assert set(http_server.host_headers) == {department.hostname}
    assert probes[0].url == department.site.root_url + "/"
    assert all(p.ok and p.status_code == 200 and p.requested_at == NOW for p in probes)
    assert all(p.url.startswith(department.site.root_url) for p in probes)


def test_a_visit_fails_when_it_has_not_answered_within_the_timeout(probed, http_server):
    assert conf.get("HUB_PROBE_TIMEOUT") == 15  # the indicators' 15 seconds
    assert not visit_failed(200, 15_000) and visit_failed(200, 15_001)
    assert visit_failed(500, 10) and visit_failed(None, 10, ErrorKind.CONNECTION)

    department = factories.make_site()
    probed.HUB_PROBE_TIMEOUT = 0.4
    http_server.site_delay = 0.8
    (probe,) = probe_department(department, count=0)
    assert not probe.ok and probe.error == ErrorKind.TIMEOUT and probe.elapsed_ms >= 400
    http_server.site_delay, http_server.site_status = 0, 503
    (probe,) = probe_department(department, count=0)
    assert (probe.ok, probe.status_code, probe.error) == (False, 503, ErrorKind.HTTP)


def week(department, *, per_day=20, failed=0, fewest=None, now=NOW):
    """Probes over the 7 days before `now`: `per_day` a day (`fewest` on the oldest day), `failed` failing."""
    probes = []
    for day in range(7):
        count = fewest if (fewest is not None and day == 6) else per_day
        for n in range(count):
            at = now - datetime.timedelta(days=day) + datetime.timedelta(minutes=-(n + 1) * 60)
            at = max(at, now - datetime.timedelta(days=day + 1) + datetime.timedelta(seconds=1))
            probes.append(Probe(department=department, url="x", requested_at=at, elapsed_ms=100, ok=True))
    for probe in probes[:failed]:
        probe.ok, probe.elapsed_ms, probe.error = False, 15_001, ErrorKind.TIMEOUT
    Probe.objects.bulk_create(probes)
    return probes


def test_five_percent_of_a_weeks_visits_failing_is_a_veto():
    department = factories.make_site()
    week(department, failed=7)  # 7 of 140: exactly 5 %
    # A failure of the week before is neither counted nor listed.
    Probe.objects.create(
        department=department, url="old", requested_at=NOW - datetime.timedelta(days=8), elapsed_ms=1, ok=False
    )
    result = availability().evaluate(department, NOW)
    assert result.vetoed and result.figures["probes"] == 140 and result.figures["failed"] == 7
    (finding,) = result.findings
    assert finding.severity == Severity.VETO and finding.key == "availability" and "5" in finding.message
    assert len(finding.data["failures"]) == 7 and "old" not in {f["url"] for f in finding.data["failures"]}


def test_just_below_five_percent_is_no_veto():
    department = factories.make_site()
    week(department, failed=6)  # 6 of 140: 4.3 %
    result = availability().evaluate(department, NOW)
    assert not result.vetoed and result.findings == [] and result.figures["failed"] == 6


def test_probes_outside_the_week_do_not_count():
    department = factories.make_site()
    week(department, failed=7)
    # A week later every probe is older than 7 days: nothing is judged.
    result = availability().evaluate(department, NOW + datetime.timedelta(days=7))
    assert not result.vetoed and result.figures["probes"] == 0
    # Seven failures just outside the window (before the oldest day) change nothing.
    other = factories.make_site()
    week(other, failed=0)
    old = NOW - datetime.timedelta(days=7)
    Probe.objects.bulk_create(
        Probe(department=other, url="x", requested_at=old, elapsed_ms=1, ok=False) for _n in range(7)
    )
    assert not availability().evaluate(other, NOW).vetoed


def test_fewer_than_twenty_probes_on_a_day_is_a_notice_not_a_verdict():
    department = factories.make_site()
    week(department, fewest=19, failed=40)
    result = availability().evaluate(department, NOW)
    assert not result.vetoed
    (finding,) = result.findings
    assert finding.severity == Severity.NOTICE and finding.key == "availability:insufficient"
    assert "19" in finding.message and result.figures["fewest_a_day"] == 19
    # With twenty on that day too, the same failures are a veto.
    Probe.objects.create(
        department=department, url="x", requested_at=NOW - datetime.timedelta(days=6, hours=23), elapsed_ms=1, ok=True
    )
    assert availability().evaluate(department, NOW).vetoed


def test_probe_sites_prints_one_line_per_site_and_fails_when_a_home_page_is_down(probed, http_server, capsys):
    department = factories.make_site()
    call_command("probe_sites", site=department.code, count=1)
    out = capsys.readouterr().out
    assert f"{department.code}: 2 pages probed, 0 failed" in out and "probe_sites: 1 site, 0 home pages down" in out
    http_server.site_status = 500
    with pytest.raises(SystemExit) as exit_:
        call_command("probe_sites", site=department.code, count=0)
    assert exit_.value.code == 1
    assert "1 home pages down" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_probe_goes_through_the_real_site_routing_by_hostname(live_server, settings):
    """The development server's sites: connect to 127.0.0.1 and name the site in the Host header."""
    settings.HUB_PROBE_ADDRESS = live_server.url
    department = factories.make_site()
    article = factories.make_article(factories.column(department, "gzdt"), title="探测用文章")
    probes = probe_department(department, count=20)
    assert all(p.ok and p.status_code == 200 for p in probes), [(p.url, p.status_code, p.error) for p in probes]
    assert department.site.root_url + article.url_path[len(department.site.root_page.url_path) - 1 :] in {
        p.url for p in probes
    }
    # A page that is not there answers 404 through the same routing: a failed visit.
    from hub.linkcheck.client import Client

    answer = Client(timeout=5).request(
        live_server.url + "/no-such-page/", headers={"Host": department.hostname}, same_host_only=True
    )
    assert answer.status == 404 and visit_failed(answer.status, answer.elapsed_ms, answer.error)

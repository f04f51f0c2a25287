"""The inspection's indicators from the stored checks and probes, and the collectors that gather them.

Declared into `hub.inspection.registry` from `LinkCheckConfig.ready()`:

- collector "links": `check_department` for one tenant; collector "probe": one probe round.
- `availability` (veto): ≥ 5 % of a week's probes failed, judged only with ≥ 20 probes every day
  of the week; otherwise a notice that monitoring is insufficient.
- `links.broken` (deduction): outside links that failed at least twice in a row.
- `links.hijacked` (veto, a serious error: a link to banned content): outside links that now end on
  another registrable domain, or whose page carries gambling or pornography words.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hub.inspection.registry import Finding, Indicator, Result, Severity, collector, register

from . import conf
from .checker import RunInProgress, check_department
from .models import ErrorKind, HijackReason, Outcome, OutsideLink, Probe
from .probe import probe_department

RULE_UNREACHABLE = "国办秘函〔2019〕19号 单项否决·站点无法访问"
RULE_SERIOUS = "国办秘函〔2019〕19号 单项否决·严重表述错误（链接到违法违规内容）"
RULE_LINKS = "国办秘函〔2019〕19号 信息发布·链接可用性"


def run_summary(run):
    counts = run.counts()
    parts = ", ".join(
        f"{counts.get(outcome, 0)} {outcome}" for outcome in (Outcome.OK, Outcome.BROKEN, Outcome.HIJACKED)
    )
    reported = reported_broken(run.department).count()
    return f"{run.done} links checked of {run.total} due: {parts}; {reported} broken reported"


def probe_summary(probes):
    failed = sum(1 for probe in probes if not probe.ok)
    slowest = max((probe.elapsed_ms for probe in probes), default=0)
    return f"{len(probes)} pages probed, {failed} failed, slowest {slowest} ms"


@collector("links")
def collect_links(department, *, progress=None):
    """Check the tenant's due outside links; `progress`, when given, gets a short text line now and then."""

    def report(run, link, done, total):
        if progress and (done == total or done % 20 == 0):
            progress(f"{department.code}: {done}/{total} links")

    try:
        return run_summary(check_department(department, progress=report))
    except RunInProgress as busy:
        return f"skipped: {busy}"


@collector("probe")
def collect_probe(department, *, progress=None):
    return probe_summary(probe_department(department))


def probes_of_week(department, now):
    """The probes of the 7 days before `now` (the oldest instant excluded, `now` included)."""
    return Probe.objects.filter(department=department, requested_at__gt=now - timedelta(days=7), requested_at__lte=now)


def week_of_probes(department, now):
    """(probes per day for the 7 days before `now`, newest first; total; failed)."""
    per_day = [0] * 7
    total = failed = 0
    rows = probes_of_week(department, now)
    for requested_at, ok in rows.values_list("requested_at", "ok"):
        per_day[min(6, (now - requested_at) // timedelta(days=1))] += 1
        total += 1
        failed += not ok
    return per_day, total, failed


@register
class Availability(Indicator):
    code = "availability"
    name = _("站点无法访问")
    rule = RULE_UNREACHABLE
    veto = True
    order = 10

    def evaluate(self, department, now):
        per_day, total, failed = week_of_probes(department, now)
        minimum, threshold = conf.get("HUB_PROBE_MIN_PER_DAY"), conf.get("HUB_PROBE_VETO_PERCENT")
        share = Decimal(failed * 100) / total if total else Decimal(0)
        figures = {"probes": total, "failed": failed, "percent": round(share, 2), "fewest_a_day": min(per_day)}
        if min(per_day) < minimum:
            message = gettext(
                "监测不足：近7天中有的日子探测少于%(minimum)s次（最少一天%(fewest)s次），不判定可用性。"
            ) % {
                "minimum": minimum,
                "fewest": min(per_day),
            }
            return Result(
                figures=figures, findings=[Finding(Severity.NOTICE, message, key="availability:insufficient")]
            )
        if failed * 100 < threshold * total:
            return Result(figures=figures)
        week = Probe.objects.filter(
            department=department, requested_at__gt=now - timedelta(days=7), requested_at__lte=now
        )
        failures = week.filter(ok=False)[:10]
        message = gettext(
            "近7天%(total)s次访问中有%(failed)s次失败（%(percent)s%%），达到%(threshold)s%%的否决线。"
        ) % {
            "total": total,
            "failed": failed,
            "percent": figures["percent"],
            "threshold": threshold,
        }
        data = {
            "failures": [
                {
                    "url": probe.url,
                    "at": probe.requested_at.isoformat(),
                    "status": probe.status_code,
                    "elapsed_ms": probe.elapsed_ms,
                    "error": probe.error,
                }
                for probe in failures
            ]
        }
        finding = Finding(Severity.VETO, message, key="availability", url=department.site.root_url, data=data)
        return Result(vetoed=True, figures=figures, findings=[finding])


def reported_broken(department):
    """Published outside links that failed at least HUB_LINKCHECK_FAILURES_TO_REPORT times in a row."""
    return OutsideLink.objects.filter(
        department=department,
        published=True,
        outcome=Outcome.BROKEN,
        consecutive_failures__gte=conf.get("HUB_LINKCHECK_FAILURES_TO_REPORT"),
    )


def hijacked(department):
    return OutsideLink.objects.filter(department=department, published=True, outcome=Outcome.HIJACKED)


def _finding(link, severity, message):
    sources = list(link.sources.all())
    first = sources[0] if sources else None
    data = {
        "link": link.url,
        "status": link.status_code,
        "final_url": link.final_url,
        "error": link.error,
        "checked_at": link.checked_at.isoformat() if link.checked_at else "",
        "failing_since": link.failing_since.isoformat() if link.failing_since else "",
        "sources": [
            {"kind": s.kind, "title": s.title, "field": s.field, "url": s.public_url, "edit_url": s.edit_url}
            for s in sources
        ],
    }
    return Finding(
        severity=severity,
        message=message,
        key=f"link:{link.url}",
        url=first.public_url if first else "",
        edit_url=first.edit_url if first else "",
        label=first.title if first else link.url,
        data=data,
    )


def _why_broken(link):
    if link.error == ErrorKind.HTTP and link.status_code:
        return f"HTTP {link.status_code}"
    return str(ErrorKind(link.error).label) if link.error in ErrorKind.values else link.error


@register
class BrokenLinks(Indicator):
    code = "links.broken"
    name = _("外部链接不可用")
    rule = RULE_LINKS
    order = 60

    @property
    def max_deduction(self):
        return Decimal(conf.get("HUB_LINKCHECK_MAX_DEDUCTION"))

    def evaluate(self, department, now):
        links = list(reported_broken(department).prefetch_related("sources"))
        findings = [
            _finding(
                link,
                Severity.DEDUCTION,
                gettext("外部链接无法访问：%(url)s（%(why)s，连续%(times)s次）")
                % {"url": link.url, "why": _why_broken(link), "times": link.consecutive_failures},
            )
            for link in links
        ]
        per_link = Decimal(conf.get("HUB_LINKCHECK_DEDUCTION_PER_LINK"))
        deduction = min(self.max_deduction, per_link * len(links))
        figures = {
            "broken": len(links),
            "checked": OutsideLink.objects.filter(department=department, published=True)
            .exclude(outcome=Outcome.PENDING)
            .count(),
        }
        return Result(deduction=deduction, figures=figures, findings=findings)


@register
class HijackedLinks(Indicator):
    code = "links.hijacked"
    name = _("外部链接疑似被劫持")
    rule = RULE_SERIOUS
    veto = True
    order = 50

    def evaluate(self, department, now):
        findings = []
        for link in hijacked(department).prefetch_related("sources"):
            if link.hijack_reason == HijackReason.WORDS:
                message = gettext("外部链接疑似被劫持：%(url)s 的页面出现“%(words)s”") % {
                    "url": link.url,
                    "words": link.hijack_words,
                }
            else:
                message = gettext("外部链接疑似被劫持：%(url)s 跳转到其他域名 %(final)s") % {
                    "url": link.url,
                    "final": link.final_url,
                }
            findings.append(_finding(link, Severity.VETO, message))
        return Result(vetoed=bool(findings), figures={"hijacked": len(findings)}, findings=findings)

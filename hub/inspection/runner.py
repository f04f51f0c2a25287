"""One inspection run of one tenant: collectors asked for, every registered indicator, stored findings.

`inspect_department()` is what `manage.py inspect_sites`, the admin's "check now" task and the demo
loader call. Findings are kept by (tenant, indicator, key): one seen again keeps its first-seen date,
one no longer seen is marked resolved, and the tenant's webmasters are e-mailed once about each veto
item or early warning when it first appears (again only if it comes back after being resolved, or an
early warning turns into a veto).
"""

import hashlib
import logging
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.tenancy.models import TenantGroup

from . import conf
from .indicators import _run_cache
from .models import InspectionRun, StoredFinding
from .registry import Severity, collectors, indicators

logger = logging.getLogger(__name__)

SEVERITY_ORDER = {Severity.VETO: 0, Severity.WARNING: 1, Severity.DEDUCTION: 2, Severity.NOTICE: 3}
NOTIFIED = (Severity.VETO, Severity.WARNING)


@dataclass
class Outcome:
    run: InspectionRun
    errors: list = field(default_factory=list)
    vetoes: list = field(default_factory=list)  # names of the vetoed indicators
    seconds: float = 0.0
    notified: int = 0


def run_collectors(department, names, progress=None):
    """Run the collectors asked for by name; returns a list of error texts (a missing one is an error)."""
    errors = []
    available = collectors()
    for name in names:
        function = available.get(name)
        if function is None:
            errors.append(_("没有名为“%(name)s”的数据采集程序") % {"name": name})
            continue
        try:
            summary = function(department, progress=progress)
            if progress and summary:
                progress(f"  {name}: {summary}")
        except Exception as error:
            logger.exception("Collector %s failed on %s", name, department.code)
            errors.append(f"{name}: {error}")
    return errors


def counted_deduction(indicator, result):
    """The points an indicator costs: its result's deduction, not below 0 nor above the indicator's
    maximum (when it declares one)."""
    deduction = max(Decimal(result.deduction or 0), Decimal(0))
    return min(deduction, Decimal(indicator.max_deduction)) if indicator.max_deduction else deduction


def score_of(results):
    """100 less every indicator's deduction (each at most its own maximum), never below 0."""
    total = sum((counted_deduction(indicator, result) for indicator, result in results), Decimal(0))
    return max(conf.FULL_SCORE - total, Decimal(0)).quantize(Decimal("0.1"))


def inspect_department(department, *, now=None, collect=(), trigger="", progress=None, notify=True):
    """Inspect one tenant as of `now` (default: the current time) and store the run; returns an Outcome."""
    started = time.perf_counter()
    now = now or timezone.now()
    run = InspectionRun.objects.create(department=department, started_at=now, trigger=trigger)
    outcome = Outcome(run=run)
    outcome.errors += run_collectors(department, collect, progress)
    results = []
    token = _run_cache.set({})
    try:
        for indicator in indicators():
            try:
                results.append((indicator, indicator.evaluate(department, now)))
            except Exception as error:
                logger.exception("Indicator %s failed on %s", indicator.code, department.code)
                outcome.errors.append(f"{indicator.code}: {error}")
        pages = _run_cache.get().get(("scan", department.pk), {}).get("pages", 0)
    finally:
        _run_cache.reset(token)
    vetoed = [indicator for indicator, result in results if indicator.veto and result.vetoed]
    outcome.vetoes = [str(indicator.name) for indicator in vetoed]
    run.score = score_of(results)
    run.veto_count = len(vetoed)
    run.passed = not vetoed and run.score >= conf.PASS_SCORE
    run.pages_checked = pages
    run.results = [
        {
            "code": indicator.code,
            "name": str(indicator.name),
            "rule": indicator.rule,
            "veto": indicator.veto,
            "vetoed": bool(indicator.veto and result.vetoed),
            "deduction": f"{counted_deduction(indicator, result):.1f}",
            "max_deduction": str(indicator.max_deduction),
            "findings": len(result.findings),
            "figures": result.figures,
        }
        for indicator, result in results
    ]
    with transaction.atomic():
        run.warning_count = store_findings(department, run, results, now)
        run.status = InspectionRun.Status.FAILED if outcome.errors else InspectionRun.Status.FINISHED
        run.error = "\n".join(outcome.errors)
        run.finished_at = max(timezone.now(), now)
        run.save()
    if notify:
        outcome.notified = notify_webmasters(department, now)
    outcome.seconds = time.perf_counter() - started
    return outcome


KEY_LENGTH = StoredFinding._meta.get_field("key").max_length


def stored_key(key):
    """The key as stored: a long one (an outside address, say) keeps its start and a digest of the whole."""
    if len(key) <= KEY_LENGTH:
        return key
    return f"{key[: KEY_LENGTH - 42]}#{hashlib.sha1(key.encode()).hexdigest()}"


def _fit(model_field, value):
    limit = StoredFinding._meta.get_field(model_field).max_length
    return (value or "")[:limit]


def store_findings(department, run, results, now):
    """Upsert this run's findings and resolve those gone; returns the number of open warnings."""
    existing = {(f.indicator, f.key): f for f in StoredFinding.objects.filter(department=department)}
    seen = set()
    warnings = 0
    for indicator, result in results:
        for finding in result.findings:
            identity = (indicator.code, stored_key(finding.key))
            if identity in seen:
                continue
            seen.add(identity)
            warnings += finding.severity == Severity.WARNING
            stored = existing.get(identity)
            if stored is None:
                stored = StoredFinding(department=department, indicator=indicator.code, key=identity[1], first_seen=now)
            elif stored.resolved_at is not None:
                # It came back: a new occurrence, told about again.
                stored.first_seen, stored.resolved_at, stored.notified_at = now, None, None
            elif stored.severity != Severity.VETO and finding.severity == Severity.VETO:
                stored.notified_at = None  # an early warning (or a deduction) became a veto item
            stored.severity = finding.severity
            stored.message = finding.message
            stored.label = _fit("label", finding.label)
            stored.url = _fit("url", finding.url)
            stored.edit_url = _fit("edit_url", finding.edit_url)
            stored.data = finding.data
            stored.last_seen = now
            stored.last_run = run
            stored.save()
    evaluated = {indicator.code for indicator, _result in results}
    gone = [
        stored.pk
        for identity, stored in existing.items()
        if identity not in seen and stored.resolved_at is None and identity[0] in evaluated
    ]
    StoredFinding.objects.filter(pk__in=gone).update(resolved_at=now)
    return warnings


def webmaster_addresses(department):
    users = get_user_model().objects.filter(
        is_active=True,
        groups__tenant_group__department=department,
        groups__tenant_group__role=TenantGroup.Role.WEBMASTER,
    )
    return sorted({address for address in users.values_list("email", flat=True) if address})


def notify_webmasters(department, now):
    """One e-mail listing the veto items and early warnings not told about yet; returns how many."""
    pending = list(
        StoredFinding.objects.filter(
            department=department, resolved_at__isnull=True, notified_at__isnull=True, severity__in=NOTIFIED
        ).order_by("severity", "first_seen", "pk")
    )
    if not pending:
        return 0
    recipients = webmaster_addresses(department)
    if recipients:
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = []
        for finding in sorted(pending, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
            lines.append(f"【{Severity(finding.severity).label}】{finding.message}")
            if finding.edit_url:
                lines.append(f"  {base}{finding.edit_url}")
        vetoes = sum(1 for f in pending if f.severity == Severity.VETO)
        subject = _("【网站自查】%(site)s：%(vetoes)s项单项否决，%(warnings)s项预警") % {
            "site": department.name,
            "vetoes": vetoes,
            "warnings": len(pending) - vetoes,
        }
        body = _("%(site)s的网站自查发现以下问题，请尽快处理：\n\n%(lines)s\n\n自查结果：%(link)s") % {
            "site": department.name,
            "lines": "\n".join(lines),
            "link": base + reverse("inspection:site", args=[department.code]),
        }
        try:
            send_mail(subject, body, None, recipients)
        except Exception:
            logger.exception("Could not send the inspection e-mail of %s", department.code)
            return 0
    StoredFinding.objects.filter(pk__in=[f.pk for f in pending]).update(notified_at=now)
    return len(pending)


def latest_runs(departments):
    """{department id: its newest finished run}."""
    done = InspectionRun.objects.exclude(status=InspectionRun.Status.RUNNING)
    newest = done.filter(department=OuterRef("department")).order_by("-started_at", "-pk").values("pk")[:1]
    queryset = done.filter(department__in=departments, pk=Subquery(newest))
    return {run.department_id: run for run in queryset}

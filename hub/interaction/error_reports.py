"""我要纠错: storing a citizen's report about a public page, handling it, and counting reports.

A report belongs to the tenant whose site shows the page (the hostname it was sent to); only that
tenant's staff read and handle it. Handling is one action object (`HandleReport`: check() and
execute(), audit-logged); the yearly counts feed the annual report.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permissions import policy_registry

from . import tracking
from .models import ErrorReport

LOG_REPLY = "interaction.error_report.reply"
LOG_CLOSE = "interaction.error_report.close"


def page_for(department, page_id):
    """The live page `page_id` of the tenant's own site, or None (another site's page is not looked up)."""
    if department is None or not str(page_id or "").isascii() or not str(page_id or "").isdigit():
        return None
    site = department.site
    if site is None or len(str(page_id)) > 12:
        return None
    root = site.root_page
    return Page.objects.live().filter(pk=int(page_id), path__startswith=root.path).first()


def submit_report(department, data, page=None, now=None):
    """Store a report in one transaction; returns it (its receipt_code is shown to the citizen)."""
    report = ErrorReport(
        department=department,
        page=page,
        page_url=data["page_url"][:500],
        page_title=(data.get("page_title") or (page.title if page else ""))[:255],
        kind=data["kind"],
        description=data["description"],
        contact=data.get("contact", ""),
        submitted_at=now or timezone.now(),
    )
    return tracking.save_with_new_code(report, field="receipt_code", prefix=ErrorReport.receipt_prefix)


def can_read(user, report):
    policy = policy_registry.get_by_type(ErrorReport)
    return policy.user_has_any_permission_for_instance(user, ["view", "change"], report)


def can_handle(user, report):
    policy = policy_registry.get_by_type(ErrorReport)
    return policy.user_has_permission_for_instance(user, "change", report)


class HandleReport:
    """Reply to a report and, if asked, close it (办结). Only the page's tenant's staff may."""

    def __init__(self, report, user, reply="", close=False, **data):
        self.report = report
        self.user = user
        self.reply = (reply or "").strip()
        self.close = bool(close)

    def check(self):
        if not can_handle(self.user, self.report):
            raise PermissionDenied(_("只有页面所属单位的工作人员可以处理这条纠错。"))
        if self.report.status == ErrorReport.Status.CLOSED:
            raise ValidationError(_("这条纠错已办结。"))
        if not self.reply:
            raise ValidationError(_("请填写处理意见。"))

    def execute(self, skip_check=False):
        with transaction.atomic():
            ErrorReport.objects.select_for_update().filter(pk=self.report.pk).first()
            self.report.refresh_from_db()
            if not skip_check:
                self.check()
            self.report.reply = self.reply
            self.report.handled_by = self.user
            fields = ["reply", "handled_by"]
            if self.close:
                self.report.status = ErrorReport.Status.CLOSED
                self.report.handled_at = timezone.now()
                fields += ["status", "handled_at"]
            self.report.save(update_fields=fields)
            log(
                instance=self.report,
                action=LOG_CLOSE if self.close else LOG_REPLY,
                user=self.user,
                data={"code": self.report.receipt_code},
            )
        return self.report


def counts_for_year(year, departments=None):
    """Reports received in `year` per tenant: {department_id: {"received": n, "closed": n}}.

    For the annual report (政府网站年度工作报表); tenants without reports are absent.
    """
    reports = ErrorReport.objects.filter(submitted_at__year=year)
    if departments is not None:
        reports = reports.filter(department__in=departments)
    counts = {}
    for row in reports.values("department_id", "status").annotate(n=Count("pk")).order_by():
        entry = counts.setdefault(row["department_id"], {"received": 0, "closed": 0})
        entry["received"] += row["n"]
        if row["status"] == ErrorReport.Status.CLOSED:
            entry["closed"] += row["n"]
    return counts

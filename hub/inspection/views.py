"""The admin screens of site inspection: the group table, one site's report, check now, exports, columns.

Who sees what: a tenant's webmasters (capability "manage") see their own tenants only, central admins
every tenant; everyone else is refused. Every tenant is looked up through `hub.tenancy.scoping`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.tenancy.models import Department
from hub.tenancy.scoping import department_ids_for_user, is_central_admin

from . import exports
from .models import ColumnRule, InspectionRun, StoredFinding, UpdateClass
from .registry import Severity, collectors
from .runner import SEVERITY_ORDER, latest_runs

CAPABILITY = "manage"
TREND_RUNS = 12


def inspectable_departments(user):
    """The tenants whose inspection the user may see: their webmaster tenants, every one for central admins."""
    ids = department_ids_for_user(user, CAPABILITY)
    queryset = Department.objects.select_related("site__root_page").order_by("sort_order", "code")
    return queryset if ids is None else queryset.filter(pk__in=ids)


def may_inspect(user):
    return is_central_admin(user) or bool(department_ids_for_user(user, CAPABILITY))


def department_or_404(user, code):
    # Another tenant's code answers like an unknown one.
    return get_object_or_404(inspectable_departments(user), code=code)


def open_findings(department):
    findings = list(StoredFinding.objects.filter(department=department, resolved_at__isnull=True))
    findings.sort(key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.first_seen, f.pk))
    return findings


def site_rows(user, order="score"):
    """One row per inspectable tenant: its latest run (or None), sorted as asked."""
    departments = list(inspectable_departments(user))
    runs = latest_runs(departments)
    rows = [{"department": d, "run": runs.get(d.pk)} for d in departments]
    keys = {
        "name": lambda r: (r["department"].sort_order, r["department"].code),
        "score": lambda r: (r["run"] is None, r["run"].score if r["run"] else 0),
        "vetoes": lambda r: r["run"].veto_count if r["run"] else -1,
        "last": lambda r: r["run"].started_at.timestamp() if r["run"] else 0,
    }
    field = order.lstrip("-")
    if field not in keys:
        field, order = "score", "score"
    rows.sort(key=keys[field], reverse=order.startswith("-"))
    return rows, order


class InspectionView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "clipboard-list"

    def dispatch(self, request, *args, **kwargs):
        if not may_inspect(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_page_title()}]


class IndexView(InspectionView):
    """网站自查: every site the user may see, sortable by score, veto items, last run or name."""

    template_name = "inspection/index.html"
    page_title = gettext_lazy("网站自查")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, order = site_rows(self.request.user, self.request.GET.get("order", "score"))
        context.update(
            rows=rows,
            order=order,
            sort_links={
                field: f"?order={'-' if order == field else ''}{field}" for field in ("name", "score", "vetoes", "last")
            },
            central=is_central_admin(self.request.user),
        )
        return context


class SiteView(InspectionView):
    """One site's report: the latest run's results with their rules, open findings (veto first), trend."""

    template_name = "inspection/site.html"
    page_title = gettext_lazy("网站自查报告")
    printable = False

    def dispatch(self, request, *args, **kwargs):
        if not may_inspect(request.user):
            raise PermissionDenied
        self.department = department_or_404(request.user, kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.department.name

    def get_template_names(self):
        return ["inspection/print.html"] if self.printable else [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(report_context(self.department))
        context["collectors"] = sorted(collectors())
        context["central"] = is_central_admin(self.request.user)
        return context


class PrintView(SiteView):
    printable = True


def report_context(department):
    runs = list(
        InspectionRun.objects.filter(department=department)
        .exclude(status=InspectionRun.Status.RUNNING)
        .order_by("-started_at", "-pk")[:TREND_RUNS]
    )
    run = runs[0] if runs else None
    findings = open_findings(department)
    resolved = list(
        StoredFinding.objects.filter(department=department, resolved_at__isnull=False).order_by("-resolved_at")[:10]
    )
    results = sorted(run.results, key=lambda r: (not r.get("veto"), not r.get("vetoed"))) if run else []
    return {
        "department": department,
        "run": run,
        "results": results,
        "findings": findings,
        "veto_findings": [f for f in findings if f.severity == Severity.VETO],
        "resolved": resolved,
        "trend": list(reversed(runs)),
        "now": timezone.now(),
    }


class CheckNowView(InspectionView):
    """检查 now: queue an inspection of one site in the task framework (never run in the request)."""

    http_method_names = ["post"]

    def post(self, request, code):
        from .tasks import queue_inspection

        department = department_or_404(request.user, code)
        wanted = [name for name in request.POST.getlist("collect") if name in collectors()]
        queue_inspection(department, wanted, trigger=f"admin:{request.user.get_username()}")
        messages.success(request, _("已将“%(site)s”加入检查队列，稍后刷新即可看到结果。") % {"site": department.name})
        return redirect("inspection:site", code=department.code)


def xlsx_response(workbook, filename):
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response


class SiteExportView(InspectionView):
    def get(self, request, code):
        department = department_or_404(request.user, code)
        stamp = timezone.localdate().isoformat()
        workbook = exports.site_workbook(report_context(department))
        return xlsx_response(workbook, f"inspection-{department.code}-{stamp}.xlsx")


class GroupExportView(InspectionView):
    def get(self, request):
        rows, _order = site_rows(request.user, request.GET.get("order", "name"))
        findings = StoredFinding.objects.filter(
            department__in=[row["department"] for row in rows], resolved_at__isnull=True
        ).select_related("department")
        stamp = timezone.localdate().isoformat()
        return xlsx_response(exports.group_workbook(rows, findings), f"inspection-{stamp}.xlsx")


class ColumnRulesView(InspectionView):
    """Each column's update class (central admins) and 暂无信息 note (also the site's webmasters)."""

    template_name = "inspection/columns.html"
    page_title = gettext_lazy("栏目更新规则")

    def dispatch(self, request, *args, **kwargs):
        if not may_inspect(request.user):
            raise PermissionDenied
        self.department = department_or_404(request.user, kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.department.name

    def rules(self):
        from .columns import site_columns

        columns = site_columns(self.department).columns
        rules = {r.page_id: r for r in ColumnRule.objects.filter(department=self.department)}
        return [(column, rules.get(column.page_id)) for column in columns]

    def post(self, request, code):
        central = is_central_admin(request.user)
        try:
            page_id = int(request.POST.get("page", ""))
        except ValueError:
            raise Http404 from None
        rule = ColumnRule.objects.filter(department=self.department, page_id=page_id).first()
        if rule is None:
            raise Http404
        errors = []
        if central:
            update_class = request.POST.get("update_class", rule.update_class)
            if update_class not in UpdateClass.values:
                errors.append(_("请选择有效的更新类别。"))
            period = request.POST.get("period_days", "").strip()
            if period and not (period.isdigit() and 0 < int(period) <= 3650):
                errors.append(_("更新周期应为1至3650之间的天数。"))
            if update_class == UpdateClass.PERIODIC and not period:
                errors.append(_("“应更新栏目”须填写更新周期。"))
        note = request.POST.get("no_content_note", "").strip()
        if len(note) > 200:
            errors.append(_("说明不能超过200字。"))
        if errors:
            for error in errors:
                messages.error(request, error)
            return redirect("inspection:columns", code=self.department.code)
        if central:
            rule.update_class = update_class
            rule.period_days = int(period) if period else None
        rule.no_content_note = note
        rule.save()
        messages.success(request, _("栏目更新规则已保存。"))
        return redirect("inspection:columns", code=self.department.code)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            department=self.department,
            rows=self.rules(),
            classes=UpdateClass.choices,
            central=is_central_admin(self.request.user),
        )
        return context


def column_rules_url(department):
    return reverse("inspection:columns", args=[department.code])

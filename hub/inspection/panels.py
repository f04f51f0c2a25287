"""The dashboard's 自查 panel: the webmaster's own sites, veto items first, with the score trend."""

from wagtail.admin.ui.components import Component

from hub.tenancy.scoping import department_ids_for_user, is_central_admin

from .models import InspectionRun
from .views import CAPABILITY, TREND_RUNS, inspectable_departments, open_findings

PANEL_FINDINGS = 8


class InspectionPanel(Component):
    name = "inspection_panel"
    template_name = "inspection/panels/inspection.html"
    order = 110

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        sites = []
        if not is_central_admin(user) and department_ids_for_user(user, CAPABILITY):
            for department in inspectable_departments(user):
                runs = list(
                    InspectionRun.objects.filter(department=department)
                    .exclude(status=InspectionRun.Status.RUNNING)
                    .order_by("-started_at", "-pk")[:TREND_RUNS]
                )
                findings = open_findings(department)
                sites.append(
                    {
                        "department": department,
                        "run": runs[0] if runs else None,
                        "trend": list(reversed(runs)),
                        "findings": findings[:PANEL_FINDINGS],
                        "more": max(len(findings) - PANEL_FINDINGS, 0),
                    }
                )
        central_summary = None
        if is_central_admin(user):
            # Central admins get the group's figures and the table, not every site's findings here.
            from .runner import latest_runs

            departments = list(inspectable_departments(user))
            runs = latest_runs(departments).values()
            central_summary = {
                "sites": len(departments),
                "failing": sum(1 for run in runs if not run.passed),
                "vetoes": sum(run.veto_count for run in runs),
            }
        return {"request": request, "sites": sites, "central_summary": central_summary}

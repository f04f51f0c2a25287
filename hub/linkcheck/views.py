"""外部链接: a tenant's broken and possibly hijacked outside links in the admin, scoped to the user's sites.

The inspection's panels are the main display; this listing is the working list a webmaster fixes
links from (each place the link is published, with its editor).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.tenancy.scoping import departments_for_user

from . import conf
from .models import LinkCheckRun, Outcome, OutsideLink


def problem_links(departments):
    """Published links that are reported broken (failed often enough in a row) or possibly hijacked."""
    reported = Q(outcome=Outcome.BROKEN, consecutive_failures__gte=conf.get("HUB_LINKCHECK_FAILURES_TO_REPORT"))
    return (
        OutsideLink.objects.filter(department__in=departments, published=True)
        .filter(reported | Q(outcome=Outcome.HIJACKED))
        .select_related("department")
        .prefetch_related("sources")
        .order_by("department__sort_order", "department__code", "-outcome", "url")
    )


class LinkReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "linkcheck/report.html"
    page_title = _("外部链接")
    header_icon = "link-external"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        departments = list(departments_for_user(self.request.user).order_by("sort_order", "code"))
        code = self.request.GET.get("site", "")
        chosen = departments
        if code:
            chosen = [d for d in departments if d.code == code]
            if not chosen:
                raise PermissionDenied
        runs = {}
        for run in LinkCheckRun.objects.filter(department__in=chosen).order_by("department_id", "-started_at"):
            runs.setdefault(run.department_id, run)
        context.update(
            departments=departments,
            site_code=code,
            links=problem_links(chosen),
            runs=[(d, runs.get(d.pk)) for d in chosen],
            url=reverse("linkcheck_report"),
        )
        return context

"""The public 我要纠错 form: every page links to it with its address; the report goes to that site's tenant.

It takes the one submission path of the citizen forms (`public.submit`): honeypot, field errors,
rate limit, store, receipt shown once. The form carries a CSRF token, so no cache keeps it.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from hub.tenancy.scoping import department_for_request

from . import error_reports, public
from .forms import ErrorReportForm

RECEIPT_KIND = "error_report"


def _department(request):
    department = department_for_request(request)
    if department is None or not department.is_online:
        raise Http404
    return department


def report_error(request):
    department = _department(request)
    source = request.POST if request.method == "POST" else request.GET
    page = error_reports.page_for(department, source.get("page"))
    if request.method == "POST":
        form = ErrorReportForm(request.POST)
    else:
        url = request.GET.get("url", "")
        title = page.title if page else request.GET.get("title", "")
        form = ErrorReportForm(initial={"page_url": url[:500], "page_title": title[:255]})

    def save(data):
        report = error_reports.submit_report(department, data, page=page)
        public.remember_receipt(request, RECEIPT_KIND, code=report.receipt_code, page_url=report.page_url)
        return reverse("error_report_done")

    response, status = public.submit(request, form, "error_report", save)
    if response is not None:
        return response
    context = {"form": form, "report_page": page}
    return public.private(TemplateResponse(request, "interaction/error_report.html", context, status=status))


def report_done(request):
    _department(request)
    receipt = public.pop_receipt(request, RECEIPT_KIND)
    if receipt is None:
        return redirect("error_report")
    return public.private(TemplateResponse(request, "interaction/error_report_done.html", {"receipt": receipt}))

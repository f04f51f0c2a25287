"""审核记录导出: the approval record of one tenant over a period, as CSV."""

from django import forms
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..access import exportable_departments
from ..record import export_csv, tenant_workflow_states
from .base import ReviewAdminView


class ExportForm(forms.Form):
    site = forms.ModelChoiceField(label=_("站点"), queryset=None, to_field_name="code", empty_label=None)
    start = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("结束日期"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = exportable_departments(user)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("开始日期不能晚于结束日期。"))
        return data


class ExportView(ReviewAdminView):
    template_name = "workflow/export.html"
    page_title = _("审核记录导出")
    header_icon = "download"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        if "site" in request.GET:
            self.form = ExportForm(request.GET, user=request.user)
        else:
            self.form = ExportForm(initial={"start": today.replace(day=1), "end": today}, user=request.user)
        if self.form.is_bound and self.form.is_valid() and request.GET.get("format") == "csv":
            department, start, end = (self.form.cleaned_data[k] for k in ("site", "start", "end"))
            response = HttpResponse(export_csv(department, start, end), content_type="text/csv; charset=utf-8")
            filename = f"review-record-{department.code}-{start:%Y%m%d}-{end:%Y%m%d}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if self.form.is_bound and self.form.is_valid():
            department, start, end = (self.form.cleaned_data[k] for k in ("site", "start", "end"))
            context["chain_count"] = tenant_workflow_states(department, start, end).count()
            context["query"] = self.request.GET.urlencode()
        return context

"""审核记录: a page's chains, each step with who, when and which comment, and the check findings."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..access import can_view_record
from ..models import ContentCheck
from ..models.tasks import latest_check
from ..record import page_record
from .base import PageReviewAdminView


class PageRecordView(PageReviewAdminView):
    template_name = "workflow/page_record.html"
    header_icon = "clipboard-list"

    def dispatch(self, request, *args, page_id, **kwargs):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not can_view_record(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("审核记录")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        check_id = self.request.GET.get("check")
        check = None
        if check_id and check_id.isdigit():
            check = ContentCheck.objects.filter(pk=check_id, page_id=self.page.pk).first()
        if check is None:
            check = latest_check(self.page)
        context.update(
            page=self.page,
            records=page_record(self.page),
            check=check,
            findings=list(check.findings.all()) if check else [],
            workflow=self.page.get_workflow(),
        )
        return context

"""待我审核: everything waiting for the user's decision, across their tenants."""

from django.utils.translation import gettext_lazy as _

from hub.tenancy.scoping import is_central_admin

from ..queue import all_pending, overdue_after, pending_for, returned_to
from .base import ReviewAdminView


class ReviewQueueView(ReviewAdminView):
    template_name = "workflow/queue.html"
    page_title = _("待我审核")
    header_icon = "tasks"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        everyone = self.request.GET.get("scope") == "all" and is_central_admin(user)
        items = all_pending() if everyone else pending_for(user, with_actions=True)
        # The tenant filter lists only tenants that appear in the user's own queue.
        departments = sorted({i.department for i in items if i.department}, key=lambda d: (d.sort_order, d.code))
        code = self.request.GET.get("site", "")
        if code:
            items = [i for i in items if i.department and i.department.code == code]
        overdue_only = self.request.GET.get("overdue") == "1"
        if overdue_only:
            items = [i for i in items if i.overdue]
        context.update(
            items=items,
            everyone=everyone,
            may_see_everyone=is_central_admin(user),
            departments=departments,
            site_code=code,
            overdue_only=overdue_only,
            overdue_days=overdue_after().days,
            returned=returned_to(user),
        )
        return context

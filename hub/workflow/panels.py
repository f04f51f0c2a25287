"""The dashboard panel: what waits for me (with age and overdue flag) and what came back to me."""

from wagtail.admin.ui.components import Component

from .queue import overdue_after, pending_for, returned_to

PANEL_ROWS = 10


class ReviewQueuePanel(Component):
    name = "workflow_review_queue"
    template_name = "workflow/panels/review_queue.html"
    order = 205  # above Wagtail's own workflow panels

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        items = pending_for(request.user, with_actions=True)
        returned = returned_to(request.user)
        return {
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "items": items[:PANEL_ROWS],
            "total": len(items),
            "overdue_count": sum(1 for i in items if i.overdue),
            "overdue_days": overdue_after().days,
            "returned": returned[:5],
        }

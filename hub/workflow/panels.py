"""The dashboard panel: what waits for me (with age and overdue flag) and what came back to me."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
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


class PairingPanel(Panel):
    """Read-only, in the editor and on the review screens: pages reviewed together with this one.

    A page type declares `review_pairing()` → [{"heading", "pages", "empty"}] (e.g. a document and its
    interpretations); the panel names no page type.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("关联页面"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "review_pairing"

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflow/includes/pairing.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["page"] = self.instance
            return context

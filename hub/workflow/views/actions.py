"""Approving or returning a page from the dashboard and the review queue, and where a reviewer lands.

Wagtail's own action view does the work; this one also says what was done (Wagtail's shows nothing
on the dashboard it returns to). After an action in the page editor Wagtail sends the reviewer to
the page's column in the explorer, which the group-wide reviewers (复审, 终审) may not open: they
land on their review queue instead.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str, get_valid_next_url_from_request
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState, WorkflowState


def confirm_action(request, page, task_state):
    """The success message for a finished step of the chain (nothing while it is still waiting)."""
    task_state.refresh_from_db()
    title, step = get_latest_str(page), task_state.task.name
    if task_state.status == TaskState.STATUS_APPROVED:
        workflow_state = task_state.workflow_state
        workflow_state.refresh_from_db()
        if workflow_state.status == WorkflowState.STATUS_APPROVED:
            message = _("“%(title)s”已通过%(step)s，审核完成。") % {"title": title, "step": step}
        else:
            following = workflow_state.current_task_state.task.name if workflow_state.current_task_state else ""
            message = _("“%(title)s”已通过%(step)s，转%(next)s。") % {"title": title, "step": step, "next": following}
        messages.success(request, message)
    elif task_state.status == TaskState.STATUS_REJECTED:
        messages.success(request, _("“%(title)s”已在%(step)s退回修改。") % {"title": title, "step": step})


class ReviewActionView(WorkflowActionView):
    """Wagtail's workflow action (approve, approve with a comment, return), confirmed by a message."""

    submit_url_name = "workflow:action"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        confirm_action(request, self.object, self.task_state)
        return response


def land_after_editor_action(request, page):
    """after_edit_page: a reviewer who acted in the editor and may not edit the page goes to their
    queue, not to the explorer Wagtail would send them to."""
    if "action-workflow-action" not in request.POST or get_valid_next_url_from_request(request):
        return None
    if page.permissions_for_user(request.user).can_edit():
        return None
    return redirect("workflow:queue")

"""The to-do panel's review section: the user's tenants' pages in the review chain, and where each stands."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from hub.tenancy import scoping, todo
from hub.tenancy.models import Department


@todo.register(order=20)
def review_section(user, department_ids):
    departments = Department.objects.filter(pk__in=department_ids).select_related("site__root_page")
    page_ids = [str(pk) for pk in scoping.pages_for(departments).values_list("pk", flat=True)]
    states = (
        WorkflowState.objects.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids,
        )
        .select_related("current_task_state__task")
        .order_by("-created_at")
    )
    total = states.count()
    if not total:
        return None
    states = list(states[: todo.PANEL_ROWS])
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    rows = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        task = state.current_task_state.task.name if state.current_task_state_id else ""
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            label, urgent = _("退回修改：%(task)s") % {"task": task}, True
        else:
            label, urgent = _("审核中：%(task)s") % {"task": task}, False
        rows.append(
            todo.TodoRow(
                title=page.get_admin_display_title(),
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                state=label,
                detail=_("%(date)s 提交") % {"date": state.created_at.strftime("%Y-%m-%d")},
                urgent=urgent,
            )
        )
    return todo.TodoSection(heading=_("审核中的稿件（%(total)s）") % {"total": total}, rows=rows, total=total)

"""The to-do panel's letters section: open letters of the user's tenants that are overdue or due soon."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.permissions import policy_registry

from hub.tenancy import todo
from hub.tenancy.filters import SEE_ACTIONS

from .models import Letter
from .workdays import add_working_days, working_days_between

# A letter whose deadline is at most this many working days away is "due soon".
DUE_SOON_WORKING_DAYS = 2


@todo.register(order=10)
def letters_section(user, department_ids):
    today = timezone.localdate()
    due_by = add_working_days(today, DUE_SOON_WORKING_DAYS)
    # The letter list's own rule (the tenant's letter permission), within the user's own tenants.
    visible = policy_registry.get_by_type(Letter).instances_user_has_any_permission_for(user, SEE_ACTIONS)
    letters = (
        visible.filter(department_id__in=department_ids, closed_at__isnull=True, deadline__lte=due_by)
        .select_related("mailbox")
        .order_by("deadline", "submitted_at")
    )
    total = letters.count()
    if not total:
        return None
    rows = []
    for letter in letters[: todo.PANEL_ROWS]:
        if letter.deadline < today:
            state = _("已超期 %(days)s 个工作日") % {"days": max(working_days_between(letter.deadline, today), 1)}
        elif letter.deadline == today:
            state = _("今天到期")
        else:
            state = _("%(date)s 到期") % {"date": letter.deadline.strftime("%m-%d")}
        rows.append(
            todo.TodoRow(
                title=f"{letter.tracking_code} {letter.subject}",
                url=reverse("wagtailsnippets_interaction_letter:edit", args=[letter.pk]),
                state=state,
                detail=f"{letter.mailbox.name} · {letter.get_status_display()}",
                urgent=letter.deadline < today,
            )
        )
    overdue = letters.filter(deadline__lt=today).count()
    return todo.TodoSection(
        heading=_("待办来信（超期 %(overdue)s，即将到期 %(soon)s）") % {"overdue": overdue, "soon": total - overdue},
        rows=rows,
        total=total,
        more_url=reverse("wagtailsnippets_interaction_letter:list") + "?overdue=true",
        more_label=_("查看全部超期来信"),
    )

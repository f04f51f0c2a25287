"""The to-do panel's submissions section: what became of the user's tenants' offers to the portal."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.tenancy import todo

from .models import Submission

# Decisions stay on the panel this long; pending offers stay until they are decided.
RECENT_DECISIONS = datetime.timedelta(days=30)


@todo.register(order=30)
def submissions_section(user, department_ids):
    since = timezone.now() - RECENT_DECISIONS
    submissions = (
        Submission.objects.filter(department_id__in=department_ids)
        .filter(
            Q(status=Submission.Status.PENDING)
            | Q(status__in=[Submission.Status.ACCEPTED, Submission.Status.REJECTED], decided_at__gte=since)
        )
        .select_related("column", "suggested_column")
        .order_by("-submitted_at", "-pk")
    )
    total = submissions.count()
    if not total:
        return None
    rows = []
    for submission in submissions[: todo.PANEL_ROWS]:
        if submission.status == Submission.Status.REJECTED:
            detail = _("退回理由：%(reason)s") % {"reason": submission.reason}
        elif submission.status == Submission.Status.ACCEPTED and submission.column_id:
            detail = _("已采用到“%(column)s”") % {"column": submission.column.title}
        else:
            detail = _("等待门户网站编辑审核")
        rows.append(
            todo.TodoRow(
                title=submission.title,
                url=reverse("syndication:detail", args=[submission.pk]),
                state=submission.get_status_display(),
                detail=detail,
                urgent=submission.status == Submission.Status.REJECTED,
            )
        )
    return todo.TodoSection(
        heading=_("报送门户网站（%(total)s）") % {"total": total},
        rows=rows,
        total=total,
        more_url=reverse("syndication:index"),
        more_label=_("查看全部报送"),
    )

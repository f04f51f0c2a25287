"""What waits for a reviewer, what came back to an author, and how long each has waited."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, TaskState, WorkflowState

from hub.tenancy.scoping import STEPLEN, department_map

from .models import ContentCheck


def overdue_after():
    """How long a page may wait at one step before it is flagged overdue (HUB_REVIEW_OVERDUE_DAYS)."""
    return datetime.timedelta(days=getattr(settings, "HUB_REVIEW_OVERDUE_DAYS", 3))


@dataclass
class QueueItem:
    task_state: TaskState
    page: Page
    department: object
    waiting: datetime.timedelta
    check: ContentCheck | None = None
    actions: tuple = ()

    @property
    def workflow_state(self):
        return self.task_state.workflow_state

    @property
    def overdue(self):
        return self.task_state.status == TaskState.STATUS_IN_PROGRESS and self.waiting >= overdue_after()

    @property
    def waiting_label(self):
        if self.waiting.days:
            return ngettext("%(days)d 天", "%(days)d 天", self.waiting.days) % {"days": self.waiting.days}
        hours = self.waiting.seconds // 3600
        return (ngettext("%(hours)d 小时", "%(hours)d 小时", hours) % {"hours": hours}) if hours else _("不到 1 小时")


def _items(states, user=None, with_actions=False):
    states = list(
        states.select_related(
            "task", "revision__user", "workflow_state__workflow", "workflow_state__requested_by", "finished_by"
        )
    )
    page_ids = {int(s.workflow_state.object_id) for s in states if s.workflow_state.object_id.isdigit()}
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific(defer=True)}
    tenants = department_map()
    checks = {}
    for check in ContentCheck.objects.filter(revision__in=[s.revision_id for s in states]).order_by("checked_at", "pk"):
        checks[check.revision_id] = check  # the latest check of each revision wins
    now = timezone.now()
    items = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id)) if state.workflow_state.object_id.isdigit() else None
        if page is None:
            continue
        start = (
            state.started_at
            if state.status == TaskState.STATUS_IN_PROGRESS
            else (state.finished_at or state.started_at)
        )
        item = QueueItem(
            task_state=state,
            page=page,
            department=tenants.get(page.path[: 2 * STEPLEN]),
            waiting=now - start,
            check=checks.get(state.revision_id),
        )
        if with_actions and user is not None:
            item.actions = tuple(state.task.specific.get_actions(page, user))
        items.append(item)
    return items


def pending_for(user, *, department=None, overdue_only=False, with_actions=False):
    """Task states waiting for this user's decision, across all the tenants they review, oldest first."""
    states = TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS).order_by("started_at")
    items = _items(states, user, with_actions)
    if department is not None:
        items = [i for i in items if i.department == department]
    if overdue_only:
        items = [i for i in items if i.overdue]
    return items


def all_pending(*, department=None, overdue_only=False):
    """Every page waiting at a human step, for the central admins' overview."""
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).order_by("started_at")
    items = _items(states)
    if department is not None:
        items = [i for i in items if i.department == department]
    if overdue_only:
        items = [i for i in items if i.overdue]
    return items


def returned_to(user):
    """Pages this user submitted that a step returned to them (needs changes), newest first."""
    workflow_states = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
    states = TaskState.objects.filter(
        pk__in=workflow_states.values("current_task_state"), status=TaskState.STATUS_REJECTED
    ).order_by("-finished_at")
    return _items(states)

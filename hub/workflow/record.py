"""The approval record: who did what at which step, when and with which comment; per page and as CSV."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from hub.tenancy.scoping import pages_q

from .models import ContentCheck

MACHINE = "机器检查"
STATUS_LABELS = {
    TaskState.STATUS_IN_PROGRESS: "待处理",
    TaskState.STATUS_APPROVED: "通过",
    TaskState.STATUS_REJECTED: "退回修改",
    TaskState.STATUS_SKIPPED: "跳过",
    TaskState.STATUS_CANCELLED: "已取消",
}
WORKFLOW_STATUS_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: "审核中",
    WorkflowState.STATUS_APPROVED: "已通过",
    WorkflowState.STATUS_NEEDS_CHANGES: "退回修改",
    WorkflowState.STATUS_CANCELLED: "已取消",
}
CSV_HEADER = [
    "站点",
    "页面ID",
    "页面标题",
    "页面类型",
    "审核流程",
    "提交人",
    "提交时间",
    "流程状态",
    "步骤序号",
    "步骤",
    "步骤状态",
    "处理人",
    "开始时间",
    "处理时间",
    "意见",
    "机审必须修改",
    "机审提示",
    "修订版本",
]


def user_label(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%d %H:%M:%S") if dt else ""


@dataclass
class StepRow:
    task_state: TaskState
    check: ContentCheck | None

    @property
    def status_label(self):
        return STATUS_LABELS.get(self.task_state.status, self.task_state.status)

    @property
    def actor(self):
        state = self.task_state
        if state.finished_by_id:
            return user_label(state.finished_by)
        if state.status in (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED):
            return MACHINE
        return ""


@dataclass
class ChainRecord:
    workflow_state: WorkflowState
    steps: list = field(default_factory=list)

    @property
    def status_label(self):
        return WORKFLOW_STATUS_LABELS.get(self.workflow_state.status, self.workflow_state.status)


def _checks_by_task_state(task_state_ids):
    checks = {}
    # Oldest first, so the last check recorded for a step (e.g. at approval) wins.
    for check in ContentCheck.objects.filter(task_state_id__in=task_state_ids).order_by("checked_at", "pk"):
        checks[check.task_state_id] = check
    return checks


def _records(workflow_states):
    workflow_states = list(workflow_states.select_related("workflow", "requested_by"))
    states = list(
        TaskState.objects.filter(workflow_state__in=workflow_states)
        .select_related("task", "finished_by", "revision")
        .order_by("started_at", "pk")
    )
    checks = _checks_by_task_state([s.pk for s in states])
    records = {ws.pk: ChainRecord(ws) for ws in workflow_states}
    for state in states:
        records[state.workflow_state_id].steps.append(StepRow(state, checks.get(state.pk)))
    return [records[ws.pk] for ws in workflow_states]


def page_record(page):
    """Every chain this page went through, newest first, each with its steps in order."""
    workflow_states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk)
    ).order_by("-created_at", "-pk")
    return _records(workflow_states)


def tenant_workflow_states(department, start, end):
    """Chains started on a tenant's pages between two dates (inclusive, local time)."""
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min), tz)
    until = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min), tz)
    page_ids = Page.objects.filter(pages_q([department])).annotate(key=Cast("pk", CharField())).values("key")
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=page_ids,
        created_at__gte=since,
        created_at__lt=until,
    ).order_by("created_at", "pk")


def export_rows(department, start, end):
    """One row per step of every chain started on the tenant's pages in the period."""
    records = _records(tenant_workflow_states(department, start, end))
    pages = {
        str(p.pk): p
        for p in Page.objects.filter(pk__in=[int(r.workflow_state.object_id) for r in records]).select_related(
            "content_type"
        )
    }
    for record in records:
        ws = record.workflow_state
        page = pages.get(ws.object_id)
        for number, step in enumerate(record.steps, start=1):
            state = step.task_state
            yield [
                department.name,
                ws.object_id,
                page.get_admin_display_title() if page else "",
                page.content_type.name if page else "",
                ws.workflow.name,
                user_label(ws.requested_by),
                local(ws.created_at),
                record.status_label,
                number,
                state.task.name,
                step.status_label,
                step.actor,
                local(state.started_at),
                local(state.finished_at),
                state.comment,
                step.check.must_fix_count if step.check else "",
                step.check.advisory_count if step.check else "",
                state.revision_id,
            ]


def _cell(value):
    # A comment starting with "=" (or +, -, @) would run as a formula in a spreadsheet program.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def export_csv(department, start, end):
    """The CSV text (with a byte-order mark, so spreadsheet programs read the Chinese correctly)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    writer.writerows([_cell(value) for value in row] for row in export_rows(department, start, end))
    return buffer.getvalue()

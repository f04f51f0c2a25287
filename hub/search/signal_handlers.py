"""Index updates run as background tasks; a task that fails must leave a trace an administrator sees.

A save that touches only a page's revision bookkeeping (a new draft revision, a review step locking
the page) changes nothing the index holds: the index has the live title and text, and filters are
applied on the page table itself. Such saves are not re-indexed; every review step and every saved
draft used to re-segment and rewrite the live page's index entry.
"""

import logging

import modelsearch.signal_handlers
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from . import problems

logger = logging.getLogger("hub.search")
INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def report_failed_index_task(sender, task_result, **kwargs):
    if task_result.task.module_path != INDEX_TASK or task_result.status != TaskResultStatus.FAILED:
        return
    app_label, model_name, pk = task_result.args[:3]
    error = task_result.errors[-1] if task_result.errors else None
    summary = error.traceback.strip().splitlines()[-1] if error and error.traceback else "task failed"
    logger.error("Search index update for %s.%s #%s failed: %s", app_label, model_name, pk, summary)
    problems.record_by_key(f"{app_label}.{model_name}", pk, RuntimeError(summary))


# Fields Wagtail saves alone when it records a revision or locks a page for review.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_by",
        "locked_at",
    }
)

_index_saved_object = modelsearch.signal_handlers.post_save_signal_handler


def index_saved_object(instance, update_fields=None, **kwargs):
    """modelsearch's post_save handler, skipping saves of revision bookkeeping alone."""
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    _index_saved_object(instance=instance, update_fields=update_fields, **kwargs)


def register():
    task_finished.connect(report_failed_index_task, dispatch_uid="hub.search.failed_index_task")
    # This app is ready before modelsearch, whose ready() connects the handler by this name.
    modelsearch.signal_handlers.post_save_signal_handler = index_saved_object

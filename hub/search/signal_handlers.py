"""Index updates run as background tasks; a task that fails must leave a trace an administrator sees."""

import logging

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


def register():
    task_finished.connect(report_failed_index_task, dispatch_uid="hub.search.failed_index_task")

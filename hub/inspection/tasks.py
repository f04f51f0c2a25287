"""The queued form of an inspection ("check now" in the admin), for Django's task framework.

Tasks go to the `inspection` backend (`TASKS` in settings: django-tasks-db's database backend, run
by `manage.py db_worker --backend inspection`); the web process only enqueues.
"""

from django_tasks import task

from hub.tenancy.models import Department

BACKEND = "inspection"


@task(backend=BACKEND)
def inspect_site(code, collect=(), trigger="admin"):
    """Inspect one tenant by its code; returns a short summary (stored with the task's result)."""
    from .runner import inspect_department

    department = Department.objects.get(code=code)
    outcome = inspect_department(department, collect=list(collect), trigger=trigger)
    run = outcome.run
    return {"run": run.pk, "score": str(run.score), "vetoes": run.veto_count, "errors": outcome.errors}


def queue_inspection(department, collect=(), trigger="admin"):
    return inspect_site.enqueue(department.code, list(collect), trigger)

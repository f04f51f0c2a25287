"""Recording indexing failures where administrators see them, and clearing them once fixed."""

import logging

from django.db import transaction
from django.db.models import F

logger = logging.getLogger("hub.search")


def _label(model):
    return model._meta.label


def record(model, objs, error, count_attempt=True):
    """Remember that these objects could not be indexed (one row per object, attempts counted)."""
    from .models import IndexingProblem

    message = f"{type(error).__name__}: {error}"[:2000]
    try:
        with transaction.atomic():
            for obj in objs:
                problem, created = IndexingProblem.objects.get_or_create(
                    model=_label(model),
                    object_id=str(obj.pk),
                    defaults={"title": str(obj)[:255], "error": message},
                )
                if not created and count_attempt:
                    IndexingProblem.objects.filter(pk=problem.pk).update(
                        error=message, title=str(obj)[:255], attempts=F("attempts") + 1
                    )
    except Exception:
        # The log line written by the caller still reports the failure.
        logger.exception("Could not record the indexing problem of %s", _label(model))


def record_by_key(label, object_id, error):
    """Remember a failure known only by model label and primary key (a failed background task).

    The backend has usually recorded the same failure already; then nothing changes.
    """
    from django.apps import apps

    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return

    class Missing:
        pk = object_id

        def __str__(self):
            return f"{label} #{object_id}"

    record(model, [Missing()], error, count_attempt=False)


def resolve(model, objs):
    """Forget earlier problems of objects that have now been indexed."""
    from .models import IndexingProblem

    ids = [str(obj.pk) for obj in objs]
    if ids:
        IndexingProblem.objects.filter(model=_label(model), object_id__in=ids).delete()

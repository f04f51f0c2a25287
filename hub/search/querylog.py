"""The anonymous query log (phrase, site, language, day, count; nothing about the visitor) and the hot list."""

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone

from .conf import hot_days, hot_min_hits
from .models import QueryDailyHits
from .normalise import normalise_query

# Phone numbers, identity-card numbers and e-mail addresses are personal data: never logged.
PERSONAL = re.compile(r"\d{11,}|\d{17}[\dxX]|[^@\s]+@[^@\s]+\.\w+")
HOT_MAX_LENGTH = 20


def log_query(query, *, department, language, results):
    """Count one search of a phrase; returns False when the phrase is not logged."""
    phrase = normalise_query(query)
    if not phrase or PERSONAL.search(phrase):
        return False
    key = {"query": phrase, "department": department, "language": language, "date": timezone.localdate()}
    if not QueryDailyHits.objects.filter(**key).update(hits=F("hits") + 1, results=results):
        try:
            with transaction.atomic():
                QueryDailyHits.objects.create(**key, hits=1, results=results)
        except IntegrityError:  # another request created the row first
            QueryDailyHits.objects.filter(**key).update(hits=F("hits") + 1, results=results)
    return True


def hot_searches(*, departments=None, language=None, limit=10, days=None, min_hits=None):
    """The most searched phrases of the last days that found something, most searched first.

    departments=None counts every site; a phrase needs min_hits searches to be listed, so one
    visitor's rare query never becomes public.
    """
    since = timezone.localdate() - datetime.timedelta(days=hot_days() if days is None else days)
    rows = QueryDailyHits.objects.filter(date__gte=since, results__gt=0)
    if departments is not None:
        rows = rows.filter(department__in=departments)
    if language:
        rows = rows.filter(language=language)
    ranked = (
        rows.values("query")
        .annotate(total=Sum("hits"), last=Max("date"))
        .filter(total__gte=hot_min_hits() if min_hits is None else min_hits)
        .order_by("-total", "-last", "query")
    )
    return [(row["query"], row["total"]) for row in ranked[: limit * 2] if len(row["query"]) <= HOT_MAX_LENGTH][:limit]


def top_queries(*, departments, limit=50, days=None, without_results=False):
    """For webmasters: the most searched phrases on these sites (or those that found nothing), with counts."""
    since = timezone.localdate() - datetime.timedelta(days=hot_days() if days is None else days)
    rows = QueryDailyHits.objects.filter(date__gte=since, department__in=departments)
    if without_results:
        rows = rows.filter(results=0)
    ranked = rows.values("query").annotate(total=Sum("hits"), last=Max("date")).order_by("-total", "-last", "query")
    return list(ranked[:limit])

"""Facet counts (site, type, year, topic) over the pages a query matched, in one grouped query."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.db.models.functions import Coalesce, ExtractYear, Substr
from wagtail.models import Page

from hub.tenancy.scoping import STEPLEN

from . import conf

FACETS = ("site", "type", "year", "topic")
ROOT_LENGTH = 2 * STEPLEN


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


def subject_models():
    """Page types that define the shared subject classification (a `subject` foreign key) themselves."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        field = next((f for f in model._meta.local_fields if f.name == "subject"), None)
        if (
            field is not None
            and field.related_model is not None
            and field.related_model._meta.label == ("taxonomy.Subject")
        ):
            found.append(model)
    return found


def _path_from_page(model):
    """The lookup from Page to a page type's table: articlepage, or articlepage__specialpage …"""
    names, current = [], model
    while current is not Page:
        parent_link = next(iter(current._meta.parents.values()))
        names.append(parent_link.related_query_name())
        current = parent_link.related_model
    return "__".join(reversed(names))


def topic_expression():
    paths = [F(f"{_path_from_page(model)}__subject") for model in subject_models()]
    if not paths:
        return None
    return paths[0] if len(paths) == 1 else Coalesce(*paths)


def grouped_counts(matched):
    """Rows of (root path, content type, year, topic id, count) over a matched Page queryset."""
    annotations = {"root": Substr("path", 1, ROOT_LENGTH), "year": ExtractYear("first_published_at")}
    topic = topic_expression()
    if topic is not None:
        annotations["topic"] = topic
    rows = matched.annotate(**annotations).values(*annotations, "content_type").annotate(n=Count("id"))
    return [{"topic": None, **row} for row in rows]


def _sum(rows, key):
    counts = {}
    for row in rows:
        value = key(row)
        if value is not None:
            counts[value] = counts.get(value, 0) + row["n"]
    return counts


def site_facet(rows, roots, selected):
    counts = _sum(rows, lambda row: roots.get(row["root"]))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0].sort_order, item[0].code))
    return [FacetValue(d.code, d.short_name or d.name, n, d.code == selected) for d, n in ordered]


def type_facet(rows, selected):
    labels = conf.type_labels()
    merged = {}
    for content_type_id, n in _sum(rows, lambda row: row["content_type"]).items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        value = model._meta.label_lower
        label = str(labels.get(model._meta.label, model._meta.verbose_name))
        merged[value] = (label, merged.get(value, (label, 0))[1] + n)
    ordered = sorted(merged.items(), key=lambda item: (-item[1][1], item[0]))
    return [FacetValue(value, label, n, value == selected.lower()) for value, (label, n) in ordered]


def year_facet(rows, selected):
    counts = _sum(rows, lambda row: row["year"])
    return [FacetValue(str(year), str(year), n, year == selected) for year, n in sorted(counts.items(), reverse=True)]


def topic_facet(rows, selected):
    from hub.taxonomy.models import Subject

    counts = _sum(rows, lambda row: row["topic"])
    subjects = Subject.objects.in_bulk(list(counts))
    ordered = sorted(subjects.items(), key=lambda item: (-counts[item[0]], item[1].code))
    return [FacetValue(s.code, s.name, counts[pk], s.code == selected) for pk, s in ordered]

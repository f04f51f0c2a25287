"""Turning matched pages into result entries: specific page, site, date, type, topic, marked title and excerpt."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from modelsearch.conf import get_app_config
from wagtail.models import Page

from hub.tenancy.models import Department

from . import conf
from .excerpts import excerpt, highlight, page_text, without_repeated_summary
from .facets import ROOT_LENGTH


@dataclass
class Hit:
    page: Page
    title_html: str
    excerpt_html: str
    department: Department | None
    date: datetime.date | None
    type_label: str
    topic: object = None
    description: str = ""


def indexed_texts(pages):
    """{page id: plain text} from the index's text mirror (PostgreSQL), saving a parse of every body."""
    entry = get_app_config().get_model("IndexEntry")
    if not any(field.name == "body_text" for field in entry._meta.fields):
        return {}
    wanted = {(page.content_type_id, str(page.pk)) for page in pages}
    rows = entry.objects.filter(
        content_type_id__in={ct for ct, _id in wanted}, object_id__in=[object_id for _ct, object_id in wanted]
    ).values_list("content_type_id", "object_id", "body_text")
    return {int(object_id): text for ct, object_id, text in rows if (ct, object_id) in wanted and text}


def build_hits(pages, roots, terms):
    """Hit objects for pages (in their order); roots maps locale root paths to tenants."""
    from hub.taxonomy.models import Subject

    pages = list(pages)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
    subjects = Subject.objects.in_bulk({getattr(p, "subject_id", None) for p in specific.values()} - {None})
    texts = indexed_texts(specific.values())
    labels = conf.type_labels()
    hits = []
    for page in pages:
        page = specific.get(page.pk, page)
        date = getattr(page, "date", None)
        if not isinstance(date, datetime.date) and page.first_published_at:
            date = timezone.localtime(page.first_published_at).date()
        text = texts.get(page.pk)
        text = without_repeated_summary(text if text is not None else page_text(page), getattr(page, "summary", ""))
        hits.append(
            Hit(
                page=page,
                title_html=highlight(page.title, terms),
                excerpt_html=excerpt(text, terms),
                department=roots.get(page.path[:ROOT_LENGTH]),
                date=date,
                type_label=str(labels.get(page._meta.label, page._meta.verbose_name)),
                topic=subjects.get(getattr(page, "subject_id", None)),
            )
        )
    return hits

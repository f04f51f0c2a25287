"""A site's columns as inspection sees them: their update class, newest dated item and state.

Only the site's own language (the Chinese root) is judged. An item counts by its publication date
(the `date` field of dated page types); an item without one never counts as an update. A column with
no live page under it at all is blank; its 暂无信息 note, when it has one, is reported apart.
"""

import calendar
import datetime
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models
from wagtail.models import Page

from hub.tenancy.onboarding import load_column_plan

from . import conf
from .models import ColumnRule, UpdateClass

PERIODIC_DEFAULT_DAYS = 365

# A column the plan does not know gets a class from its title; anything else is exempt until a
# central admin says otherwise.
TITLE_GUESSES = [
    (re.compile("通知|公告|公示"), UpdateClass.NOTICE),
    (re.compile("政策|文件|法规|规章"), UpdateClass.POLICY),
    (re.compile("动态|要闻|新闻|资讯|政务信息|讲话"), UpdateClass.NEWS),
]


def add_months(day, months):
    """The same day `months` later (earlier when negative), clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def stale_on(update_class, last_date, period_days=None):
    """The first day on which a column last updated on `last_date` counts as not updated."""
    if update_class == UpdateClass.NEWS:
        return last_date + datetime.timedelta(days=conf.HOME_STALE_DAYS)
    if update_class in (UpdateClass.NOTICE, UpdateClass.POLICY):
        return add_months(last_date, 6)
    if update_class == UpdateClass.PERIODIC:
        return last_date + datetime.timedelta(days=period_days or PERIODIC_DEFAULT_DAYS)
    return None


def column_model():
    return apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)


def dated_models():
    """Page types with a publication date (`date`), found by their fields: hub never imports sites."""
    found = []
    for model in apps.get_models():
        if issubclass(model, Page) and not model._meta.abstract:
            try:
                date_field = model._meta.get_field("date")
            except Exception:
                continue
            if isinstance(date_field, models.DateField) and date_field.model is model:
                found.append(model)
    return found


def plan_classes(kind):
    """{slug path ("xxgk/zcwj"): (update class, period days)} from the column plan's `update` keys."""
    classes = {}

    def walk(columns, prefix):
        for column in columns:
            path = f"{prefix}{column['slug']}"
            if column.get("update") in UpdateClass.values:
                classes[path] = (column["update"], column.get("update_period_days"))
            walk(column.get("children", []), f"{path}/")

    walk(load_column_plan(kind), "")
    return classes


def guess_class(title):
    for pattern, update_class in TITLE_GUESSES:
        if pattern.search(title or ""):
            return update_class
    return UpdateClass.STATIC


@dataclass
class Column:
    page_id: int
    title: str
    url_path: str
    slug_path: str
    depth: int
    update_class: str
    period_days: int | None
    note: str
    items: int = 0  # live pages directly under it that are not columns
    subcolumns: int = 0
    dated: list = field(default_factory=list)  # publication dates of its items
    last_date: datetime.date | None = None
    due: datetime.date | None = None  # the day it turns stale

    @property
    def blank(self):
        return self.items == 0 and self.subcolumns == 0

    @property
    def exempt(self):
        return self.update_class == UpdateClass.STATIC

    def is_stale(self, today):
        if self.exempt or self.blank:
            return False
        return self.due is None or today >= self.due

    def warns(self, today):
        """Not stale yet, but stale within the early-warning days."""
        if self.exempt or self.blank or self.due is None or today >= self.due:
            return False
        return today + datetime.timedelta(days=conf.EARLY_WARNING_DAYS) >= self.due

    def updates_since(self, day):
        return sum(1 for d in self.dated if d >= day)


@dataclass
class SiteColumns:
    department: object
    root: Page
    columns: list
    newest_item: datetime.date | None  # newest dated live item anywhere on the site
    pages: int  # live pages of the site's own language


def ensure_rules(department, column_pages):
    """The ColumnRule of every column, made from the column plan (or the title) where missing."""
    rules = {rule.page_id: rule for rule in ColumnRule.objects.filter(page_id__in=[c.pk for c in column_pages])}
    missing = [c for c in column_pages if c.pk not in rules]
    if missing:
        plan = plan_classes(department.kind)
        root_path_length = len(department.site.root_page.url_path)
        new = []
        for column in missing:
            slug_path = column.url_path[root_path_length:].strip("/")
            update_class, period = plan.get(slug_path, (guess_class(column.title), None))
            new.append(
                ColumnRule(page_id=column.pk, department=department, update_class=update_class, period_days=period)
            )
        ColumnRule.objects.bulk_create(new, ignore_conflicts=True)
        rules = {rule.page_id: rule for rule in ColumnRule.objects.filter(page_id__in=[c.pk for c in column_pages])}
    return rules


def site_columns(department):
    """Every live column of a site's own language with its items and dates (a few queries)."""
    root = department.site.root_page
    column_type = column_model()
    from django.contrib.contenttypes.models import ContentType

    column_ct = ContentType.objects.get_for_model(column_type).pk
    pages = list(
        Page.objects.live()
        .public()
        .descendant_of(root)
        .values_list("pk", "path", "depth", "content_type_id", "title", "url_path")
    )
    columns_raw = [p for p in pages if p[3] == column_ct]
    column_objects = [Page(pk=p[0], title=p[4], url_path=p[5]) for p in columns_raw]
    rules = ensure_rules(department, column_objects)
    root_path_length = len(root.url_path)
    by_path = {}
    columns = []
    for pk, path, depth, _ct, title, url_path in columns_raw:
        rule = rules.get(pk)
        column = Column(
            page_id=pk,
            title=title,
            url_path=url_path,
            slug_path=url_path[root_path_length:].strip("/"),
            depth=depth,
            update_class=rule.update_class if rule else UpdateClass.STATIC,
            period_days=rule.period_days if rule else None,
            note=rule.no_content_note if rule else "",
        )
        by_path[path] = column
        columns.append(column)
    dates = {}
    page_ids = [p[0] for p in pages]
    for model in dated_models():
        for pk, date in model.objects.filter(pk__in=page_ids).values_list("pk", "date"):
            if date is not None:
                dates[pk] = date
    steplen = Page.steplen
    for pk, path, _depth, ct, _title, _url in pages:
        parent = by_path.get(path[:-steplen])
        if parent is None:
            continue
        if ct == column_ct:
            parent.subcolumns += 1
        else:
            parent.items += 1
            if pk in dates:
                parent.dated.append(dates[pk])
    for column in columns:
        column.last_date = max(column.dated) if column.dated else None
        if column.last_date is not None:
            column.due = stale_on(column.update_class, column.last_date, column.period_days)
    columns.sort(key=lambda c: c.url_path)
    return SiteColumns(
        department=department,
        root=root,
        columns=columns,
        newest_item=max(dates.values()) if dates else None,
        pages=len(pages) + 1,
    )


def note_for(page):
    """The 本栏目暂无信息 reason of a column page, or "" (read by the public column page)."""
    if page is None or not page.pk:
        return ""
    # A translation of the column shows the note of its Chinese source.
    rules = ColumnRule.objects.filter(page__translation_key=page.translation_key).exclude(no_content_note="")
    return rules.values_list("no_content_note", flat=True).first() or ""

"""The one search service: the public page, the JSON endpoint and the admin all call search().

It answers a query for an audience (the public on one site in one language, or an editor across
the tenants they work on) with ranked results, facet counts, best bets, an exact 文号/索引号 match,
help for empty results and the hot list, and logs the phrase anonymously.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear, Substr
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from hub.tenancy.models import Department
from hub.tenancy.scoping import STEPLEN, department_map, departments_for_user, pages_q

from . import conf, querylog
from .excerpts import excerpt, highlight, page_text
from .lookup import find_exact
from .models import Promotion
from .segmenter import highlight_terms

SCOPES = ("site", "all")
SORTS = ("relevance", "date")
FACETS = ("site", "type", "year", "topic")
MAX_PER_PAGE = 50
ROOT_LENGTH = 2 * STEPLEN


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass
class SearchParams:
    """What was asked: the phrase, scope, facet filters, order and page (parsed from a query string)."""

    query: str = ""
    scope: str = ""
    site: str = ""
    type: str = ""
    year: int | None = None
    topic: str = ""
    sort: str = "relevance"
    page: int = 1
    per_page: int = 0

    @classmethod
    def from_querydict(cls, data):
        return cls(
            query=(data.get("q") or "").strip()[:200],
            scope=data.get("scope") if data.get("scope") in SCOPES else "",
            site=(data.get("site") or "").strip()[:30],
            type=(data.get("type") or "").strip()[:100],
            year=_int(data.get("year")),
            topic=(data.get("topic") or "").strip()[:10],
            sort=data.get("sort") if data.get("sort") in SORTS else "relevance",
            page=max(1, _int(data.get("page"), 1)),
            per_page=min(MAX_PER_PAGE, max(0, _int(data.get("per_page"), 0))),
        )

    @property
    def filtered(self):
        return any(getattr(self, facet) for facet in FACETS)

    def as_querydict(self, **changes):
        """Query-string values for a link that changes some parameters (page resets unless given)."""
        values = {
            "q": self.query,
            "scope": self.scope,
            "site": self.site,
            "type": self.type,
            "year": self.year or "",
            "topic": self.topic,
            "sort": "" if self.sort == "relevance" else self.sort,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None)}


@dataclass
class Audience:
    """Who searches: the public on a site in a language, or an editor (drafts included, own tenants only)."""

    department: Department | None = None
    language: str = ""
    user: object = None

    @property
    def is_editor(self):
        return self.user is not None

    def default_scope(self):
        if self.department is None or self.department.is_portal or self.is_editor:
            return "all"
        return "site"


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


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


@dataclass
class SearchOutcome:
    params: SearchParams
    scope: str
    total: int = 0
    page: object = None  # a django.core.paginator.Page of Hit
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    promoted: list = field(default_factory=list)
    exact: Page | None = None
    other_scope_total: int | None = None
    partial_hits: list = field(default_factory=list)
    hot: list = field(default_factory=list)
    terms: list = field(default_factory=list)


def subject_models():
    """Page types that carry the shared subject classification (a `subject` foreign key)."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        try:
            subject = model._meta.get_field("subject")
        except Exception:
            continue
        if getattr(subject, "related_model", None) is not None and subject.related_model._meta.label == (
            "taxonomy.Subject"
        ):
            found.append(model)
    return found


def resolve_locale(language):
    try:
        code = get_supported_content_language_variant(language)
    except LookupError:
        return Locale.get_default()
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()


class SearchService:
    """Builds the scoped page set for an audience and runs every part of a search against it."""

    def __init__(self, params, audience, request=None):
        self.params = params
        self.audience = audience
        self.request = request
        self.roots = department_map()
        self.scope = params.scope or audience.default_scope()
        if self.scope == "site" and audience.department is None:
            self.scope = "all"
        self.departments = self._scope_departments()
        self.locale = None if audience.is_editor else resolve_locale(audience.language)

    # The page set -----------------------------------------------------------------------------

    def allowed_departments(self):
        """Tenants this audience may search at all: an editor's own, or every online site."""
        if self.audience.is_editor:
            return list(departments_for_user(self.audience.user))
        return sorted({d for d in self.roots.values() if d.is_online}, key=lambda d: (d.sort_order, d.code))

    def _scope_departments(self):
        allowed = self.allowed_departments()
        if self.scope == "site":
            return [d for d in allowed if d == self.audience.department]
        return allowed

    def pages(self, scope_departments=None):
        """Every page this audience may find, before any query or facet filter."""
        departments = self.departments if scope_departments is None else scope_departments
        pages = Page.objects.filter(depth__gt=1).filter(pages_q(departments))
        if self.audience.is_editor:
            return pages
        return pages.live().public().filter(locale=self.locale)

    def filtered(self, pages, skip=None):
        params = self.params
        if params.site and skip != "site":
            chosen = [d for d in self.departments if d.code == params.site]
            pages = pages.filter(pages_q(chosen))
        if params.type and skip != "type":
            app_label, _dot, model = params.type.partition(".")
            content_type = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
            pages = pages.filter(content_type=content_type) if content_type else pages.none()
        if params.year and skip != "year":
            tz = timezone.get_current_timezone()
            start = datetime.datetime(params.year, 1, 1, tzinfo=tz)
            end = start.replace(year=params.year + 1)
            pages = pages.filter(first_published_at__gte=start, first_published_at__lt=end)
        if params.topic and skip != "topic":
            condition = Q(pk__in=[])
            for model in subject_models():
                condition |= Q(id__in=model.objects.filter(subject__code=params.topic).values("pk"))
            pages = pages.filter(condition)
        return pages

    def matches(self, pages, operator=None):
        """The pages matching the query, unordered (for counting and facets)."""
        results = pages.search(self.params.query, order_by_relevance=False, operator=operator)
        return results.get_queryset().order_by()

    # Parts of the answer ----------------------------------------------------------------------

    def ranked(self, pages, operator=None):
        if self.params.sort == "date":
            return pages.order_by("-first_published_at", "-id").search(
                self.params.query, order_by_relevance=False, operator=operator
            )
        return pages.search(self.params.query, operator=operator)

    def facets(self):
        """Counts per site, type, year and topic; a chosen facet counts as if its own choice were not made."""
        active = {facet for facet in FACETS if getattr(self.params, facet)}
        matched, grouped = {}, {}
        for facet in FACETS:
            key = facet if facet in active else None
            if key not in matched:
                matched[key] = self.matches(self.filtered(self.pages(), skip=key))
            if facet != "topic" and key not in grouped:
                grouped[key] = list(
                    matched[key]
                    .annotate(root=Substr("path", 1, ROOT_LENGTH), year=ExtractYear("first_published_at"))
                    .values("root", "content_type", "year")
                    .annotate(n=Count("id"))
                )

        def rows(facet):
            return grouped[facet if facet in active else None]

        return {
            "site": self._site_facet(rows("site")),
            "type": self._type_facet(rows("type")),
            "year": self._year_facet(rows("year")),
            "topic": self._topic_facet(matched["topic" if "topic" in active else None]),
        }

    def _sum(self, rows, key):
        counts = {}
        for row in rows:
            value = key(row)
            if value is not None:
                counts[value] = counts.get(value, 0) + row["n"]
        return counts

    def _site_facet(self, rows):
        counts = self._sum(rows, lambda row: self.roots.get(row["root"]))
        values = [
            FacetValue(d.code, d.short_name or d.name, n, d.code == self.params.site)
            for d, n in sorted(counts.items(), key=lambda item: (-item[1], item[0].sort_order, item[0].code))
        ]
        return values

    def _type_facet(self, rows):
        counts = self._sum(rows, lambda row: row["content_type"])
        labels = conf.type_labels()
        merged = {}
        for content_type_id, n in counts.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            value = f"{model._meta.app_label}.{model._meta.model_name}"
            label = str(labels.get(model._meta.label, model._meta.verbose_name))
            merged[value] = (label, merged.get(value, (label, 0))[1] + n)
        return [
            FacetValue(value, label, n, value == self.params.type.lower())
            for value, (label, n) in sorted(merged.items(), key=lambda item: (-item[1][1], item[0]))
        ]

    def _year_facet(self, rows):
        counts = self._sum(rows, lambda row: row["year"])
        return [
            FacetValue(str(year), str(year), n, year == self.params.year)
            for year, n in sorted(counts.items(), reverse=True)
        ]

    def _topic_facet(self, matched):
        from hub.taxonomy.models import Subject

        counts = {}
        ids = matched.values("id")
        for model in subject_models():
            rows = model.objects.filter(pk__in=ids, subject__isnull=False).values("subject").annotate(n=Count("pk"))
            for row in rows:
                counts[row["subject"]] = counts.get(row["subject"], 0) + row["n"]
        subjects = Subject.objects.in_bulk(list(counts))
        return [
            FacetValue(subject.code, subject.name, counts[pk], subject.code == self.params.topic)
            for pk, subject in sorted(subjects.items(), key=lambda item: (-counts[item[0]], item[1].code))
        ]

    def hits(self, pages):
        """Results as Hit objects (specific pages, site, date, type, topic, highlighted title and excerpt)."""
        pages = list(pages)
        specific = {page.pk: page for page in Page.objects.filter(pk__in=[page.pk for page in pages]).specific()}
        from hub.taxonomy.models import Subject

        subject_ids = {getattr(page, "subject_id", None) for page in specific.values()} - {None}
        subjects = Subject.objects.in_bulk(list(subject_ids))
        labels = conf.type_labels()
        terms = highlight_terms(self.params.query)
        hits = []
        for page in pages:
            page = specific.get(page.pk, page)
            date = getattr(page, "date", None)
            if not isinstance(date, datetime.date) and page.first_published_at:
                date = timezone.localtime(page.first_published_at).date()
            hits.append(
                Hit(
                    page=page,
                    title_html=highlight(page.title, terms),
                    excerpt_html=excerpt(page_text(page), terms),
                    department=self.roots.get(page.path[:ROOT_LENGTH]),
                    date=date,
                    type_label=str(labels.get(page._meta.label, page._meta.verbose_name)),
                    topic=subjects.get(getattr(page, "subject_id", None)),
                )
            )
        return hits

    def promoted(self):
        department = self.audience.department
        if department is None or self.audience.is_editor:
            return []
        promotion = Promotion.objects.for_query(department, self.params.query).prefetch_related("picks__page").first()
        if promotion is None:
            return []
        picks = []
        visible = self.pages(scope_departments=self.allowed_departments())
        for pick in promotion.picks.all():
            page = pick.page
            if page.locale_id != self.locale.pk:
                page = page.get_translation_or_none(self.locale)
            if page is not None and visible.filter(pk=page.pk).exists():
                hit = self.hits([page])[0]
                hit.description = pick.description
                picks.append(hit)
        return picks

    def exact(self):
        if self.audience.is_editor:
            return None
        everywhere = self.pages(scope_departments=self.allowed_departments())
        return find_exact(self.params.query, everywhere, self.audience.department, self.roots)

    def hot(self):
        if self.audience.is_editor:
            return []
        departments = None if self.scope == "all" else self.departments
        return querylog.hot_searches(departments=departments, language=self.audience.language)

    # The whole answer -------------------------------------------------------------------------

    def run(self, *, log=True, facets=True):
        params = self.params
        outcome = SearchOutcome(params=params, scope=self.scope, terms=highlight_terms(params.query))
        outcome.hot = self.hot()
        if not params.query:
            return outcome
        outcome.exact = self.exact()
        results = self.ranked(self.filtered(self.pages()))
        paginator = Paginator(results, params.per_page or conf.per_page())
        outcome.page = paginator.get_page(params.page)
        outcome.total = paginator.count
        outcome.hits = self.hits(outcome.page.object_list)
        outcome.page.object_list = outcome.hits
        if facets:
            outcome.facets = self.facets()
        if params.page == 1:
            outcome.promoted = self.promoted()
        if outcome.total == 0:
            self.help_for_empty(outcome)
        if log and params.page == 1 and not params.filtered and not self.audience.is_editor:
            querylog.log_query(
                params.query,
                department=self.audience.department,
                language=self.audience.language,
                results=outcome.total,
            )
        return outcome

    def help_for_empty(self, outcome):
        """Nothing found: how many the whole site group has, and pages matching some of the words."""
        if self.scope == "site":
            everywhere = self.pages(scope_departments=self.allowed_departments())
            outcome.other_scope_total = self.matches(self.filtered(everywhere)).count()
        if len(outcome.terms) > 1:
            outcome.partial_hits = self.hits(self.ranked(self.filtered(self.pages()), operator="or")[:5])


def search(params, audience, request=None, *, log=True, facets=True):
    """Answer a search; see SearchService. The public page, the JSON endpoint and the admin call this."""
    return SearchService(params, audience, request).run(log=log, facets=facets)

"""The one search service: the public page, the JSON endpoint and the admin all call search().

It answers a query for an audience (the public on one site in one language, or an editor across
the tenants they work on) with ranked results, facet counts, best bets, an exact 文号/索引号 match,
help for empty results and the hot list, and logs the phrase anonymously.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from hub.i18n.languages import publishing_department_ids
from hub.services.catalogue import item_links, search_items
from hub.tenancy.models import Department
from hub.tenancy.scoping import department_map, departments_for_user, pages_q, paths_q, root_paths

from . import conf, facets, querylog
from .facets import FACETS
from .hits import build_hits
from .lookup import find_exact
from .models import Promotion
from .segmenter import highlight_terms, parse_query

SCOPES = ("site", "all")
SORTS = ("relevance", "date")
MAX_PER_PAGE = 50
SERVICES_SHOWN = 5


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
        def text(name, length):
            # NUL cannot be stored or compared in PostgreSQL text; no real query or choice contains it.
            return (data.get(name) or "").replace("\x00", "").strip()[:length]

        return cls(
            query=text("q", 200),
            scope=data.get("scope") if data.get("scope") in SCOPES else "",
            site=text("site", 30),
            type=text("type", 100),
            year=year if (year := _int(data.get("year"))) and 1900 <= year <= 2100 else None,
            topic=text("topic", 10),
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
    services: list = field(default_factory=list)  # [(ServiceItem, url)] matching service items (办事服务)


def resolve_locale(language):
    try:
        code = get_supported_content_language_variant(language)
    except LookupError:
        return Locale.get_default()
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()


class KnownCountPaginator(Paginator):
    """A paginator told the total already (it came with the facet counts), saving a COUNT query."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


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
        self.locale = None if audience.is_editor else resolve_locale(audience.language)
        self._pages = {}

    # The page set -----------------------------------------------------------------------------

    @cached_property
    def allowed_departments(self):
        """Tenants this audience may search at all: an editor's own, or every online site publishing the language."""
        if self.audience.is_editor:
            return list(departments_for_user(self.audience.user))
        publishing = publishing_department_ids(self.locale.language_code)
        online = {d for d in self.roots.values() if d.is_online and d.pk in publishing}
        return sorted(online, key=lambda d: (d.sort_order, d.code))

    @cached_property
    def departments(self):
        """Tenants in the chosen scope."""
        if self.scope == "site":
            return [d for d in self.allowed_departments if d == self.audience.department]
        return self.allowed_departments

    def visible(self, everywhere=False, *, fold_copies=False):
        """Every page this audience may see in the scope (or in every allowed site).

        With fold_copies, a synced copy (an alias, e.g. a department's page on the portal) is left out
        when its original is in the same set, so it is listed once, as the original; a search without
        the original keeps the copy. The subquery reads only aliases and their originals' rows, not the
        whole set, so it costs next to nothing at 100,000 pages.
        """
        key = (everywhere, fold_copies)
        if key not in self._pages:
            departments = self.allowed_departments if everywhere else self.departments
            paths = root_paths(departments)
            pages = Page.objects.filter(depth__gt=1).filter(paths_q(paths))
            original_shown = paths_q(paths, prefix="alias_of__")
            if not self.audience.is_editor:
                pages = pages.live().public().filter(locale=self.locale)
                original_shown &= Q(alias_of__live=True, alias_of__locale=self.locale)
            if fold_copies:
                folded = Page.objects.filter(Q(alias_of__isnull=False) & original_shown).values("id")
                pages = pages.exclude(id__in=folded)
            self._pages[key] = pages
        return self._pages[key]

    def pages(self, everywhere=False):
        """The pages a query runs against: the visible ones, each synced copy folded into its original."""
        return self.visible(everywhere, fold_copies=True)

    def filtered(self, pages, skip=None):
        """Pages narrowed by the chosen facets (all but `skip`)."""
        params = self.params
        if params.site and skip != "site":
            pages = pages.filter(pages_q([d for d in self.departments if d.code == params.site]))
        if params.type and skip != "type":
            app_label, _dot, model = params.type.partition(".")
            content_type = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
            pages = pages.filter(content_type=content_type) if content_type else pages.none()
        if params.year and skip != "year":
            start = datetime.datetime(params.year, 1, 1, tzinfo=timezone.get_current_timezone())
            pages = pages.filter(
                first_published_at__gte=start, first_published_at__lt=start.replace(year=params.year + 1)
            )
        if params.topic and skip != "topic":
            condition = Q(pk__in=[])
            for model in facets.subject_models():
                condition |= Q(id__in=model.objects.filter(subject__code=params.topic).values("pk"))
            pages = pages.filter(condition)
        return pages

    def matches(self, pages, operator=None):
        """The pages matching the query, unordered (for counting and facets)."""
        results = pages.search(self.params.query, order_by_relevance=False, operator=operator)
        return results.get_queryset().order_by()

    def ranked(self, pages, operator=None):
        if self.params.sort == "date":
            pages = pages.order_by("-first_published_at", "-id")
            return pages.search(self.params.query, order_by_relevance=False, operator=operator)
        return pages.search(self.params.query, operator=operator)

    # Parts of the answer ----------------------------------------------------------------------

    def facet_counts(self):
        """(total, facets): each facet counted as if its own choice were not made; one query without choices."""
        active = [facet for facet in FACETS if getattr(self.params, facet)]
        rows = {None: facets.grouped_counts(self.matches(self.filtered(self.pages())))}
        for facet in active:
            rows[facet] = facets.grouped_counts(self.matches(self.filtered(self.pages(), skip=facet)))

        def rows_for(facet):
            return rows[facet if facet in active else None]

        params = self.params
        counted = {
            "site": facets.site_facet(rows_for("site"), self.roots, params.site),
            "type": facets.type_facet(rows_for("type"), params.type),
            "year": facets.year_facet(rows_for("year"), params.year),
            "topic": facets.topic_facet(rows_for("topic"), params.topic),
        }
        return sum(row["n"] for row in rows[None]), counted

    def hits(self, pages):
        return build_hits(pages, self.roots, highlight_terms(self.params.query))

    def promoted(self):
        """Best bets of the visitor's site for this phrase, in the visitor's language, if they are public."""
        department = self.audience.department
        if department is None or self.audience.is_editor:
            return []
        promotion = Promotion.objects.for_query(department, self.params.query).first()
        if promotion is None:
            return []
        # A best bet may point at a synced copy on the visitor's site: it is shown as chosen.
        visible = self.visible(everywhere=True)
        picks = []
        for pick in promotion.picks.select_related("page"):
            page = (
                pick.page if pick.page.locale_id == self.locale.pk else pick.page.get_translation_or_none(self.locale)
            )
            if page is not None and visible.filter(pk=page.pk).exists():
                hit = self.hits([page])[0]
                hit.description = pick.description
                picks.append(hit)
        return picks

    def exact(self):
        if self.audience.is_editor:
            return None
        return find_exact(self.params.query, self.pages(everywhere=True), self.audience.department, self.roots)

    def hot(self):
        if self.audience.is_editor:
            return []
        departments = None if self.scope == "all" else self.departments
        return querylog.hot_searches(departments=departments, language=self.audience.language)

    def services(self):
        """Published service items of the scope's departments matching the query, linked to a catalogue page."""
        if self.audience.is_editor:
            return []
        items = search_items(self.params.query, limit=SERVICES_SHOWN, departments=self.departments)
        links = item_links(items, self.audience.department, self.locale, self.request)
        return [(item, url) for item, url in links if url]

    def help_for_empty(self, outcome):
        """Nothing found: how many the whole site group has, and pages matching some of the words."""
        if self.scope == "site":
            outcome.other_scope_total = self.matches(self.filtered(self.pages(everywhere=True))).count()
        if len(parse_query(self.params.query)) > 1:
            outcome.partial_hits = self.hits(self.ranked(self.filtered(self.pages()), operator="or")[:5])

    # The whole answer -------------------------------------------------------------------------

    def run(self, *, log=True, with_facets=True):
        params = self.params
        outcome = SearchOutcome(params=params, scope=self.scope, terms=highlight_terms(params.query))
        outcome.hot = self.hot()
        if not params.query:
            return outcome
        outcome.exact = self.exact()
        results = self.ranked(self.filtered(self.pages()))
        per_page = params.per_page or conf.per_page()
        if with_facets:
            total, outcome.facets = self.facet_counts()
            paginator = KnownCountPaginator(results, per_page, total)
        else:
            paginator = Paginator(results, per_page)
        outcome.page = paginator.get_page(params.page)
        outcome.total = paginator.count
        outcome.hits = self.hits(outcome.page.object_list)
        outcome.page.object_list = outcome.hits
        if params.page == 1:
            outcome.promoted = self.promoted()
            if not params.filtered:
                outcome.services = self.services()
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


def search(params, audience, request=None, *, log=True, facets=True):
    """Answer a search; see SearchService. The public page, the JSON endpoint and the admin call this."""
    return SearchService(params, audience, request).run(log=log, with_facets=facets)

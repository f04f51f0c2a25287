"""Browsing and searching the service catalogue across every department."""

from dataclasses import dataclass

from django.db.models import Count, Q
from wagtail.models import Locale

from hub.tenancy.models import Department
from hub.tenancy.scoping import pages_q

from .models import Audience, LifeEvent, ServiceItem

# A catalogue is a few hundred items; ranked search results beyond this are not useful.
MAX_SEARCH_RESULTS = 300


@dataclass
class CatalogueQuery:
    """What a visitor chose: department code, audience, life event slug, search words."""

    department: str = ""
    audience: str = ""
    event: str = ""
    query: str = ""

    @classmethod
    def from_querydict(cls, data):
        def text(name, length):
            # NUL cannot be stored or compared in PostgreSQL text; no real choice contains it.
            return (data.get(name) or "").replace("\x00", "").strip()[:length]

        audience = text("audience", 20)
        return cls(
            department=text("department", 30),
            audience=audience if audience in Audience.values else "",
            event=text("event", 40),
            query=text("q", 100),
        )

    @property
    def filtered(self):
        return bool(self.department or self.audience or self.event or self.query)


def published_items(departments=None):
    items = ServiceItem.objects.published().select_related("department")
    if departments is not None:
        items = items.filter(department__in=departments)
    return items


def browse(query, departments=None):
    """The published items matching the visitor's choices, by department then name (or by relevance)."""
    items = published_items(departments)
    if query.department:
        items = items.filter(department__code=query.department)
    if query.audience:
        items = items.for_audience(query.audience)
    if query.event:
        items = items.filter(life_events__slug=query.event)
    if not query.query:
        return list(items.order_by("department__sort_order", "department__code", "title").distinct())
    ranked = [item.pk for item in ServiceItem.objects.published().search(query.query)[:MAX_SEARCH_RESULTS]]
    chosen = {item.pk: item for item in items.filter(pk__in=ranked).distinct()}
    return [chosen[pk] for pk in ranked if pk in chosen]


def search_items(text, limit=10, departments=None):
    """Service items matching a phrase, best first (for any page that wants to offer them)."""
    if not text.strip():
        return []
    candidates = ServiceItem.objects.published()
    if departments is not None:
        candidates = candidates.filter(department__in=departments)
    ids = [item.pk for item in candidates.search(text)[:limit]]
    items = ServiceItem.objects.select_related("department").in_bulk(ids)
    return [items[pk] for pk in ids if pk in items]


# The page type that shows the catalogue lives in sites/ (hub never imports it); it registers here.
# It answers `lists(item)` and `item_url(item, request)`.
CATALOGUE_PAGE_TYPES = []


def register_catalogue_page(model):
    """Class decorator for the page type that shows the catalogue, so search results can link items to it."""
    CATALOGUE_PAGE_TYPES.append(model)
    return model


def catalogue_pages(department, locale):
    """The public catalogue pages of a site: those in the visitor's language first, then the Chinese ones."""
    chinese = Locale.get_default().pk
    found = []
    for model in CATALOGUE_PAGE_TYPES:
        pages = model.objects.live().public().filter(pages_q([department]), locale_id__in={locale.pk, chinese})
        found += sorted(pages, key=lambda page: (page.locale_id != locale.pk, page.path))
    return found


def item_links(items, department, locale, request=None):
    """[(item, url)]: each item on the visitor's site's catalogue if it lists it, else on the portal's."""
    if not items:
        return []
    sites = [department] if department is not None else []
    sites += [d for d in Department.objects.filter(kind=Department.Kind.PORTAL, is_online=True) if d != department]
    pages = [page for site in sites for page in catalogue_pages(site, locale)]
    links = []
    for item in items:
        page = next((page for page in pages if page.lists(item)), None)
        links.append((item, page.item_url(item, request) if page is not None else None))
    return links


def life_events_with_counts(departments=None):
    """Life events grouped by audience, each with how many published items it has."""
    condition = Q(items__is_published=True)
    if departments is not None:
        condition &= Q(items__department__in=departments)
    events = LifeEvent.objects.annotate(count=Count("items", filter=condition, distinct=True))
    grouped = {audience: [] for audience in Audience.values}
    for event in events:
        grouped[event.audience].append(event)
    return [(Audience(audience).label, audience, grouped[audience]) for audience in Audience.values]


def departments_with_counts(departments=None):
    """Departments that have published items, with their item counts, in department-bar order."""
    counts = dict(
        published_items(departments)
        .values_list("department_id")
        .annotate(n=Count("pk"))
        .values_list("department_id", "n")
    )
    found = Department.objects.filter(pk__in=counts).order_by("sort_order", "code")
    return [(department, counts[department.pk]) for department in found]

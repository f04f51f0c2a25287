"""Every outside link a tenant publishes, and where: live pages (every locale), friendly links,
service items' online addresses, feed sources of its columns and its site settings.

Pages are read with `hub.workflow.screening.content.extract`, the same reader the review checks use
(rich text, StreamField blocks, URL fields, inline children). An address is "outside" when it is
http(s) and its host is none of the group's own sites; the group's own addresses are the internal
link check's business and the probe's. Attachments are files the site serves itself, so they
carry no outside address; the directory's websites are the tenants' own sites.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Site

from hub.feeds.models import FeedSource
from hub.services.models import ServiceItem
from hub.tenancy.models import Department, FriendlyLink, SiteOptions
from hub.tenancy.scoping import pages_for, pages_q
from hub.workflow.screening.content import extract

from .models import LinkSource, OutsideLink

MAX_URL = 2000


@dataclass(frozen=True)
class Place:
    kind: str
    title: str
    field: str = ""
    public_url: str = ""
    edit_url: str = ""
    page_id: int | None = None


def own_hosts():
    hosts = set(Department.objects.values_list("hostname", flat=True))
    hosts |= set(Site.objects.values_list("hostname", flat=True))
    return {host.lower() for host in hosts}


def outside_address(href, own):
    """The address to check (without its #fragment), or None when it is not an outside http(s) link."""
    href = (href or "").strip()
    try:
        parts = urlsplit(href)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or host in own:
        return None
    address = urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))
    return address if len(address) <= MAX_URL else None


def _edit_url(instance):
    try:
        return AdminURLFinder().get_edit_url(instance) or ""
    except Exception:  # noqa: BLE001 — a model without an admin edit view has no link to fix it
        return ""


def find_links(department):
    """{address: [Place, …]} of every outside link the tenant publishes now."""
    own = own_hosts()
    found = defaultdict(list)

    def add(href, place):
        address = outside_address(href, own)
        if address and place not in found[address]:
            found[address].append(place)

    for page in pages_for(department).live().specific().iterator():
        content = extract(page)
        public = page.get_full_url() or ""
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        for link in content.links:
            add(link.href, Place(LinkSource.Kind.PAGE, page.title, link.label, public, edit, page.pk))

    for item in FriendlyLink.objects.filter(department=department):
        add(item.url, Place(LinkSource.Kind.FRIENDLY_LINK, item.title, "", "", _edit_url(item)))

    for item in ServiceItem.objects.filter(department=department, is_published=True).exclude(online_url=""):
        add(item.online_url, Place(LinkSource.Kind.SERVICE, item.title, "", "", _edit_url(item)))

    for source in FeedSource.objects.filter(pages_q([department], prefix="column__")):
        add(source.url, Place(LinkSource.Kind.FEED, source.name, "", "", _edit_url(source)))

    settings_edit = reverse("wagtailsettings:edit", args=["tenancy", "siteoptions", department.site_id])
    options = SiteOptions.objects.filter(site_id=department.site_id).first()
    if options and options.weibo_url:
        add(
            options.weibo_url,
            Place(LinkSource.Kind.SETTINGS, str(SiteOptions._meta.verbose_name), "weibo_url", "", settings_edit),
        )
    if department.party_gov_label_url:
        add(
            department.party_gov_label_url,
            Place(LinkSource.Kind.SETTINGS, department.name, "party_gov_label_url", "", _edit_url(department)),
        )
    return dict(found)


@transaction.atomic
def sync_links(department, now=None):
    """Store what `find_links` found: new links added, gone ones marked unpublished, places replaced.

    Returns the number of links published now. A link's check results are kept across syncs.
    """
    now = now or timezone.now()
    found = find_links(department)
    existing = {link.url: link for link in OutsideLink.objects.filter(department=department)}
    new = [
        OutsideLink(
            department=department,
            url=url,
            host=(urlsplit(url).hostname or "").lower(),
            first_seen_at=now,
            last_seen_at=now,
        )
        for url in found
        if url not in existing
    ]
    OutsideLink.objects.bulk_create(new)
    links = OutsideLink.objects.filter(department=department)
    links.filter(url__in=list(found)).update(published=True, last_seen_at=now)
    links.exclude(url__in=list(found)).update(published=False)
    LinkSource.objects.filter(link__department=department).delete()
    ids = dict(links.filter(url__in=list(found)).values_list("url", "pk"))
    LinkSource.objects.bulk_create(
        LinkSource(
            link_id=ids[url],
            kind=place.kind,
            page_id=place.page_id,
            title=place.title[:255],
            field=place.field[:255],
            public_url=place.public_url[:2000],
            edit_url=place.edit_url[:500],
        )
        for url, places in found.items()
        for place in places
    )
    return len(found)

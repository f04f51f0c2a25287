"""RSS 2.0 and Atom 1.0 feeds of a site or a column, built with Django's feed generator.

Django writes well-formed XML with RFC 822 dates in RSS and RFC 3339 dates in Atom, an atom:link
to the feed itself in RSS, and the feed-level author Atom requires.
"""

from django.apps import apps
from django.conf import settings
from django.utils import feedgenerator, timezone
from django.utils.html import strip_tags
from wagtail.models import Page

FORMATS = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
ITEM_COUNT = 30
# The date part of the tag: URIs that identify items (RFC 4151); fixed, so an item's id never changes.
TAG_DATE = "2024"
# RSS's <language> takes RFC 1766 codes; Atom's xml:lang takes the same.
FEED_LANGUAGES = {"zh-hans": "zh-cn", "ug": "ug", "ky": "ky", "en": "en"}


def feed_page_models():
    return [apps.get_model(label) for label in settings.HUB_FEED_PAGE_MODELS]


def feed_items(container, count=ITEM_COUNT):
    """The newest live, public pages of the listed types anywhere below a site root or column."""
    return list(
        Page.objects.live()
        .public()
        .descendant_of(container)
        .filter(locale_id=container.locale_id)
        .type(*feed_page_models())
        .select_related("locale")
        .specific()
        .order_by("-first_published_at", "-pk")[:count]
    )


def _description(page):
    summary = getattr(page, "summary", "") or getattr(page, "search_description", "")
    return strip_tags(summary) or page.title


def _category(page):
    subject = getattr(page, "subject", None) if getattr(page, "subject_id", None) else None
    return [subject.name] if subject else []


def build_feed(kind, *, container, department, request, feed_url):
    """A feedgenerator object (call .writeString("utf-8")) for a site root or a column."""
    site = department.site
    is_site = container.pk == site.root_page_id or container.depth == site.root_page.depth
    title = department.name if is_site else f"{container.title} - {department.name}"
    link = container.get_full_url(request) or site.root_url + "/"
    feed = FORMATS[kind](
        title=title,
        link=link,
        description=getattr(container, "summary", "") or f"{title}最新发布的信息",
        language=FEED_LANGUAGES.get(container.locale.language_code, container.locale.language_code),
        feed_url=feed_url,
        feed_guid=link,
        author_name=department.name,
        author_link=site.root_url + "/",
        ttl="60",
    )
    hostname = site.hostname
    for page in feed_items(container):
        # In the site's time zone (克州: +08:00), so a reader shows the day the page gives.
        published = timezone.localtime(page.first_published_at or page.last_published_at or timezone.now())
        updated = timezone.localtime(page.last_published_at) if page.last_published_at else published
        page_url = page.get_full_url(request)
        feed.add_item(
            title=page.title,
            link=page_url,
            description=_description(page),
            pubdate=published,
            updateddate=updated,
            # A tag URI stays the same when the page is moved or renamed, so readers do not show it twice.
            unique_id=f"tag:{hostname},{TAG_DATE}:page-{page.translation_key}",
            unique_id_is_permalink=False,
            categories=_category(page),
            author_name=getattr(page, "source", "") or department.name,
        )
    return feed

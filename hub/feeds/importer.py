"""Importing an outside feed into a column: one function for the command, the admin and the tests.

Items become pages of `settings.HUB_FEED_IMPORT_PAGE_MODEL`, which must have the fields title,
date, source, summary and a `body` StreamField with a "paragraph" rich-text block (the shared
article page has them). Each item keeps its source and its original date; an item whose key
(guid, id or link) was already imported into the column is skipped, so re-runs are idempotent.
"""

import hashlib
import html
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from .models import ImportedItem
from .parsing import FeedError, parse_feed

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 5 * 1024 * 1024
USER_AGENT = "PortalHub-FeedImporter/1.0"


@dataclass
class ImportResult:
    feed_url: str
    feed_title: str
    column: Page
    imported: list = field(default_factory=list)
    skipped: int = 0

    def summary(self):
        return (
            f"{self.feed_title or self.feed_url}: {len(self.imported)} imported, "
            f"{self.skipped} skipped (already imported) into {self.column.title} (page {self.column.pk})"
        )


def fetch(url, timeout=20):
    """The feed's bytes from an http(s) address, a file:// address or a local path; FeedError if unreachable."""
    parsed = urlparse(url)
    if parsed.scheme in ("http", "https"):
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
                data = response.read(MAX_FEED_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise FeedError(f"could not fetch {url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FeedError(f"could not reach {url}: {reason}") from exc
    elif parsed.scheme in ("file", ""):
        path = Path(parsed.path if parsed.scheme == "file" else url)
        try:
            with path.open("rb") as feed_file:
                data = feed_file.read(MAX_FEED_BYTES + 1)
        except OSError as exc:
            raise FeedError(f"could not read {url}: {exc.strerror or exc}") from exc
    else:
        raise FeedError(f"unsupported feed address {url!r}: use http(s)://, file:// or a path")
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"{url} is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    return data


def _page_model():
    return apps.get_model(settings.HUB_FEED_IMPORT_PAGE_MODEL)


def check_column(column):
    """The column's specific page, if imported items may be placed in it; FeedError otherwise."""
    column = column.specific
    column_model = apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)
    if not isinstance(column, column_model):
        raise FeedError(f"page {column.pk} ({column.title}) is not a column")
    if not _page_model().can_exist_under(column):
        raise FeedError(f"{_page_model()._meta.verbose_name} pages cannot be placed in {column.title}")
    return column


def _slug(item, date, taken):
    digest = hashlib.sha1(item.key.encode()).hexdigest()[:6]
    base = f"i{date:%Y%m%d}-{digest}"
    slug, serial = base, 1
    while slug in taken:
        serial += 1
        slug = f"{base}-{serial}"
    taken.add(slug)
    return slug


def _body(item, source):
    blocks = [("paragraph", RichText(f"<p>{html.escape(text)}</p>")) for text in item.paragraphs]
    if urlparse(item.link).scheme in ("http", "https"):
        link = html.escape(item.link, quote=True)
        blocks.append(("paragraph", RichText(f'<p>原文链接：<a href="{link}">{html.escape(source)}</a></p>')))
    return blocks


def import_feed(url, column, *, source_name="", publish=True, user=None, data=None):
    """Import a feed's new items into a column; FeedError (and no change at all) if it cannot be read.

    `data` lets a caller pass feed bytes it already has; otherwise they are fetched from `url`.
    """
    column = check_column(column)
    feed = parse_feed(fetch(url) if data is None else data)
    result = ImportResult(feed_url=url, feed_title=feed.title, column=column)
    source = source_name or feed.title
    fallback_time = feed.updated or timezone.now()
    model = _page_model()

    with transaction.atomic():
        known = set(
            ImportedItem.objects.filter(column=column, key__in=[item.key for item in feed.items]).values_list(
                "key", flat=True
            )
        )
        taken = set(Page.objects.child_of(column).values_list("slug", flat=True))
        # Oldest first, so pages are created in the order the outside source published them.
        for item in sorted(feed.items, key=lambda item: item.published or fallback_time):
            if item.key in known:
                result.skipped += 1
                continue
            known.add(item.key)
            published = item.published or fallback_time
            date = timezone.localtime(published).date()
            page = model(
                title=item.title[:255],
                slug=_slug(item, date, taken),
                locale_id=column.locale_id,
                date=date,
                source=source[:100],
                summary=item.summary,
                body=_body(item, source),
                first_published_at=published,
                owner=user,
                # A new page object is live by default; only publishing the revision may make it so.
                live=False,
            )
            column.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user, skip_permission_checks=True)
            ImportedItem.objects.create(
                column=column, key=item.key, feed_url=url[:500], link=item.link[:500], page=page
            )
            result.imported.append(page)
    logger.info("Feed import: %s", result.summary())
    return result

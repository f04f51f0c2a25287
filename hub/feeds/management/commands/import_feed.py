"""Import outside news feeds into columns; for cron. Ends with one summary line.

    manage.py import_feed https://example.org/rss.xml --column portal.localhost/zwxx
    manage.py import_feed --all          # every active feed source configured in the admin

Exit status 1 when any feed could not be imported; what that feed would have added is not added.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Page, Site

from hub.feeds.importer import import_feed
from hub.feeds.models import FeedSource
from hub.feeds.parsing import FeedError


def find_column(spec):
    """A column by page id, or by "<hostname>/<path>" such as portal.localhost/zwxx."""
    spec = spec.strip()
    if spec.isdigit():
        page = Page.objects.filter(pk=int(spec)).first()
        if page is None:
            raise CommandError(f"No page with id {spec}.")
        return page
    hostname, _slash, path = spec.partition("/")
    site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
    if site is None:
        raise CommandError(f"No site answers at {hostname!r}.")
    url_path = f"{site.root_page.url_path}{path.strip('/')}/" if path.strip("/") else site.root_page.url_path
    page = Page.objects.descendant_of(site.root_page, inclusive=True).filter(url_path=url_path).first()
    if page is None:
        raise CommandError(f"No page at {spec!r}.")
    return page


class Command(BaseCommand):
    help = "Import RSS 2.0 / RSS 1.0 / Atom feeds into columns, skipping items imported before."

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="feed address (http(s)://, file:// or a path)")
        parser.add_argument("--column", help="target column: a page id or <hostname>/<path>")
        parser.add_argument("--source", default="", help="source (来源) shown on items; default: the feed's title")
        parser.add_argument("--draft", action="store_true", help="leave imported items as drafts for review")
        parser.add_argument("--all", action="store_true", help="import every active feed source from the admin")

    def handle(self, *args, **options):
        if options["all"] == bool(options["url"]):
            raise CommandError("Give either a feed address with --column, or --all.")
        if options["all"]:
            jobs = [
                (source.url, source.column, source.source_name, source.publish, source)
                for source in FeedSource.objects.filter(is_active=True).select_related("column")
            ]
        else:
            if not options["column"]:
                raise CommandError("--column is required with a feed address.")
            jobs = [(options["url"], find_column(options["column"]), options["source"], not options["draft"], None)]

        imported = skipped = failed = 0
        for url, column, source_name, publish, feed_source in jobs:
            try:
                result = import_feed(url, column, source_name=source_name, publish=publish)
            except FeedError as exc:
                failed += 1
                message = f"{url}: FAILED, nothing imported: {exc}"
                self.stderr.write(message)
                self._record(feed_source, message)
                continue
            imported += len(result.imported)
            skipped += result.skipped
            self.stdout.write(result.summary())
            self._record(feed_source, result.summary())

        summary = (
            f"import_feed: {len(jobs)} feed{'s' if len(jobs) != 1 else ''}, {imported} items imported, "
            f"{skipped} skipped (already imported), {failed} failed"
        )
        if failed:
            raise CommandError(summary)
        self.stdout.write(summary)

    @staticmethod
    def _record(feed_source, message):
        if feed_source is not None:
            FeedSource.objects.filter(pk=feed_source.pk).update(last_run_at=timezone.now(), last_result=message[:500])

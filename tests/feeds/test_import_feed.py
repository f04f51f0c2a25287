"""Importing outside feeds into a column: source and date kept, re-runs import nothing, bad feeds change nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from hub.feeds.importer import import_feed
from hub.feeds.models import FeedSource, ImportedItem
from hub.feeds.parsing import FeedError
from sites.common.models import ArticlePage

pytestmark = pytest.mark.django_db


def column_spec(w):
    return f"{w.tenant.hostname}/gzdt/mtbd"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_feed", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def imported_pages(w):
    return ArticlePage.objects.child_of(w.import_column).order_by("date")


def test_importing_a_feed_twice_imports_nothing_the_second_time(w, feed_server):
    url = f"{feed_server}/newspaper.rss"
    out, _err = run(url, "--column", column_spec(w))
    assert "克孜勒苏日报: 3 imported, 0 skipped" in out
    assert (
        out.strip().splitlines()[-1] == "import_feed: 1 feed, 3 items imported, 0 skipped (already imported), 0 failed"
    )
    pages = list(imported_pages(w))
    assert [page.title for page in pages] == [
        "克州举办柯尔克孜族传统文化节",
        "阿图什无花果喜获丰收",
        "帕米尔高原迎来旅游旺季",
    ]
    assert all(page.live for page in pages)

    out, _err = run(url, "--column", column_spec(w))
    assert (
        out.strip().splitlines()[-1] == "import_feed: 1 feed, 0 items imported, 3 skipped (already imported), 0 failed"
    )
    assert imported_pages(w).count() == 3
    assert ImportedItem.objects.filter(column=w.import_column).count() == 3


def test_imported_items_keep_their_source_and_original_date(w, feed_server):
    import_feed(f"{feed_server}/newspaper.rss", w.import_column)
    page = imported_pages(w).get(title="帕米尔高原迎来旅游旺季")
    assert page.source == "克孜勒苏日报"
    assert page.date == datetime.date(2024, 5, 20)
    assert page.first_published_at == datetime.datetime(2024, 5, 20, 0, 30, tzinfo=datetime.UTC)
    # Outside markup becomes plain paragraphs: the script is gone, the text stays, the original is linked.
    text = " ".join(str(block.value) for block in page.body)
    assert "连日来，帕米尔高原游客数量持续增长。" in text and "各景区做好接待准备。" in text
    assert "alert" not in text and "<script" not in text
    assert 'href="http://news.example.test/2024/05/20/lvyou.html"' in text
    gmt = imported_pages(w).get(title="阿图什无花果喜获丰收")
    assert timezone.localtime(gmt.first_published_at).hour == 18  # 10:00 GMT is 18:00 in 克州's time zone


def test_an_item_without_a_guid_is_recognised_by_its_link(w, feed_server):
    import_feed(f"{feed_server}/newspaper.rss", w.import_column)
    item = ImportedItem.objects.get(page__title="克州举办柯尔克孜族传统文化节")
    assert item.key == "http://news.example.test/2024/05/15/wenhuajie.html"


def test_an_atom_feed_imports_with_a_given_source_name(w, feed_server, client):
    result = import_feed(f"{feed_server}/tv.atom", w.import_column, source_name="克州广播电视台")
    assert len(result.imported) == 2
    page = imported_pages(w).get(title="阿合奇县猎鹰文化展示活动举行")
    assert page.source == "克州广播电视台"
    assert page.date == datetime.date(2024, 5, 17)
    assert [str(block.value) for block in page.body][:2] == [
        "<p>猎鹰文化展示吸引众多游客。</p>",
        "<p>活动持续三天。</p>",
    ]
    html = client.get(page.relative_url(w.tenant.site), HTTP_HOST=w.tenant.hostname).content.decode()
    assert "阿合奇县猎鹰文化展示活动举行" in html and "克州广播电视台" in html


@pytest.mark.parametrize(
    "name, message",
    [
        ("malformed.rss", "not well-formed XML"),
        ("not_a_feed.html", "not well-formed XML"),
        ("not_a_feed.xml", "not an RSS or Atom feed"),
        ("bad_date.rss", "is not an RFC 822 date"),
        ("missing.rss", "HTTP 404"),
    ],
)
def test_a_bad_feed_gives_a_clear_error_and_changes_nothing(w, feed_server, name, message):
    pages_before = Page.objects.count()
    with pytest.raises(CommandError) as raised:
        run(f"{feed_server}/{name}", "--column", column_spec(w))
    assert "1 failed" in str(raised.value) and "0 items imported" in str(raised.value)
    with pytest.raises(FeedError, match=message):
        import_feed(f"{feed_server}/{name}", w.import_column)
    assert Page.objects.count() == pages_before
    assert not ImportedItem.objects.exists()


def test_an_unreachable_feed_gives_a_clear_error(w, closed_port_url, feed_server):
    with pytest.raises(FeedError, match="could not reach"):
        import_feed(closed_port_url, w.import_column)
    with pytest.raises(FeedError, match="HTTP 500"):
        import_feed(f"{feed_server}/error", w.import_column)
    assert not imported_pages(w).exists()


def test_all_configured_sources_run_from_cron_and_failures_are_recorded(w, feed_server):
    FeedSource.objects.create(name="克孜勒苏日报", url=f"{feed_server}/newspaper.rss", column=w.import_column)
    FeedSource.objects.create(name="克州电视台", url=f"{feed_server}/tv.atom", column=w.import_column, publish=False)
    FeedSource.objects.create(name="坏掉的源", url=f"{feed_server}/malformed.rss", column=w.import_column)
    FeedSource.objects.create(
        name="停用的源", url=f"{feed_server}/missing.rss", column=w.import_column, is_active=False
    )

    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_feed", "--all", stdout=out, stderr=err)
    assert str(raised.value) == "import_feed: 3 feeds, 5 items imported, 0 skipped (already imported), 1 failed"
    assert "malformed.rss: FAILED, nothing imported" in err.getvalue()
    assert imported_pages(w).count() == 5
    assert imported_pages(w).filter(live=False).count() == 2  # the TV source leaves drafts for review
    assert "FAILED" in FeedSource.objects.get(name="坏掉的源").last_result
    assert "2 imported" in FeedSource.objects.get(name="克州电视台").last_result


def test_the_target_must_be_a_column(w, feed_server):
    with pytest.raises(FeedError, match="is not a column"):
        import_feed(f"{feed_server}/newspaper.rss", w.tenant.site.root_page)
    with pytest.raises(CommandError, match="No page at"):
        run(f"{feed_server}/newspaper.rss", "--column", f"{w.tenant.hostname}/no-such-column")

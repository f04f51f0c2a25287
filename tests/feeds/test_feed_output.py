"""RSS 2.0 and Atom feeds per site and per column: valid, newest first, published pages only."""

import email.utils
import xml.etree.ElementTree as ET

import pytest

from hub.feeds.parsing import parse_feed
from hub.tenancy.models import Department

from .validation import ATOM, atom_problems, rss_problems

pytestmark = pytest.mark.django_db


def fetch(client, w, path):
    return client.get(path, HTTP_HOST=w.tenant.hostname)


@pytest.mark.parametrize("path", ["/feeds/rss.xml", "/feeds/gzdt/rss.xml", "/feeds/tzgg/rss.xml"])
def test_rss_feeds_are_valid_rss_2(w, client, path):
    response = fetch(client, w, path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss_problems(response.content) == []


@pytest.mark.parametrize("path", ["/feeds/atom.xml", "/feeds/gzdt/atom.xml", "/feeds/tzgg/atom.xml"])
def test_atom_feeds_are_valid_atom(w, client, path):
    response = fetch(client, w, path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert atom_problems(response.content) == []


def test_a_column_feed_lists_its_published_pages_newest_first_with_their_dates(w, client):
    channel = ET.fromstring(fetch(client, w, "/feeds/gzdt/rss.xml").content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["全州教育工作第3次调度会召开", "全州教育工作第2次调度会召开", "全州教育工作第1次调度会召开"]
    assert "尚未发布的稿件" not in titles
    assert "关于开展校园安全检查的通知" not in titles  # another column
    first = channel.find("item")
    assert email.utils.parsedate_to_datetime(first.findtext("pubDate")).date().isoformat() == "2024-05-03"
    assert first.findtext("description") == "调度会研究部署第3项重点工作。"
    assert first.findtext("category") == "科技、教育"
    assert first.findtext("link").startswith("http://dyjyj.localhost/gzdt/")
    assert "订阅教育局" in channel.findtext("title") and "工作动态" in channel.findtext("title")


def test_the_site_feed_covers_every_column(w, client):
    root = ET.fromstring(fetch(client, w, "/feeds/atom.xml").content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert "关于开展校园安全检查的通知" in titles and "全州教育工作第1次调度会召开" in titles
    assert root.findtext(f"{ATOM}author/{ATOM}name") == w.tenant.name


def test_our_own_feeds_read_back_through_the_importers_parser(w, client):
    for path in ("/feeds/rss.xml", "/feeds/atom.xml"):
        feed = parse_feed(fetch(client, w, path).content)
        assert len(feed.items) == 4
        assert all(item.published is not None for item in feed.items)


def test_pages_announce_their_feeds(w, client):
    home = fetch(client, w, "/").content.decode()
    assert 'type="application/rss+xml"' in home and 'href="/feeds/rss.xml"' in home
    column = fetch(client, w, "/gzdt/").content.decode()
    assert 'href="/feeds/gzdt/atom.xml"' in column


def test_unknown_columns_and_offline_sites_have_no_feeds(w, client):
    assert fetch(client, w, "/feeds/no-such-column/rss.xml").status_code == 404
    first_article_path = w.articles[0].url_path.split("/", 2)[2].strip("/")
    assert fetch(client, w, f"/feeds/{first_article_path}/rss.xml").status_code == 404  # not a column
    Department.objects.filter(pk=w.tenant.pk).update(is_online=False)
    assert fetch(client, w, "/feeds/rss.xml").status_code == 410

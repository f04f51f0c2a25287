"""sitemap.xml, robots.txt and the 网站地图 page of one tenant, through real routing and middleware."""

import re
import xml.etree.ElementTree as ET

import pytest

from hub.i18n.languages import set_published_languages
from hub.i18n.translating import translate
from hub.tenancy.onboarding import set_online

pytestmark = pytest.mark.django_db

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
LASTMOD = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")
URL_CHILDREN = {f"{{{SITEMAP_NS}}}{name}" for name in ("loc", "lastmod", "changefreq", "priority")}
LANGUAGES = {"zh-hans", "ug", "ky", "en", "x-default"}


def parse_sitemap(content):
    """The sitemap as {loc: {hreflang: href}}, after checking it against the sitemap 0.9 schema's rules.

    Without an XSD validator at hand the schema's constraints are checked one by one: the root is
    urlset in the sitemap namespace, every url has exactly one absolute loc, at most one lastmod in
    W3C date format, no element outside the schema and the xhtml namespace, and each alternate is an
    xhtml:link rel="alternate" with hreflang and href.
    """
    root = ET.fromstring(content)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    entries = {}
    for url in root:
        assert url.tag == f"{{{SITEMAP_NS}}}url"
        locs = url.findall(f"{{{SITEMAP_NS}}}loc")
        assert len(locs) == 1 and re.match(r"^https?://[^/]+/", locs[0].text), locs
        loc = locs[0].text
        assert len(loc) < 2048 and loc not in entries
        lastmods = url.findall(f"{{{SITEMAP_NS}}}lastmod")
        assert len(lastmods) == 1 and LASTMOD.match(lastmods[0].text), loc
        alternates = {}
        for child in url:
            if child.tag.startswith(f"{{{XHTML_NS}}}"):
                assert child.tag == f"{{{XHTML_NS}}}link" and child.get("rel") == "alternate"
                assert child.get("hreflang") in LANGUAGES and child.get("href").startswith("http")
                assert child.get("hreflang") not in alternates
                alternates[child.get("hreflang")] = child.get("href")
            else:
                assert child.tag in URL_CHILDREN, child.tag
        entries[loc] = alternates
    return entries


def rel(w, page):
    return page.relative_url(w.tenant.site)


def get_sitemap(client, tenant):
    response = client.get("/sitemap.xml", HTTP_HOST=tenant.hostname)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    return parse_sitemap(response.content)


def test_the_sitemap_lists_live_public_pages_in_every_published_language(w, client):
    entries = get_sitemap(client, w.tenant)
    base = f"http://{w.tenant.hostname}"
    assert f"{base}/" in entries and f"{base}/ug/" in entries
    assert w.article.full_url in entries and w.ug_article.full_url in entries
    assert rel(w, w.ug_article).startswith("/ug/")
    assert w.notices.full_url in entries  # Chinese only: listed, without alternates
    assert entries[w.notices.full_url] == {}
    text = " ".join(entries)
    for excluded in ("draft-piece", "private-piece", "neighbour-news", "ljwjw", "/en/", "/ky/"):
        assert excluded not in text


def test_hreflang_alternates_are_complete_both_ways(w, client):
    entries = get_sitemap(client, w.tenant)
    zh, ug = w.article.full_url, w.ug_article.full_url
    assert entries[zh] == {"zh-hans": zh, "ug": ug, "x-default": zh}
    assert entries[ug] == entries[zh]
    for loc, alternates in entries.items():
        for language, href in alternates.items():
            # Every alternate is itself listed, names the same set back, and the set names the page itself.
            assert href in entries and entries[href] == alternates, (loc, language)
        if alternates:
            assert loc in alternates.values()


def test_an_unpublished_language_is_not_listed_even_when_translated(w, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate(w.tenant.site.root_page, "en", {}, require_complete=False)
    base = f"http://{w.tenant.hostname}"
    assert f"{base}/en/" not in get_sitemap(client, w.tenant)
    set_published_languages(w.tenant, ["ug", "en"])
    entries = get_sitemap(client, w.tenant)
    assert f"{base}/en/" in entries and entries[f"{base}/"]["en"] == f"{base}/en/"
    set_published_languages(w.tenant, [])
    entries = get_sitemap(client, w.tenant)
    assert not any("/ug/" in loc or "/en/" in loc for loc in entries) and entries[f"{base}/"] == {}


def test_each_tenant_has_its_own_sitemap(w, client):
    entries = get_sitemap(client, w.other)
    assert any("neighbour-news" in loc for loc in entries)
    assert all(loc.startswith(f"http://{w.other.hostname}/") for loc in entries)
    assert not any("gzdt/" in loc and w.article.slug in loc for loc in entries)


def test_robots_points_at_the_tenants_sitemap(w, client):
    response = client.get("/robots.txt", HTTP_HOST=w.tenant.hostname)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: http://{w.tenant.hostname}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "User-agent: *" in lines


def test_an_offline_site_answers_gone_at_its_sitemap_robots_and_site_map(w, client):
    set_online(w.tenant, False)
    for path in ("/sitemap.xml", "/robots.txt", "/wzdt/", "/ug/wzdt/"):
        response = client.get(path, HTTP_HOST=w.tenant.hostname)
        assert response.status_code == 410, path
        assert w.article.title not in response.content.decode()
    assert client.get("/sitemap.xml", HTTP_HOST=w.other.hostname).status_code == 200


def test_the_site_map_page_lists_the_columns_in_each_published_language(w, client):
    chinese = client.get("/wzdt/", HTTP_HOST=w.tenant.hostname)
    assert chinese.status_code == 200
    html = chinese.content.decode()
    assert "网站地图" in html and f'href="{rel(w, w.news)}"' in html and f'href="{rel(w, w.notices)}"' in html
    assert "neighbour-news" not in html and 'dir="ltr"' in html
    uyghur = client.get("/ug/wzdt/", HTTP_HOST=w.tenant.hostname)
    assert uyghur.status_code == 200
    html = uyghur.content.decode()
    ug_news = w.news.get_translation(w.ug_article.locale)
    assert f'href="{rel(w, ug_news)}"' in html and "خىزمەت ھەرىكەتلىرى" in html
    assert 'dir="rtl"' in html and f'href="{rel(w, w.notices)}"' not in html  # 通知公告 is not translated
    assert "网站地图" not in html
    assert client.get("/en/wzdt/", HTTP_HOST=w.tenant.hostname).status_code == 404


def test_every_page_links_the_site_map_in_its_footer(w, client):
    for page, link in ((w.article, 'href="/wzdt/"'), (w.ug_article, 'href="/ug/wzdt/"')):
        path = rel(w, page)
        response = client.get(path, HTTP_HOST=w.tenant.hostname)
        assert response.status_code == 200 and link in response.content.decode(), path


def test_addresses_outside_any_tenant_have_no_sitemap(client):
    for path in ("/sitemap.xml", "/robots.txt", "/wzdt/"):
        assert client.get(path, HTTP_HOST="nobody.localhost").status_code in (404, 410), path


def test_every_page_links_the_national_error_report_platform_from_its_setting(w, client, settings):
    page = rel(w, w.ug_article)
    html = client.get(page, HTTP_HOST=w.tenant.hostname).content.decode()
    assert 'href="https://zfwzzc.www.gov.cn/"' in html
    settings.HUB_ERROR_REPORT_PLATFORM_URL = "https://zfwzzc.example.gov.cn/report/"
    html = client.get(rel(w, w.article), HTTP_HOST=w.tenant.hostname).content.decode()
    assert 'href="https://zfwzzc.example.gov.cn/report/"' in html and "我为政府网站找错" in html
    settings.HUB_ERROR_REPORT_PLATFORM_URL = ""
    html = client.get(rel(w, w.article), HTTP_HOST=w.tenant.hostname).content.decode()
    assert "zfwzzc" not in html and "我为政府网站找错" not in html

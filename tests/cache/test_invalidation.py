"""Every change shows at once on every page that shows it, through the page cache (issue: invalidation
must be complete). Each test warms the cache with every page that shows the thing (checking the second
fetch is a hit), changes it the way the admin does, and fetches every one of those pages again."""

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from hub.directory.models import DirectoryLeader
from hub.i18n.models import SiteLanguages
from hub.taxonomy.models import PageTopic, Topic
from hub.tenancy.models import Department
from hub.tenancy.onboarding import set_online
from hub.tenancy.owned import SiteOptions
from sites.common.models import ColumnIndexPage
from sites.portal.models.topics import TopicIndexPage
from tests import factories

from .conftest import fetch, stale, text, warm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def jyj(demo):
    return Department.objects.get(code="jyj")


@pytest.fixture
def portal(demo):
    return Department.objects.get(kind=Department.Kind.PORTAL)


def news_pages(department, portal):
    """Everything that lists a department's news: its home, the column, its feeds, the portal's home."""
    return [
        (department.hostname, "/"),
        (department.hostname, "/gzdt/"),
        (department.hostname, "/feeds/rss.xml"),
        (department.hostname, "/feeds/atom.xml"),
        (department.hostname, "/feeds/gzdt/rss.xml"),
        (portal.hostname, "/"),
    ]


def news(department, title):
    """Today's news item in a department's 工作动态, published."""
    return factories.make_article(factories.column(department, "gzdt"), title=title, date=timezone.localdate())


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_publishing_a_page_shows_it_on_its_column_home_feeds_and_the_portal(client, jyj, portal):
    pages = news_pages(jyj, portal)
    warm(client, pages)

    article = news(jyj, "全州中小学秋季开学工作会议召开")

    assert not stale(client, pages, present=["全州中小学秋季开学工作会议召开"])
    assert "全州中小学秋季开学工作会议召开" in text(client, jyj.hostname, article.relative_url(jyj.site))


def test_renaming_a_page_shows_the_new_title_everywhere(client, jyj, portal):
    article = news(jyj, "教育局召开党组会议")
    pages = news_pages(jyj, portal) + [(jyj.hostname, article.relative_url(jyj.site))]
    warm(client, pages)

    article.title = "教育局召开党组扩大会议"
    publish(article)

    assert not stale(client, pages, present=["教育局召开党组扩大会议"], absent=["教育局召开党组会议<"])


def test_unpublishing_and_deleting_a_page_take_it_off_every_page(client, jyj, portal):
    first = news(jyj, "职业教育活动周启动")
    second = news(jyj, "双语教育经验交流会")
    pages = news_pages(jyj, portal)
    url = first.relative_url(jyj.site)
    warm(client, pages + [(jyj.hostname, url)])

    first.unpublish()
    assert not stale(client, pages, absent=["职业教育活动周启动"])
    fetch(client, jyj.hostname, url, status=404)

    warm(client, pages)
    second.delete()
    assert not stale(client, pages, absent=["双语教育经验交流会"])


def test_moving_a_page_moves_it_between_column_lists(client, jyj, portal):
    article = news(jyj, "校园安全专项检查")
    target = factories.column(jyj, "tzgg")
    pages = [(jyj.hostname, "/gzdt/"), (jyj.hostname, "/tzgg/"), (jyj.hostname, "/feeds/gzdt/rss.xml")]
    warm(client, pages)

    article.move(target, pos="last-child")

    assert "校园安全专项检查" not in text(client, jyj.hostname, "/gzdt/")
    assert "校园安全专项检查" not in text(client, jyj.hostname, "/feeds/gzdt/rss.xml")
    assert "校园安全专项检查" in text(client, jyj.hostname, "/tzgg/")


def test_a_synced_copy_on_the_portal_follows_its_original(client, jyj, portal):
    article = news(jyj, "教育局报送信息原稿")
    portal_column = factories.column(portal, "zwxx")
    copy = article.create_alias(parent=portal_column)
    pages = [(portal.hostname, "/zwxx/"), (portal.hostname, copy.relative_url(portal.site))]
    warm(client, pages)

    article.title = "教育局报送信息修改稿"
    publish(article)

    assert not stale(client, pages, present=["教育局报送信息修改稿"], absent=["教育局报送信息原稿"])


def test_a_government_document_appears_in_both_disclosure_catalogues(client, jyj, portal):
    pages = [(jyj.hostname, "/xxgk/gkml/"), (portal.hostname, "/xxgk/gkml/")]
    warm(client, pages)

    factories.make_document(
        factories.column(jyj, "xxgk", "zcwj"), title="关于做好2026年义务教育招生工作的通知", date=timezone.localdate()
    )

    assert not stale(client, pages, present=["关于做好2026年义务教育招生工作的通知"])


def test_a_directory_edit_shows_on_the_portal_leaders_panel(client, portal):
    leader = DirectoryLeader.objects.filter(entry__department=portal).first()
    assert leader is not None
    pages = [(portal.hostname, "/")]
    warm(client, pages)

    leader.name = "阿不都热依木"
    leader.save()

    assert not stale(client, pages, present=["阿不都热依木"])


def test_a_taxonomy_edit_shows_on_the_portal_topic_pages(client, jyj, portal):
    index = TopicIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    topic = Topic.objects.filter(is_active=True).first()
    article = news(jyj, "专题新稿件：学前教育")
    index_url = index.relative_url(portal.site)
    pages = [(portal.hostname, index_url), (portal.hostname, f"{index_url}{topic.slug}/")]
    warm(client, pages)

    PageTopic.objects.create(page=article, topic=topic)
    publish(article)
    assert "专题新稿件：学前教育" in text(client, *pages[1])

    topic.name = "改名后的专题名称"
    topic.save()
    assert not stale(client, pages, present=["改名后的专题名称"])


def test_a_site_setting_drops_the_tenants_cached_pages(client, jyj, portal):
    warm(client, [(jyj.hostname, "/")])

    options = SiteOptions.for_site(jyj.site)
    options.mourning_mode = True
    options.save()

    assert fetch(client, jyj.hostname, "/")["X-Hub-Cache"] == "miss"


def test_switching_a_language_on_shows_it_in_the_language_links(client, demo):
    fgw = Department.objects.get(code="fgw")
    languages = SiteLanguages.objects.get(department=fgw)
    uyghur = Locale.objects.get(language_code="ug")
    languages.locales.remove(uyghur)
    pages = [(fgw.hostname, "/")]
    warm(client, pages)
    assert 'hreflang="ug"' not in text(client, fgw.hostname, "/")

    languages.locales.add(uyghur)

    assert 'hreflang="ug"' in text(client, fgw.hostname, "/")


def test_taking_a_site_offline_answers_410_and_leaves_the_portal(client, jyj, portal):
    news(jyj, "下线前的最后一条新闻")
    warm(client, [(jyj.hostname, "/"), (portal.hostname, "/")])

    set_online(jyj, False)

    fetch(client, jyj.hostname, "/", status=410)
    assert not stale(client, [(portal.hostname, "/")], absent=["下线前的最后一条新闻"])


def test_a_view_restriction_makes_the_page_private_at_once(client, jyj):
    article = factories.make_article(factories.column(jyj, "gzdt"), title="内部通知不公开")
    url = article.relative_url(jyj.site)
    warm(client, [(jyj.hostname, url)])

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(url, HTTP_HOST=jyj.hostname)
    assert response.status_code == 302
    assert "内部通知不公开" not in response.content.decode()


def test_a_new_column_shows_in_the_home_navigation(client, jyj):
    warm(client, [(jyj.hostname, "/")])

    factories.add_page(jyj.site.root_page, ColumnIndexPage, title="教育督导专栏", show_in_menus=True)

    assert "教育督导专栏" in text(client, jyj.hostname, "/")

"""What the page cache never keeps, and how it tells requests apart (hostname, path, query)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from sites.common.models import MailboxPage
from tests import factories

from .conftest import fetch, text, warm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def site():
    return factories.make_site()


@pytest.fixture
def article(site):
    return factories.make_article(factories.column(site, "gzdt"), title="缓存规则测试稿件")


def cache_status(client, host, path, **extra):
    return client.get(path, HTTP_HOST=host, **extra)["X-Hub-Cache"]


def test_an_anonymous_visitor_is_answered_from_the_cache_without_a_query(client, site, django_assert_num_queries):
    assert cache_status(client, site.hostname, "/") == "miss"
    with django_assert_num_queries(0):
        response = client.get("/", HTTP_HOST=site.hostname)
    assert response["X-Hub-Cache"] == "hit"
    assert site.name in response.content.decode()


def test_a_signed_in_user_never_gets_or_leaves_a_cached_page(client, site):
    warm(client, [(site.hostname, "/gzdt/")])
    editor = get_user_model().objects.create_user("cache_editor", password="x")
    client.force_login(editor)

    assert cache_status(client, site.hostname, "/gzdt/") == "pass"
    assert cache_status(client, site.hostname, "/") == "pass"

    client.logout()
    client.cookies.clear()
    # What the editor saw was not stored: the anonymous visitor's first look at / is rendered.
    assert cache_status(client, site.hostname, "/") == "miss"


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_a_personal_cookie_bypasses_the_cache(client, site, cookie):
    warm(client, [(site.hostname, "/")])
    client.cookies[cookie] = "x"
    assert cache_status(client, site.hostname, "/") == "pass"


def test_other_cookies_do_not_matter(client, site):
    warm(client, [(site.hostname, "/")])
    client.cookies["Hm_lvt_analytics"] = "1"
    assert cache_status(client, site.hostname, "/") == "hit"


def test_only_get_and_head_are_answered_from_the_cache(client, site):
    warm(client, [(site.hostname, "/")])
    assert client.head("/", HTTP_HOST=site.hostname)["X-Hub-Cache"] == "hit"
    assert client.post("/", HTTP_HOST=site.hostname)["X-Hub-Cache"] == "pass"


def test_not_found_is_not_kept_and_a_permanent_redirect_is(client, site):
    for _ in range(2):
        response = client.get("/no-such-page/", HTTP_HOST=site.hostname)
        assert response.status_code == 404
        assert response["X-Hub-Cache"] == "pass"
    first = client.get("/gzdt", HTTP_HOST=site.hostname)
    assert first.status_code == 301
    second = client.get("/gzdt", HTTP_HOST=site.hostname)
    assert (second.status_code, second["Location"], second["X-Hub-Cache"]) == (301, "/gzdt/", "hit")


def test_a_draft_is_never_shown_and_saving_it_keeps_the_cache(client, site, article):
    url = article.relative_url(site.site)
    warm(client, [(site.hostname, url)])

    article.title = "尚未发布的草稿标题"
    article.save_revision()

    response = client.get(url, HTTP_HOST=site.hostname)
    assert response["X-Hub-Cache"] == "hit"
    assert "尚未发布的草稿标题" not in response.content.decode()


def test_a_password_protected_page_is_never_cached(client, site, article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="mima")
    url = article.relative_url(site.site)
    for _ in range(2):
        response = client.get(url, HTTP_HOST=site.hostname)
        assert response["X-Hub-Cache"] == "pass"
        assert "缓存规则测试稿件" not in response.content.decode().split("</title>", 1)[-1]


def test_a_page_marked_private_by_its_view_is_not_cached(client, site, article, monkeypatch):
    from django.utils.cache import patch_cache_control

    original = type(article).serve

    def serve(self, request, *args, **kwargs):
        response = original(self, request, *args, **kwargs)
        patch_cache_control(response, private=True)
        return response

    monkeypatch.setattr(type(article), "serve", serve)
    url = article.relative_url(site.site)
    assert [cache_status(client, site.hostname, url) for _ in range(2)] == ["pass", "pass"]


def test_hostnames_are_kept_apart_and_spelled_one_way(client, site):
    other = factories.make_site()
    warm(client, [(site.hostname, "/")])

    assert cache_status(client, site.hostname.upper(), "/") == "hit"
    response = client.get("/", HTTP_HOST=other.hostname)
    assert response["X-Hub-Cache"] == "miss"
    # The department bar names every tenant; the one marked current is the hostname's own.
    assert f'aria-current="true" title="{other.name}"' in response.content.decode()
    # A hostname that is no tenant's is never cached (Wagtail may answer it with the default site).
    assert [cache_status(client, "nobody.localhost", "/") for _ in range(2)] == ["pass", "pass"]


def test_tracking_parameters_are_ignored_and_others_kept_apart(client, site):
    warm(client, [(site.hostname, "/gzdt/")])

    assert cache_status(client, site.hostname, "/gzdt/?utm_source=wechat&from_share=1") == "miss"
    assert cache_status(client, site.hostname, "/gzdt/?utm_source=weibo") == "hit"
    assert cache_status(client, site.hostname, "/gzdt/?page=2") == "miss"
    assert cache_status(client, site.hostname, "/gzdt/?" + "&".join(f"p{n}=1" for n in range(10))) == "pass"
    assert cache_status(client, site.hostname, "/gzdt/?q=" + "长" * 300) == "pass"


def test_admin_and_search_addresses_are_never_cached(client, site):
    for path in ("/search/?q=教育", "/admin/login/"):
        assert [cache_status(client, site.hostname, path) for _ in range(2)] == ["pass", "pass"], path


def test_form_pages_are_not_cached_and_keep_their_token(client, demo):
    """The letter form and the look-up form carry a CSRF token: the page is rendered for every visitor."""
    mailbox = MailboxPage.objects.live().first()
    site = mailbox.get_site()
    url = mailbox.relative_url(site)
    for _ in range(2):
        response = client.get(url, HTTP_HOST=site.hostname)
        assert response.status_code == 200
        assert response["X-Hub-Cache"] == "pass"
        assert "csrfmiddlewaretoken" in response.content.decode()
        client.cookies.clear()
    assert "csrfmiddlewaretoken" in text(client, site.hostname, url + "query/")
    assert fetch(client, site.hostname, url + "query/")["X-Hub-Cache"] == "pass"

"""A feed answers only in the languages its site publishes, and then with that language's items only."""

import pytest

from hub.i18n.languages import set_published_languages
from hub.i18n.translating import translate

pytestmark = pytest.mark.django_db

RSS = "application/rss+xml; charset=utf-8"
UYGHUR = {
    "克孜勒苏柯尔克孜自治州订阅教育局": "قىزىلسۇ قىرغىز ئاپتونوم ئوبلاستى مۇشتەرى مائارىپ ئىدارىسى",
    "工作动态": "خىزمەت ھەرىكەتلىرى",
    "全州教育工作第1次调度会召开": "پۈتۈن ئوبلاست مائارىپ خىزمىتى 1-قېتىملىق ئورۇنلاشتۇرۇش يىغىنى ئېچىلدى",
    "调度会研究部署第1项重点工作。": "يىغىندا 1-مۇھىم خىزمەت ئورۇنلاشتۇرۇلدى.",
}
UYGHUR_TITLE = UYGHUR["全州教育工作第1次调度会召开"]


@pytest.fixture
def uyghur_site(w, django_capture_on_commit_callbacks):
    """The tenant publishes Uyghur; its home, 工作动态 and the first article are translated."""
    set_published_languages(w.tenant, ["ug"])
    with django_capture_on_commit_callbacks(execute=True):
        for page in (w.tenant.site.root_page, w.news, w.articles[0]):
            translate(page, "ug", UYGHUR, require_complete=False)
    return w.tenant


@pytest.mark.parametrize(
    "path", ["/en/feeds/rss.xml", "/ug/feeds/atom.xml", "/ky/feeds/rss.xml", "/en/feeds/gzdt/rss.xml"]
)
def test_a_language_the_site_does_not_publish_has_no_feed(w, client, path):
    response = client.get(path, HTTP_HOST=w.tenant.hostname)
    assert response.status_code == 404
    assert "全州教育工作" not in response.content.decode()


def test_a_published_language_lists_only_its_own_items(uyghur_site, w, client):
    for path in ("/ug/feeds/rss.xml", "/ug/feeds/gzdt/rss.xml"):
        response = client.get(path, HTTP_HOST=uyghur_site.hostname)
        assert response.status_code == 200 and response["Content-Type"] == RSS
        text = response.content.decode()
        assert UYGHUR_TITLE in text and "<language>ug</language>" in text
        # The untranslated Chinese articles are not handed out under the Uyghur address.
        assert "全州教育工作第2次调度会召开" not in text and "全州教育工作第1次调度会召开" not in text
    chinese = client.get("/feeds/rss.xml", HTTP_HOST=uyghur_site.hostname).content.decode()
    assert "全州教育工作第2次调度会召开" in chinese and UYGHUR_TITLE not in chinese
    # English stays unpublished on this site, and a column not translated has no Uyghur feed.
    assert client.get("/en/feeds/rss.xml", HTTP_HOST=uyghur_site.hostname).status_code == 404
    assert client.get("/ug/feeds/tzgg/rss.xml", HTTP_HOST=uyghur_site.hostname).status_code == 404


def test_a_language_switched_off_loses_its_feed(uyghur_site, client):
    assert client.get("/ug/feeds/atom.xml", HTTP_HOST=uyghur_site.hostname).status_code == 200
    set_published_languages(uyghur_site, [])
    assert client.get("/ug/feeds/atom.xml", HTTP_HOST=uyghur_site.hostname).status_code == 404


def test_a_published_language_without_a_translated_home_has_no_feed(w, client):
    set_published_languages(w.tenant, ["en"])
    assert client.get("/en/feeds/rss.xml", HTTP_HOST=w.tenant.hostname).status_code == 404


def test_pages_under_an_unpublished_language_still_fall_back_to_chinese(w, client):
    # Only feeds opt out of the fallback: a page address keeps leading to the Chinese page.
    response = client.get("/en/gzdt/", HTTP_HOST=w.tenant.hostname)
    assert response.status_code == 302 and response["Location"].startswith("/gzdt/?untranslated=en")

"""Untranslated pages: hidden from a language's navigation, their address leads to the Chinese page with a notice."""

import pytest

from hub.i18n.languages import set_published_languages
from tests.i18n.conftest import MEMORY, translate_chain
from tests.i18n.pages import html_attributes, main_menu

pytestmark = pytest.mark.django_db

NOTICE = {"ug": "بۇ بەتنىڭ ئۇيغۇرچە نۇسخىسى", "ky": "بۇل بەتتىن قىرعىزچا نۇسقاسى", "en": "not available in English"}


@pytest.fixture
def half_translated(bare_site, publish_on_commit):
    """The site root and the 工作动态 column in Uyghur and Kyrgyz; the article still only in Chinese."""
    for language in ("ug", "ky"):
        publish_on_commit(translate_chain, [bare_site.department.site.root_page, bare_site.column], language)
    return bare_site


@pytest.mark.parametrize("language", ["ug", "ky"])
def test_an_untranslated_page_leads_to_the_chinese_page_with_a_notice_in_the_language_asked_for(
    client, half_translated, language
):
    host = half_translated.host

    response = client.get(f"/{language}/gzdt/gbdh/", HTTP_HOST=host)
    assert (response.status_code, response["Location"]) == (302, f"/gzdt/gbdh/?untranslated={language}")

    html = client.get(response["Location"], HTTP_HOST=host).content.decode()
    assert html_attributes(html) == {"lang": "zh-hans", "dir": "ltr"}
    assert "测试局召开干部大会" in html
    assert f'<aside class="untranslated-notice" lang="{language}" dir="rtl"' in html
    assert NOTICE[language] in html
    assert f'href="/{language}/" hreflang="{language}"' in html


def test_a_language_lists_only_its_translated_pages(client, half_translated):
    host = half_translated.host
    menu = main_menu(client.get("/ug/", HTTP_HOST=host).content.decode())
    assert MEMORY["ug"]["工作动态"] in menu
    assert "通知公告" not in menu
    assert "工作动态" not in menu

    column = client.get("/ug/gzdt/", HTTP_HOST=host).content.decode()
    assert "测试局召开干部大会" not in column


def test_a_language_the_site_does_not_publish_leads_to_chinese(client, half_translated):
    host = half_translated.host
    set_published_languages(half_translated.department, ["ky"])

    response = client.get("/ug/gzdt/?page=2", HTTP_HOST=host)
    assert (response.status_code, response["Location"]) == (302, "/gzdt/?page=2&untranslated=ug")
    html = client.get(response["Location"], HTTP_HOST=host).content.decode()
    assert NOTICE["ug"] in html
    assert 'href="/ug/"' not in html, "no link to a Uyghur home the site does not publish"
    assert client.get("/ky/gzdt/", HTTP_HOST=host).status_code == 200


def test_a_site_root_not_translated_yet_leads_to_chinese(client, bare_site):
    response = client.get("/en/", HTTP_HOST=bare_site.host)
    assert (response.status_code, response["Location"]) == (302, "/?untranslated=en")
    html = client.get(response["Location"], HTTP_HOST=bare_site.host).content.decode()
    assert NOTICE["en"] in html
    assert 'lang="en" dir="ltr"' in html


def test_an_address_with_no_chinese_page_either_is_not_found(client, half_translated):
    assert client.get("/ug/gzdt/no-such-page/", HTTP_HOST=half_translated.host).status_code == 404
    assert client.get("/no-such-page/", HTTP_HOST=half_translated.host).status_code == 404

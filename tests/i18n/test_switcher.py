"""The language switcher offers exactly the languages a page really has and its site publishes."""

import pytest

from hub.i18n.languages import set_published_languages
from tests.i18n.pages import switcher_links

pytestmark = pytest.mark.django_db


def test_every_switcher_link_leads_to_the_same_page_in_that_language(client, translated_site):
    host = translated_site.host
    translated_site.translations["ky"].unpublish()
    checked = 0
    for prefix in ("", "/ug", "/en"):
        for path in ("/", "/gzdt/", "/gzdt/gbdh/"):
            links = switcher_links(client.get(prefix + path, HTTP_HOST=host).content.decode())
            expected = {"zh-hans", "ug", "ky", "en"} if path != "/gzdt/gbdh/" else {"zh-hans", "ug", "en"}
            assert set(links) == expected, prefix + path
            for language, url in links.items():
                response = client.get(url, HTTP_HOST=host)
                assert response.status_code == 200, f"{prefix}{path} → {language}: {url}"
                checked += 1
    assert checked == 33


def test_the_switcher_leaves_out_languages_the_site_does_not_publish(client, translated_site):
    host = translated_site.host
    set_published_languages(translated_site.department, ["ug"])

    links = switcher_links(client.get("/gzdt/gbdh/", HTTP_HOST=host).content.decode())

    assert set(links) == {"zh-hans", "ug"}
    response = client.get("/en/gzdt/gbdh/", HTTP_HOST=host)
    assert (response.status_code, response["Location"]) == (302, "/gzdt/gbdh/?untranslated=en")


def test_a_page_in_one_language_only_has_no_switcher(client, bare_site):
    html = client.get("/gzdt/gbdh/", HTTP_HOST=bare_site.host).content.decode()
    assert switcher_links(html) == {}
    assert "language-links" not in html

"""Every language version of a page says which language it is in and which way it runs."""

import pytest

from tests.i18n.conftest import MEMORY
from tests.i18n.pages import html_attributes

pytestmark = pytest.mark.django_db

EXPECTED = [("", "zh-hans", "ltr"), ("/ug", "ug", "rtl"), ("/ky", "ky", "rtl"), ("/en", "en", "ltr")]


def test_each_language_version_carries_its_lang_and_direction(client, translated_site):
    host = translated_site.host
    for prefix, language, direction in EXPECTED:
        for path in ("/", "/gzdt/", "/gzdt/gbdh/"):
            response = client.get(prefix + path, HTTP_HOST=host)
            assert response.status_code == 200, prefix + path
            html = response.content.decode()
            assert html_attributes(html) == {"lang": language, "dir": direction}, prefix + path
        if language != "zh-hans":
            assert MEMORY[language]["测试局召开干部大会"] in html


def test_interface_text_follows_the_language(client, translated_site):
    """The theme's own words (search button, breadcrumb label) come from each language's catalogue."""
    host = translated_site.host
    chinese = client.get("/gzdt/gbdh/", HTTP_HOST=host).content.decode()
    assert "当前位置" in chinese
    for language in ("ug", "ky", "en"):
        html = client.get(f"/{language}/gzdt/gbdh/", HTTP_HOST=host).content.decode()
        assert "当前位置" not in html, language
        assert "搜索" not in html, language

"""Searching on /ug/ finds Uyghur pages; each language searches its own pages."""

import pytest

from tests.i18n.conftest import MEMORY

pytestmark = pytest.mark.django_db


def found(client, host, prefix, query):
    """{result title: address} of a public search."""
    data = client.get(f"{prefix}/search/api/", {"q": query}, HTTP_HOST=host).json()
    return {result["title"]: result["url"] for result in data["results"]}


def test_a_search_on_the_uyghur_site_finds_a_uyghur_word(client, translated_site):
    host = translated_site.host
    title = MEMORY["ug"]["测试局召开干部大会"]

    assert found(client, host, "/ug", "كادىرلار") == {title: f"http://{host}/ug/gzdt/gbdh/"}
    html = client.get("/ug/search/", {"q": "كادىرلار"}, HTTP_HOST=host).content.decode()
    assert "/ug/gzdt/gbdh/" in html
    assert '<html lang="ug" dir="rtl">' in html


def test_each_language_finds_only_its_own_pages(client, translated_site):
    host = translated_site.host
    assert found(client, host, "", "干部大会") == {"测试局召开干部大会": f"http://{host}/gzdt/gbdh/"}
    assert found(client, host, "/ky", "جىيىنىن") == {MEMORY["ky"]["测试局召开干部大会"]: f"http://{host}/ky/gzdt/gbdh/"}
    assert found(client, host, "/ky", "كادىرلار") == {}
    assert found(client, host, "/ug", "干部大会") == {}
    assert MEMORY["en"]["测试局召开干部大会"] in found(client, host, "/en", "meeting")

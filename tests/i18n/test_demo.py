"""The demo site group in four languages: real Uyghur and Kyrgyz in Arabic script, English, all live."""

import re

import pytest
from wagtail.models import Locale, Page

from fixtures.data import translations as data
from hub.i18n.models import SiteIdentity
from hub.tenancy.models import Department
from tests.i18n.pages import html_attributes, switcher_links

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u3400-\u9fff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Identifiers kept as they are in every language.
IDENTIFIERS = {"克政办发〔2026〕21号"}


def visible_text(page):
    """The translatable text of a page as saved: title, summary and body paragraphs."""
    parts = [page.title, getattr(page, "summary", "")]
    body = getattr(page, "body", None) or []
    parts += [str(block.value) for block in body]
    return re.sub(r"<[^>]+>", " ", " ".join(parts))


def demo_pages(language):
    locale = Locale.objects.get(language_code=language)
    pages = []
    for code, paths in data.PAGES.items():
        root = Department.objects.get(code=code).site.root_page
        for path in paths:
            page = root
            for slug in filter(None, path.split("/")):
                page = page.get_children().get(slug=slug)
            pages.append(page.specific.get_translation(locale).specific)
    return pages


@pytest.mark.parametrize("language", data.LANGUAGES)
def test_the_demo_pages_are_live_in_every_language_in_its_own_script(demo, language):
    pages = demo_pages(language)
    assert len(pages) == 10
    for page in pages:
        assert page.live, page.url_path
        text = visible_text(page)
        for identifier in IDENTIFIERS:
            text = text.replace(identifier, "")
        assert not HAN.search(text), f"{language} {page.url_path}: Chinese left in {text[:80]}"
        assert not CYRILLIC.search(text), f"{language} {page.url_path}"
        if language in ("ug", "ky"):
            assert len(ARABIC.findall(text)) > len(text) / 3, f"{language} {page.url_path}: not Arabic script"


def test_uyghur_and_kyrgyz_are_written_in_their_own_letters(demo):
    uyghur = " ".join(visible_text(page) for page in demo_pages("ug"))
    kyrgyz = " ".join(visible_text(page) for page in demo_pages("ky"))
    # Uyghur writes a word-initial vowel on a hamza seat; Xinjiang Kyrgyz gives ö and ü letters of their own.
    assert uyghur.count("ئ") > 50 and "ۅ" not in uyghur and "ۉ" not in uyghur
    assert kyrgyz.count("ۅ") > 10 and kyrgyz.count("ۉ") > 10 and "ئ" not in kyrgyz


def test_the_site_names_are_translated(demo):
    for code in data.SITES:
        for language in data.LANGUAGES:
            identity = SiteIdentity.objects.get(department__code=code, locale__language_code=language)
            assert not HAN.search(identity.name + identity.address), (code, language)


@pytest.mark.parametrize(("prefix", "language", "direction"), [("", "zh-hans", "ltr"), ("/ug", "ug", "rtl")])
def test_the_portal_page_about_the_prefecture_in_chinese_and_uyghur(client, demo, prefix, language, direction):
    portal = Department.objects.get(code="portal")
    response = client.get(f"{prefix}/zjkz/zqgk/", HTTP_HOST=portal.hostname)
    html = response.content.decode()
    assert response.status_code == 200
    assert html_attributes(html) == {"lang": language, "dir": direction}
    assert set(switcher_links(html)) == {"zh-hans", "ug", "ky", "en"}


def test_the_uyghur_portal_finds_a_uyghur_word_and_lists_only_uyghur_news(client, demo):
    portal = Department.objects.get(code="portal")
    data_ = client.get("/ug/search/api/", {"q": "ئەركەشتام"}, HTTP_HOST=portal.hostname).json()
    titles = [result["title"] for result in data_["results"]]
    assert titles and all(ARABIC.search(title) and not HAN.search(title) for title in titles)
    assert any("/ug/zwxx/zjwhy/" in result["url"] for result in data_["results"])

    home = client.get("/ug/", HTTP_HOST=portal.hostname).content.decode()
    assert "نورۇز" in home


def test_every_language_version_of_the_demo_answers(client, demo):
    checked = 0
    for code, paths in data.PAGES.items():
        host = Department.objects.get(code=code).hostname
        for prefix in ("", "/ug", "/ky", "/en"):
            for path in paths:
                address = f"{prefix}/{path}/" if path else f"{prefix}/"
                response = client.get(address, HTTP_HOST=host)
                assert response.status_code == 200, f"{host}{address}"
                checked += 1
    assert checked == 4 * 10
    assert Page.objects.filter(locale__language_code="ug", live=True).count() >= 10


def test_the_department_bar_names_sites_in_the_language_and_links_their_version_in_it(client, demo):
    portal = Department.objects.get(code="portal")
    fgw = Department.objects.get(code="fgw")
    bar = client.get("/ug/", HTTP_HOST=portal.hostname).content.decode().split('class="department-bar"')[1]

    fgw_name = SiteIdentity.objects.get(department=fgw, locale__language_code="ug").short_name
    assert f'href="http://{fgw.hostname}/ug/"' in bar and fgw_name in bar
    jyj = Department.objects.get(code="jyj")
    jyj_name = SiteIdentity.objects.get(department=jyj, locale__language_code="ug").short_name
    # No Uyghur site: the link leads to its Chinese home, the name is still in Uyghur.
    assert f'href="http://{jyj.hostname}/"' in bar and jyj_name in bar and jyj.short_name not in bar
    # Every site in the bar, named (and titled) in Uyghur.
    bar = bar.split("</nav>")[0]
    assert bar.count("<li>") == Department.objects.online().count() > 2
    assert not HAN.search(bar), bar

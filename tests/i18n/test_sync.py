"""When the Chinese source changes, its translations follow: at once for shared facts, after the translator for text."""

import datetime

import pytest
from wagtail.rich_text import RichText

from hub.i18n.translating import apply_memory, publish_translation, translation_of
from sites.common.models import ArticlePage
from tests.i18n.conftest import MEMORY

pytestmark = pytest.mark.django_db


def republish(page, **changes):
    page = ArticlePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def live(page):
    return ArticlePage.objects.get(pk=page.pk)


def test_a_changed_date_reaches_every_translation_at_once(translated_site):
    new_date = translated_site.article.date - datetime.timedelta(days=3)

    republish(translated_site.article, date=new_date)

    for language, translation in translated_site.translations.items():
        assert live(translation).date == new_date, language
        assert not live(translation).has_unpublished_changes, language


def test_changed_text_waits_for_the_translator_and_never_shows_chinese(client, translated_site):
    site = translated_site
    uyghur = site.translations["ug"]
    new_text = "测试局召开干部大会，总结上半年工作。"
    republish(site.article, body=[("paragraph", RichText(f"<p>{new_text}</p>"))])

    # The live Uyghur page keeps its translated text; the new Chinese sentence is not in it.
    html = client.get("/ug/gzdt/gbdh/", HTTP_HOST=site.host).content.decode()
    assert MEMORY["ug"]["测试局召开干部大会，部署全年重点工作。"] in html
    assert new_text not in html

    # The translator sees exactly the new sentence waiting.
    translation = translation_of(site.article, "ug")
    untranslated = [entry.msgid for entry in translation.export_po() if not entry.msgstr and not entry.obsolete]
    assert untranslated == [new_text]

    # Once it is translated and published, the new text is live.
    new_uyghur = "سىناق ئىدارىسى كادىرلار يىغىنى ئېچىپ، يىلنىڭ ئالدىنقى يېرىمىدىكى خىزمەتلەرگە يەكۈن چىقاردى."
    assert apply_memory(translation, {new_text: new_uyghur}).applied == 1
    publish_translation(translation)
    html = client.get("/ug/gzdt/gbdh/", HTTP_HOST=site.host).content.decode()
    assert new_uyghur in html
    assert live(uyghur).title == MEMORY["ug"]["测试局召开干部大会"]


def test_a_page_never_translated_is_not_touched(bare_site):
    page = republish(bare_site.article, title="测试局召开全体干部大会")
    assert page.get_translations().count() == 0

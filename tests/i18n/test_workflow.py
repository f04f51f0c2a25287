"""A Chinese page goes through wagtail-localize's workflow (submit, translate in a PO file, publish)."""

import pytest
from wagtail.models import Locale, Page

from hub.i18n.translating import submit, translate
from tests.i18n.conftest import MEMORY, translate_chain

pytestmark = pytest.mark.django_db

LANGUAGES = ["ug", "ky", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_translated_through_the_workflow_publishes_in_that_language(
    client, bare_site, publish_on_commit, language
):
    site = bare_site
    publish_on_commit(translate_chain, [site.department.site.root_page, site.column], language)
    address = f"/{language}/gzdt/gbdh/"

    # Submitted: a draft copy exists in the target language, the public does not see it yet.
    translation = publish_on_commit(submit, site.article, language)
    target = site.article.get_translation(Locale.objects.get(language_code=language))
    assert not target.live
    response = client.get(address, HTTP_HOST=site.host)
    assert response.status_code == 302
    assert response["Location"] == f"/gzdt/gbdh/?untranslated={language}"

    # The translator receives a PO file, fills it in, and it is imported.
    po = translation.export_po()
    assert {entry.msgid for entry in po} >= {"测试局召开干部大会", "会议部署了全年重点工作。"}
    for entry in po:
        entry.msgstr = MEMORY[language][entry.msgid]
    assert translation.import_po(po) == []
    total, translated = translation.get_progress()
    assert total == translated > 0

    # Published: the page answers in the language, in the translator's words only.
    publish_on_commit(translation.save_target, publish=True)
    target.refresh_from_db()
    assert target.live
    response = client.get(address, HTTP_HOST=site.host)
    html = response.content.decode()
    assert response.status_code == 200
    assert MEMORY[language]["测试局召开干部大会"] in html
    assert MEMORY[language]["测试局召开干部大会，部署全年重点工作。"] in html
    assert "测试局召开干部大会" not in html
    assert client.get("/gzdt/gbdh/", HTTP_HOST=site.host).status_code == 200


def test_shared_facts_follow_the_source_and_slugs_stay_the_same(bare_site, publish_on_commit):
    site = bare_site
    pages = publish_on_commit(translate_chain, [site.department.site.root_page, site.column, site.article], "ug")
    article = pages[-1].specific
    assert article.slug == site.article.slug == "gbdh"
    assert article.date == site.article.date
    assert article.kind == site.article.kind
    assert article.url_path.endswith("/gzdt/gbdh/")


def test_a_chinese_slug_survives_translation(bare_site, publish_on_commit):
    """Wagtail makes slugs from Chinese titles (WAGTAIL_ALLOW_UNICODE_SLUGS); translations must keep them."""
    site = bare_site
    site.article.slug = "干部大会"
    site.article.save_revision().publish()
    pages = publish_on_commit(translate_chain, [site.department.site.root_page, site.column, site.article], "ug")
    assert pages[-1].slug == "干部大会"
    assert Page.objects.get(pk=pages[-1].pk).live


def test_publishing_refuses_an_incomplete_translation(bare_site, publish_on_commit):
    site = bare_site
    publish_on_commit(translate_chain, [site.department.site.root_page, site.column], "ky")
    partial = {"测试局召开干部大会": MEMORY["ky"]["测试局召开干部大会"]}
    with pytest.raises(ValueError, match="No ky translation"):
        publish_on_commit(translate, site.article, "ky", partial)
    assert not site.article.get_translations().filter(locale__language_code="ky", live=True).exists()

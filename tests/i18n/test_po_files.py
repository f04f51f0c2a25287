"""One PO file per site and language for outside translators: export, fill in, import, publish."""

import polib
import pytest
from django.core.management import call_command

from hub.i18n.languages import set_published_languages
from hub.i18n.po import WrongFile, export_po, import_po
from hub.i18n.translating import submit
from tests import factories
from tests.i18n.conftest import MEMORY, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(bare_site):
    """Root, column and article submitted for Kyrgyz translation; nothing translated yet."""
    for page in (bare_site.department.site.root_page, bare_site.column, bare_site.article):
        submit(page, "ky")
    return bare_site


def fill(po, language):
    """What the translator sends back (another site's strings get a stand-in translation)."""
    for entry in po:
        entry.msgstr = MEMORY[language].get(entry.msgid, "باشقا سايت")
    return po


def test_the_export_holds_every_string_of_the_site_once_per_place_and_names_the_page(submitted):
    po = export_po(submitted.department, "ky")

    assert po.metadata["X-PortalHub-Site"] == submitted.department.code
    assert po.percent_translated() == 0
    assert {entry.msgid for entry in po} == set(MEMORY["ky"])
    assert any("/gzdt/gbdh/" in entry.comment for entry in po)
    assert len({entry.msgctxt for entry in po}) == len(po)


def test_importing_the_translators_file_publishes_the_translations(client, submitted):
    po = polib.pofile(str(fill(export_po(submitted.department, "ky"), "ky")))

    result = import_po(po, submitted.department, "ky", publish=True)

    assert (result.translations, result.strings, result.warnings) == (3, len(po), [])
    assert len(result.published) == 3
    html = client.get("/ky/gzdt/gbdh/", HTTP_HOST=submitted.host).content.decode()
    assert MEMORY["ky"]["测试局召开干部大会，部署全年重点工作。"] in html


def test_a_file_only_touches_its_own_site(submitted):
    other = factories.make_site(short_name="他局")
    set_published_languages(other, ["ky"])
    _column, other_article = make_article(other)
    submit(other.site.root_page, "ky")
    own = fill(export_po(submitted.department, "ky"), "ky")
    theirs = fill(export_po(other, "ky"), "ky")

    with pytest.raises(WrongFile):
        import_po(theirs, submitted.department, "ky")

    # Another site's messages smuggled into this site's file are ignored, with a warning.
    for entry in theirs:
        own.append(entry)
    result = import_po(own, submitted.department, "ky")
    assert result.translations == 3
    assert len(result.warnings) == 1 and "unknown translation" in result.warnings[0]
    assert export_po(other, "ky").percent_translated() == 0


def test_the_commands_round_trip(tmp_path, submitted, capsys):
    path = tmp_path / "ky.po"
    call_command("export_translations", submitted.department.code, "ky", output=str(path))
    fill(polib.pofile(str(path)), "ky").save(str(path))

    call_command("import_translations", submitted.department.code, "ky", str(path), publish=True)

    assert "3 published" in capsys.readouterr().out
    assert submitted.article.get_translations().filter(locale__language_code="ky", live=True).exists()

"""Interface text in Uyghur, Kyrgyz and English: the theme's and the public site's messages, and Django's own."""

import datetime
import gettext
import re
from pathlib import Path

import polib
import pytest
from django import forms
from django.conf import settings
from django.utils import formats, translation

from hub.i18n.kyrgyz import to_arabic

BASE = Path(settings.BASE_DIR)
LANGUAGES = ["ug", "ky", "en"]
HAN = re.compile(r"[\u3400-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
# Project sources whose messages the public sees (forms, search, fallback notice, offline page,
# choices shown on public pages); the rest of hub/ is the admin, in Chinese.
PUBLIC_SOURCES = (
    "search/templates/search/search_page.html",
    "search/templates/search/includes/",
    "search/conf.py",
    "i18n/",
    "tenancy/templates/tenancy/site_offline.html",
    "interaction/antispam.py",
    "interaction/forms.py",
    "interaction/uploads.py",
    "interaction/letters.py",
    "interaction/models/letters.py",
    "interaction/models/disclosure.py",
    "services/forms.py",
    "services/models.py",
    "directory/models.py",
)
# Identifiers quoted as they are (an example document number).
KEPT = re.compile(r"克政发〔2024〕1号")


def catalogue(folder, language):
    return polib.pofile(str(BASE / folder / "locale" / language / "LC_MESSAGES" / "django.po"))


def is_public(entry):
    chinese = HAN.search(re.sub(r"\([^)]*\)", "", entry.msgid)) and not re.search(r"[A-Za-z]{3,}", entry.msgid)
    return chinese and any(path.startswith(PUBLIC_SOURCES) for path, _line in entry.occurrences)


def texts(entry):
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_theme_and_public_message_is_translated_in_the_right_script(language):
    entries = list(catalogue("themes", language)) + [e for e in catalogue("hub", language) if is_public(e)]
    assert len(entries) > 300
    for entry in entries:
        assert entry.translated() and "fuzzy" not in entry.flags, f"{language}: {entry.msgid!r} not translated"
        for text in texts(entry):
            text = KEPT.sub("", text)
            assert not HAN.search(text), f"{language}: {entry.msgid!r} → {text!r}"
            assert not CYRILLIC.search(text), f"{language}: {entry.msgid!r} → {text!r}"
            if language != "en" and len(entry.msgid) > 2 and entry.msgid not in ("Y年n月j日", "至"):
                assert ARABIC.search(text), f"{language}: {entry.msgid!r} → {text!r} is not in Arabic script"


@pytest.mark.parametrize("folder", ["themes", "hub", "hub/i18n/catalogues"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogues_match_their_sources(folder, language):
    locale = BASE / folder / ("" if folder.endswith("catalogues") else "locale")
    po_path = locale / language / "LC_MESSAGES" / "django.po"
    if not po_path.exists():
        assert folder.endswith("catalogues") and language != "ky"
        return
    compiled = gettext.GNUTranslations(open(po_path.with_suffix(".mo"), "rb"))
    for entry in polib.pofile(str(po_path)).translated_entries():
        if not entry.msgid_plural:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            assert compiled._catalog.get(key) == entry.msgstr, f"{po_path}: {entry.msgid!r} compiled differently"


def test_djangos_own_kyrgyz_messages_are_in_arabic_script():
    with translation.override("ky"):
        field = forms.CharField()
        with pytest.raises(forms.ValidationError) as error:
            field.clean("")
        message = error.value.messages[0]
        month = translation.gettext("January")
        date = formats.date_format(datetime.date(2026, 11, 27))
    assert ARABIC.search(message) and not CYRILLIC.search(message), message
    assert month == "يانۋار"
    assert date == "2026-11-27"
    with translation.override("ug"):
        assert ARABIC.search(translation.gettext("This field is required."))


@pytest.mark.parametrize(
    ("cyrillic", "arabic"),
    [
        # The prefecture's own name as the prefecture writes it.
        ("Кызылсуу Кыргыз аптоном обласы", "قىزىلسۇۇ قىرعىز اپتونوم وبلاسى"),
        # k and g: back letters beside a, o, u, y; front letters elsewhere.
        ("кагаз", "قاعاز"),
        ("көк бөрү", "كۅك بۅرۉ"),
        ("жүктөө", "جۉكتۅۅ"),
        # Placeholders, tags and Latin terms stay; punctuation becomes Arabic.
        ("Бул талаа, %(name)s?", "بۇل تالاا، %(name)s؟"),
        ('<a href="%(url)s/">сайт</a>', '<a href="%(url)s/">سايت</a>'),
        ("CSRF текшерүү", "CSRF تەكشەرۉۉ"),
    ],
)
def test_kyrgyz_is_written_in_xinjiang_arabic_script(cyrillic, arabic):
    assert to_arabic(cyrillic) == arabic

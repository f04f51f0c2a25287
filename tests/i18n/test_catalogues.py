"""Interface text in Uyghur, Kyrgyz and English: every message of our own code, and Django's own."""

import datetime
import gettext
import re
from pathlib import Path

import polib
import pytest
from django import forms
from django.conf import settings
from django.utils import formats, translation

from hub.i18n import chinese
from hub.i18n.kyrgyz import to_arabic

from .messages import hidden_in_fstrings, missing_translations, source_messages

BASE = Path(settings.BASE_DIR)
LANGUAGES = ["ug", "ky", "en"]
HAN = re.compile(r"[\u3400-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
# Every folder of our own code and its catalogue folder (themes and sites/* are apps, found by Django
# as such; hub/locale is in LOCALE_PATHS).
SOURCES = ["hub", "themes", "sites/common", "sites/portal", "sites/department"]
# Kept as they are: an example document number, and keywords of the wording-list file syntax.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|<[^>]*>")
KEPT = re.compile(r"克政发〔2024〕1号|<code>[^<]*</code>")


def catalogue(folder, language):
    return polib.pofile(str(BASE / folder / "locale" / language / "LC_MESSAGES" / "django.po"))


def texts(entry):
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


@pytest.mark.parametrize("folder", SOURCES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_our_code_has_a_translation(folder, language):
    """A string marked in a template or in Python but missing (or fuzzy) in the catalogue fails here.

    English message ids (app and model names) need no English entry: gettext shows them as they are.
    """
    missing = missing_translations(BASE / folder, catalogue(folder, language), english_as_is=language == "en")
    assert not missing, (
        f"{language}: {len(missing)} messages untranslated, run makemessages and translate:\n" + "\n".join(missing[:40])
    )


@pytest.mark.parametrize("folder", SOURCES)
def test_no_message_is_marked_inside_an_f_string(folder):
    """makemessages (xgettext) does not read inside f-strings: such a message is never translated."""
    assert not hidden_in_fstrings(BASE / folder)


def test_a_new_message_is_reported_until_it_is_translated(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text(
        '{% load i18n %}<h1>{% translate "首页" %}</h1><p>{% translate "这一句还没有译文" %}</p>'
        '{% blocktranslate context "按钮" with n=3 %}新的{{ n }}条{% endblocktranslate %}'
        '{{ value|yesno:_("有新消息,无新消息") }}',
        encoding="utf-8",
    )
    (tmp_path / "forms.py").write_text(
        "from django.utils.translation import gettext_lazy as _, pgettext\n"
        'LABEL = _("新增的表单标签")\nBUTTON = pgettext("按钮", "首页")\nNAME = _(f"{1}")\n'
        "NOTE = f\"{_('看不见的')}\"\n",
        encoding="utf-8",
    )
    messages = source_messages(tmp_path)
    assert set(messages) == {
        (None, "首页"),
        (None, "这一句还没有译文"),
        ("按钮", "新的%(n)s条"),
        (None, "有新消息,无新消息"),
        (None, "新增的表单标签"),
        ("按钮", "首页"),
    }
    missing = missing_translations(tmp_path, catalogue("themes", "ug"))
    # 首页 is translated in the theme; the others, and 首页 in another context, are not.
    assert len(missing) == 5 and not any(line.endswith("'首页'") for line in missing), missing
    assert hidden_in_fstrings(tmp_path) == ["forms.py:5: '看不见的'"]


@pytest.mark.parametrize("folder", SOURCES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_in_the_right_script(folder, language):
    assert len(catalogue(folder, language)) > 0
    # English message ids need no English entry (see above).
    entries = [
        entry
        for entry in catalogue(folder, language)
        if not entry.obsolete and (language != "en" or HAN.search(entry.msgid) or entry.translated())
    ]
    for entry in entries:
        assert entry.translated() and "fuzzy" not in entry.flags, f"{language}: {entry.msgid!r} not translated"
        for text in texts(entry):
            text = KEPT.sub("", text)
            assert not HAN.search(text), f"{language}: {entry.msgid!r} → {text!r}"
            assert not CYRILLIC.search(text), f"{language}: {entry.msgid!r} → {text!r}"
            words = PLACEHOLDER.sub("", entry.msgid)
            if (
                language != "en"
                and (HAN.search(words) and len(words) > 2 or re.search(r"[A-Za-z]{3,}", words))
                and entry.msgid not in ("Y年n月j日", "至")
            ):
                assert ARABIC.search(text), f"{language}: {entry.msgid!r} → {text!r} is not in Arabic script"


@pytest.mark.parametrize("folder", [*SOURCES, "hub/i18n/catalogues"])
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


# The Chinese supplement (hub/i18n/catalogues/zh_Hans): upstream messages Wagtail & co. leave untranslated.
FORMAT_PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}")


@pytest.mark.parametrize("domain", chinese.DOMAINS)
def test_the_chinese_supplement_has_every_upstream_message_left_untranslated(domain):
    """Fails after an upgrade brings new messages: run manage.py build_chinese_catalogue and translate them."""
    result = chinese.build(domain, write=False)
    assert sum(result.per_app.values()) > 0
    assert not result.untranslated and not result.dropped, (
        f"{len(result.untranslated)} to translate, {result.dropped} no longer needed: {result.untranslated[:20]}"
    )


@pytest.mark.parametrize("domain", chinese.DOMAINS)
def test_the_chinese_supplement_keeps_placeholders_and_is_compiled(domain):
    po_path = chinese.catalogue_path(domain)
    compiled = gettext.GNUTranslations(open(po_path.with_suffix(".mo"), "rb"))
    for entry in polib.pofile(str(po_path)):
        assert entry.translated() and "fuzzy" not in entry.flags, entry.msgid
        for text in texts(entry):
            expected = set(FORMAT_PLACEHOLDER.findall(entry.msgid)) | set(
                FORMAT_PLACEHOLDER.findall(entry.msgid_plural)
            )
            assert set(FORMAT_PLACEHOLDER.findall(text)) <= expected, f"{entry.msgid!r} → {text!r}"
            if not entry.msgid_plural:
                assert set(FORMAT_PLACEHOLDER.findall(entry.msgid)) <= set(FORMAT_PLACEHOLDER.findall(text)), text
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 2) == entry.msgstr_plural[0]
        else:
            assert compiled._catalog.get(key) == entry.msgstr, f"{po_path}: {entry.msgid!r} compiled differently"


def test_wagtails_messages_read_in_chinese():
    with translation.override("zh-hans"):
        assert translation.gettext("Saved") == "已保存"
        assert translation.gettext("Search all pages…") == "搜索全部页面…"
        slug = translation.gettext("The slug '%(page_slug)s' is already in use within the parent page.")
        assert slug % {"page_slug": "gzdt"} == "缩略名“gzdt”已被同一父页面下的其他页面使用。"
        deleted = translation.ngettext(
            "%(num_parent_objects)d page has been deleted", "%(num_parent_objects)d pages have been deleted", 3
        )
        assert deleted % {"num_parent_objects": 3} == "已删除 3 个页面"

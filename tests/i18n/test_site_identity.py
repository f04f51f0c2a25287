"""The site's own name is a translatable snippet: translated like a page, shown in the header in each language."""

import pytest

from hub.i18n.context_processors import localized_department
from hub.i18n.models import SiteIdentity
from hub.i18n.translating import translate, translation_of
from hub.tenancy.models import Department

pytestmark = pytest.mark.django_db

UYGHUR_NAME = "قىزىلسۇ قىرغىز ئاپتونوم ئوبلاستى سىناق ئىدارىسى"


def identity(department):
    return SiteIdentity.objects.get(department=department, locale__language_code="zh-hans")


def translate_identity(department):
    chinese = identity(department)
    memory = {
        chinese.name: UYGHUR_NAME,
        chinese.short_name: "سىناق ئىدارىسى",
        chinese.sponsor: UYGHUR_NAME,
        chinese.organizer: "قىزىلسۇ ئوبلاستلىق ئېلېكترونلۇق ھۆكۈمەت مەركىزى",
    }
    return translate(chinese, "ug", memory, require_complete=False)[0]


def test_the_chinese_identity_follows_the_department(translated_site):
    department = translated_site.department
    assert identity(department).name == department.name

    department.name = "克孜勒苏柯尔克孜自治州测试管理局"
    department.save()

    assert identity(department).name == "克孜勒苏柯尔克孜自治州测试管理局"


def test_the_translated_name_heads_the_pages_in_that_language_only(client, translated_site):
    department = translated_site.department
    translate_identity(department)

    uyghur = client.get("/ug/gzdt/gbdh/", HTTP_HOST=translated_site.host).content.decode()
    chinese = client.get("/gzdt/gbdh/", HTTP_HOST=translated_site.host).content.decode()
    english = client.get("/en/gzdt/gbdh/", HTTP_HOST=translated_site.host).content.decode()

    assert f'<span class="site-title__name">{UYGHUR_NAME}</span>' in uyghur
    assert f'<span class="site-title__name">{department.name}</span>' in chinese
    assert f'<span class="site-title__name">{department.name}</span>' in english, "no English name: Chinese"


def test_a_renamed_department_waits_for_its_translator(translated_site):
    department = translated_site.department
    translate_identity(department)

    department.name = "克孜勒苏柯尔克孜自治州测试管理局"
    department.save()

    assert SiteIdentity.objects.get(department=department, locale__language_code="ug").name == UYGHUR_NAME
    translation = translation_of(identity(department), "ug")
    waiting = [entry.msgid for entry in translation.export_po() if not entry.msgstr and not entry.obsolete]
    assert "克孜勒苏柯尔克孜自治州测试管理局" in waiting


def test_the_department_shown_in_templates_cannot_be_saved(translated_site):
    shown = localized_department(translated_site.department, "ug")
    with pytest.raises(TypeError):
        shown.save()
    assert Department.objects.get(pk=shown.pk).name == translated_site.department.name

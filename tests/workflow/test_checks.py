"""The automatic checks: wording from the word lists, links, images, attachments, disclosure metadata."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.rich_text import RichText

from hub.workflow.screening import wording, wordlists
from hub.workflow.screening.runner import run_checks
from sites.common.models import AppointmentNoticePage, ArticlePage, GovernmentDocumentPage
from tests import factories

from .conftest import draft_article, draft_document


def found(page, grade=None):
    return [(f.category, f.rule, f.matched) for f in run_checks(page) if grade is None or f.grade == grade]


def messages(page, grade=None):
    return [f.message for f in run_checks(page) if grade is None or f.grade == grade]


# Wording


def test_shipped_word_lists_are_well_formed():
    lists, version = wordlists.load()
    assert {wl.name for wl in lists} >= {"prohibited", "wording", "sensitive", "exceptions"}
    assert all(not wl.errors for wl in lists), [(wl.name, wl.errors) for wl in lists]
    assert sum(len(wl.entries) for wl in lists) > 60
    assert len(version) == 16


def test_the_list_format():
    parsed = wordlists.parse(
        "@名称 测试\n@级别 提示\n# 注释\n做为 => 作为 | 说明\nre:二○|○二 => 〇\n只有写法\n",
        "t",
    )
    assert (parsed.title, parsed.grade, parsed.errors) == ("测试", "advisory", [])
    assert [(e.term, e.suggestion, e.note) for e in parsed.entries] == [
        ("做为", "作为", "说明"),
        ("re:二○|○二", "〇", ""),  # a bare "|" belongs to the regular expression
        ("只有写法", "", ""),
    ]
    broken = wordlists.parse("@级别 很严重\nre:([ => x\n => 只有建议\n做为\n做为\n", "t")
    assert [number for number, _message in broken.errors] == [1, 2, 3, 5]


def test_matches_are_found_in_context_and_exceptions_respected():
    lists, _version = wordlists.load()
    text = "北朝鲜卑族的历史与北朝鲜不同；截止目前，二○二四年"
    matches = [(wl.name, entry.term, text[start:end]) for wl, entry, start, end in wording.find_in_text(text, lists)]
    assert ("prohibited", "北朝鲜", "北朝鲜") in matches
    assert len([m for m in matches if m[1] == "北朝鲜"]) == 1  # not inside 北朝鲜卑
    assert ("wording", "截止目前", "截止目前") in matches
    assert any(m[0] == "wording" and m[2] == "○" for m in matches)


def test_wording_findings_in_every_text_field(w):
    page = draft_article(
        w.column,
        text="各族群众在新疆维吾尔族自治区团结奋进。",
        title="截止目前全州教育工作进展",
        summary="其它工作同步推进。",
    )
    findings = {(f.matched, f.grade, f.field) for f in run_checks(page) if f.category == "wording"}
    title = str(Page._meta.get_field("title").verbose_name)
    summary = str(ArticlePage._meta.get_field("summary").verbose_name)
    assert {(m, g) for m, g, _field in findings} == {
        ("截止目前", "must_fix"),
        ("新疆维吾尔族自治区", "must_fix"),
        ("其它", "advisory"),
    }
    assert ("截止目前", "must_fix", title) in findings
    assert ("其它", "advisory", summary) in findings


# Links, images, attachments


def test_broken_internal_links_are_must_fix(w):
    live_target = factories.make_article(w.column, title="已发布的目标")
    unpublished = draft_article(w.column, title="未发布的目标")
    deleted = factories.make_article(w.column, title="将被删除")
    deleted_id = deleted.pk
    deleted.delete()
    html = (
        f'<p><a linktype="page" id="{live_target.pk}">好链接</a>'
        f'<a linktype="page" id="{unpublished.pk}">未发布</a>'
        f'<a linktype="page" id="{deleted_id}">已删除</a>'
        f'<a href="{live_target.url}">路径好链接</a>'
        f'<a href="/gzdt/no-such-page/">路径坏链接</a>'
        f'<a href="http://{w.other.hostname}/no-such-page/">他站坏链接</a>'
        f'<a href="http://{w.other.hostname}/">他站首页</a>'
        '<a href="https://www.gov.cn/">外部链接</a></p>'
    )
    page = factories.add_page(
        w.column, ArticlePage, publish=False, live=False, source="x", body=[("paragraph", RichText(html))]
    )
    results = {(f.category, f.rule) for f in run_checks(page) if f.grade == "must_fix"}
    assert results == {
        ("link", f"page:{unpublished.pk}"),
        ("link", f"page:{deleted_id}"),
        ("link", "/gzdt/no-such-page/"),
        ("link", f"http://{w.other.hostname}/no-such-page/"),
    }


def test_missing_images_and_attachments_are_must_fix(w):
    image_model, document_model = get_image_model(), get_document_model()
    image = image_model.objects.create(title="会场照片", file=get_test_image_file())
    lost_image = image_model.objects.create(title="丢失文件的照片", file=get_test_image_file(filename="lost.png"))
    lost_image.file.storage.delete(lost_image.file.name)
    gone_image = image_model.objects.create(title="将删除", file=get_test_image_file(filename="gone.png"))
    gone_id = gone_image.pk
    gone_image.delete()
    document = document_model.objects.create(title="附件", file=ContentFile(b"%PDF-1.4", name="a.pdf"))
    gone_doc = document_model.objects.create(title="将删除的附件", file=ContentFile(b"x", name="b.pdf"))
    gone_doc_id = gone_doc.pk
    gone_doc.delete()
    body = [
        ("image", {"image": image, "caption": "会场", "alt_text": "会议现场"}),
        ("image", {"image": lost_image, "caption": "", "alt_text": ""}),
        ("paragraph", RichText(f'<p><embed embedtype="image" id="{gone_id}" format="left" alt="x"/></p>')),
        ("paragraph", RichText(f'<p><a linktype="document" id="{document.pk}">附件</a></p>')),
        ("paragraph", RichText(f'<p><a linktype="document" id="{gone_doc_id}">旧附件</a></p>')),
    ]
    page = factories.add_page(w.column, ArticlePage, publish=False, live=False, source="x", body=body)
    must_fix = {(f.category, f.rule) for f in run_checks(page) if f.grade == "must_fix"}
    assert must_fix == {
        ("image", f"image:{lost_image.pk}"),
        ("image", f"image:{gone_id}"),
        ("document", f"document:{gone_doc_id}"),
    }
    assert "图片缺少替代文字（无障碍要求）" in messages(page, "advisory")


# Disclosure metadata


def test_a_complete_document_has_no_metadata_findings(w):
    page = draft_document(w.documents_column)
    assert [f for f in run_checks(page) if f.category == "metadata" and f.grade == "must_fix"] == []


def test_missing_and_malformed_disclosure_metadata(w):
    page = draft_document(
        w.documents_column,
        issuing_authority="",
        document_number="克政办发[2024]12号",
        written_date=datetime.date(2024, 3, 5),
        date=datetime.date(2024, 3, 1),
        subject=None,
    )
    page = GovernmentDocumentPage.objects.get(pk=page.pk)
    findings = {f.rule: f for f in run_checks(page) if f.category == "metadata"}
    assert set(findings) == {"issuing_authority", "document_number.format", "written_date.order", "subject"}
    assert all(f.grade == "must_fix" for f in findings.values())
    assert findings["document_number.format"].suggestion == "克政办发〔2024〕12号"

    missing = draft_document(w.documents_column, written_date=None, document_number="")
    rules = {(f.rule, f.grade) for f in run_checks(missing) if f.category == "metadata"}
    assert rules == {("written_date", "must_fix"), ("document_number", "advisory")}


def test_appointment_notices_have_their_number_checked(w):
    page = factories.add_page(
        factories.column(w.tenant, "xxgk", "rsxx"),
        AppointmentNoticePage,
        publish=False,
        live=False,
        document_number="克政任(2024)3号",
        body=[("paragraph", RichText("<p>经研究决定：任命李华为克州教育局副局长。</p>"))],
    )
    assert [(f.rule, f.suggestion) for f in run_checks(page) if f.category == "metadata"] == [
        ("document_number.format", "克政任〔2024〕3号")
    ]

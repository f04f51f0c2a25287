"""政策解读: the two-way link between a document and its interpretations, the chooser, the catalogue,
the review screens and the inspection report of documents left without one after 3 working days."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from hub.interaction.workdays import add_working_days
from sites.common.indicators import MissingInterpretations
from sites.common.models import DisclosureCataloguePage, InterpretationOptions, PolicyInterpretationPage
from tests import factories

pytestmark = pytest.mark.django_db


def editor_of(department, role="editor"):
    user = get_user_model().objects.create_user(username=f"{department.code}-{role}", password="x")
    user.groups.add(department.tenant_groups.get(role=role).group)
    return user


def interpret(parent, documents, *, publish=True, **fields):
    fields.setdefault("body", factories.body("本文件的出台背景、主要内容和政策要点解读如下。"))
    page = factories.add_page(parent, PolicyInterpretationPage, publish=False, live=publish, **fields)
    page.documents.set(documents)
    page.save()
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


@pytest.fixture
def world(db):
    tenant = factories.make_site(short_name="解读教育局", code="jdjyj", hostname="jdjyj.localhost")
    other = factories.make_site(short_name="解读卫健委", code="jdwjw", hostname="jdwjw.localhost")
    docs = factories.column(tenant, "xxgk", "zcwj")
    other_docs = factories.column(other, "xxgk", "zcwj")
    document = factories.make_document(docs, title="关于加强中小学教师队伍建设的意见", date=datetime.date(2024, 3, 8))
    bare = factories.make_document(docs, title="关于做好招生工作的通知", date=datetime.date(2024, 3, 8))
    other_live = factories.make_document(other_docs, title="关于做好疫苗接种工作的通知")
    other_draft = factories.make_document(other_docs, title="卫健委未发布的草稿文件", publish=False, live=False)
    own_draft = factories.make_document(docs, title="教育局自己的草稿文件", publish=False, live=False)
    return {
        "tenant": tenant,
        "other": other,
        "docs": docs,
        "document": document,
        "bare": bare,
        "other_live": other_live,
        "other_draft": other_draft,
        "own_draft": own_draft,
    }


def html_of(client, department, page):
    response = client.get(page.url_path[len(department.site.root_page.url_path) - 1 :], HTTP_HOST=department.hostname)
    assert response.status_code == 200
    return response.content.decode()


def test_document_shows_live_interpretations_and_interpretation_shows_its_document(client, world):
    tenant, document = world["tenant"], world["document"]
    live = interpret(world["docs"], [document], title="一图读懂教师队伍建设意见", interpretation_form="graphic")
    draft = interpret(world["docs"], [document], title="尚未发布的解读草稿", publish=False)

    page = html_of(client, tenant, document)
    assert "相关解读" in page
    assert "一图读懂教师队伍建设意见" in page
    assert draft.title not in page

    page = html_of(client, tenant, live)
    assert "原文件" in page
    assert document.title in page
    assert "图解" in page

    # A document nobody has interpreted shows no empty 相关解读 section.
    assert "相关解读" not in html_of(client, tenant, world["bare"])


def test_an_unpublished_interpretation_leaves_the_document_without_one(client, world):
    interpret(world["docs"], [world["document"]], title="撤下的解读").unpublish()
    assert "撤下的解读" not in html_of(client, world["tenant"], world["document"])


def test_the_chooser_offers_own_and_live_documents_but_no_other_tenants_drafts(client, world):
    client.force_login(editor_of(world["tenant"]))
    response = client.get(
        f"/admin/pages/add/common/policyinterpretationpage/{world['docs'].pk}/", HTTP_HOST=world["tenant"].hostname
    )
    assert response.status_code == 200
    html = response.content.decode()
    select = re.search(r'<select name="documents".*?</select>', html, re.S).group(0)
    offered = {int(value) for value in re.findall(r'<option value="(\d+)"', select)}
    assert world["document"].pk in offered
    assert world["own_draft"].pk in offered
    assert world["other_live"].pk in offered
    assert world["other_draft"].pk not in offered


def test_the_editor_cannot_post_another_tenants_draft(client, world):
    client.force_login(editor_of(world["tenant"]))
    response = client.post(
        f"/admin/pages/add/common/policyinterpretationpage/{world['docs'].pk}/",
        {
            "title": "借用草稿的解读",
            "slug": "jieyong",
            "documents": [world["other_draft"].pk],
            "interpretation_form": "text",
            "date": "2024-03-08",
            "body-count": "0",
            "graphics-count": "0",
        },
        HTTP_HOST=world["tenant"].hostname,
    )
    assert response.status_code == 200  # the form is shown again with its error
    assert not PolicyInterpretationPage.objects.filter(title="借用草稿的解读").exists()


def test_catalogue_rows_link_their_interpretations(client, world):
    tenant = world["tenant"]
    catalogue = factories.add_page(
        factories.column(tenant, "xxgk"), DisclosureCataloguePage, title="信息公开目录", slug="mulu"
    )
    live = interpret(world["docs"], [world["document"]], title="教师队伍建设意见解读")
    interpret(world["docs"], [world["bare"]], title="招生通知解读草稿", publish=False)
    html = html_of(client, tenant, catalogue)
    rows = {row for row in re.findall(r"<tr>.*?</tr>", html, re.S)}
    with_link = [row for row in rows if world["document"].title in row]
    without = [row for row in rows if world["bare"].title in row]
    assert with_link and live.url_path.rstrip("/").rsplit("/", 1)[-1] in with_link[0]
    assert "badge--interpretation" in with_link[0]
    assert without and "badge--interpretation" not in without[0]


def test_interpretations_are_shown_in_the_pages_language(world):
    document = world["document"]
    interpret(world["docs"], [document], title="中文解读")
    assert [page.title for page in document.related_interpretations()] == ["中文解读"]
    uyghur, _created = Locale.objects.get_or_create(language_code="ug")
    translated = document.copy_for_translation(uyghur, copy_parents=True)
    translated.save_revision().publish()
    assert list(translated.related_interpretations()) == []


def test_review_screen_lists_the_pairing(client, world):
    live = interpret(world["docs"], [world["document"]], title="配对显示的解读")
    client.force_login(editor_of(world["tenant"]))
    host = world["tenant"].hostname
    document_screen = client.get(f"/admin/pages/{world['document'].pk}/edit/", HTTP_HOST=host).content.decode()
    assert "相关解读" in document_screen and live.title in document_screen
    interpretation_screen = client.get(f"/admin/pages/{live.pk}/edit/", HTTP_HOST=host).content.decode()
    assert "原文件" in interpretation_screen and world["document"].title in interpretation_screen
    # The review record lists drafts too: a reviewer sees the pairing before either is published.
    draft = interpret(world["docs"], [world["document"]], title="待审的解读草稿", publish=False)
    record = client.get(reverse("workflow:page_record", args=[world["document"].pk]), HTTP_HOST=host)
    assert record.status_code == 200
    html = record.content.decode()
    assert "相关解读" in html and live.title in html and draft.title in html


# The 3-working-day report ---------------------------------------------------------------------------


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def late_titles(department, day):
    return [finding.label for finding in MissingInterpretations().evaluate(department, at(day)).findings]


def needs(department, genres="意见"):
    options = InterpretationOptions.for_site(department.site)
    options.genres = genres
    options.save()


def test_deadline_is_three_working_days_on_the_calendar(world):
    # Published on a Friday: the weekend does not count.
    assert add_working_days(world["document"].date, 3) == datetime.date(2024, 3, 13)


def test_report_at_exactly_three_working_days_and_the_day_after(world):
    tenant, document = world["tenant"], world["document"]
    needs(tenant)
    deadline = add_working_days(document.date, 3)
    assert late_titles(tenant, deadline - datetime.timedelta(days=1)) == []
    assert late_titles(tenant, deadline) == []
    assert late_titles(tenant, add_working_days(deadline, 1)) == [document.title]
    # Only the kinds the tenant named: the 通知 is not reported.
    assert world["bare"].title not in late_titles(tenant, deadline + datetime.timedelta(days=30))


def test_no_kinds_named_reports_nothing(world):
    assert late_titles(world["tenant"], datetime.date(2024, 6, 1)) == []


def test_an_interpretation_on_the_last_day_counts_and_a_later_one_does_not(world):
    tenant, document = world["tenant"], world["document"]
    needs(tenant)
    deadline = add_working_days(document.date, 3)
    later = deadline + datetime.timedelta(days=30)
    late = interpret(world["docs"], [document], title="迟到的解读", date=add_working_days(deadline, 1))
    assert late_titles(tenant, later) == [document.title]
    late.date = deadline
    late.save_revision().publish()
    assert late_titles(tenant, later) == []


def test_a_draft_interpretation_does_not_count(world):
    tenant, document = world["tenant"], world["document"]
    needs(tenant)
    interpret(world["docs"], [document], title="未发布的解读", date=document.date, publish=False)
    assert late_titles(tenant, datetime.date(2024, 6, 1)) == [document.title]


def test_other_tenants_documents_are_not_reported(world):
    needs(world["other"], "通知")
    assert late_titles(world["other"], datetime.date(2024, 6, 1)) == [world["other_live"].title]
    needs(world["tenant"], "")
    assert late_titles(world["tenant"], datetime.date(2024, 6, 1)) == []


def test_webmasters_change_their_own_sites_kinds_only(client, world):
    tenant, other = world["tenant"], world["other"]
    client.force_login(editor_of(tenant, "webmaster"))
    own = f"/admin/settings/common/interpretationoptions/{tenant.site_id}/"
    assert client.get(own, HTTP_HOST=tenant.hostname).status_code == 200
    response = client.post(own, {"genres": "意见、办法", "working_days": "3"}, HTTP_HOST=tenant.hostname)
    assert response.status_code == 302
    assert InterpretationOptions.for_site(tenant.site).genre_words() == ["意见", "办法"]
    foreign = f"/admin/settings/common/interpretationoptions/{other.site_id}/"
    assert client.get(foreign, HTTP_HOST=tenant.hostname).status_code in (302, 403)
    client.post(foreign, {"genres": "通知", "working_days": "1"}, HTTP_HOST=tenant.hostname)
    assert InterpretationOptions.for_site(other.site).genres == ""

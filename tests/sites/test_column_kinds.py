"""Each column kind accepts what belongs in it: the editor's choice, a crafted create address, moves."""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page

from hub.tenancy.models import Department
from sites.common.models import (
    ArticlePage,
    ColumnIndexPage,
    ColumnKind,
    ContactPage,
    GovernmentDocumentPage,
    LeaderProfilePage,
    StandardPage,
)
from tests import factories

pytestmark = pytest.mark.django_db

HOST = "jyj.localhost"


def _login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def _column(code, *slugs):
    return factories.column(Department.objects.get(code=code), *slugs)


def _offered(response):
    """The page types an add-subpage screen offers, as (app_label, model_name)."""
    marker = "/admin/pages/add/"
    html = response.content.decode()
    offered = set()
    for chunk in html.split(marker)[1:]:
        app_label, model_name = chunk.split("/")[:2]
        offered.add((app_label, model_name))
    return offered


def _refused(response):
    """Wagtail's admin answers a PermissionDenied by sending the user to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_every_kind_in_the_column_plan_is_a_column_kind():
    with open(settings.HUB_COLUMN_PLAN, encoding="utf-8") as plan_file:
        plan = json.load(plan_file)

    def kinds(columns):
        for column in columns:
            if "page" not in column:  # a standard page (信箱, 联系我们 …), not a column
                yield column["slug"], column.get("kind")
            yield from kinds(column.get("children", []))

    found = dict(kind for site_kind in ("department", "portal") for kind in kinds(plan[site_kind]))
    assert found["gzdt"] == ColumnKind.NEWS and found["zfwj"] == ColumnKind.DOCUMENTS
    assert not [slug for slug, kind in found.items() if kind not in ColumnKind.values], found


def test_the_news_column_offers_only_articles(client, demo):
    """Before: 工作动态 offered some sixteen page types, columns and contact pages among them."""
    _login(client, "jyj_editor")
    column = _column("jyj", "gzdt")
    assert column.column_kind == ColumnKind.NEWS

    response = client.get(f"/admin/pages/{column.pk}/add_subpage/", HTTP_HOST=HOST)

    # One type only: Wagtail goes straight to its create form.
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/add/common/articlepage/{column.pk}/"
    assert client.get(response["Location"], HTTP_HOST=HOST).status_code == 200


def test_a_crafted_create_address_for_a_contact_page_under_the_news_column_is_refused(client, demo):
    _login(client, "jyj_editor")
    column = _column("jyj", "gzdt")
    before = column.get_children().count()
    address = f"/admin/pages/add/common/contactpage/{column.pk}/"

    assert _refused(client.get(address, HTTP_HOST=HOST))
    assert _refused(client.post(address, {"title": "联系我们", "slug": "lxwm2", "action-publish": "1"}, HTTP_HOST=HOST))
    for model in ("columnindexpage", "governmentdocumentpage", "standardpage"):
        assert _refused(client.get(f"/admin/pages/add/common/{model}/{column.pk}/", HTTP_HOST=HOST))
    # The same editor may create an article there.
    assert client.get(f"/admin/pages/add/common/articlepage/{column.pk}/", HTTP_HOST=HOST).status_code == 200
    assert column.get_children().count() == before


def test_the_disclosure_column_offers_sub_columns_and_its_own_pages_but_no_articles(client, demo):
    _login(client, "jyj_editor")
    column = _column("jyj", "xxgk")

    response = client.get(f"/admin/pages/{column.pk}/add_subpage/", HTTP_HOST=HOST)

    assert response.status_code == 200
    offered = _offered(response)
    assert ("common", "columnindexpage") in offered
    assert ("common", "disclosurecataloguepage") in offered
    assert ("common", "articlepage") not in offered
    assert ("common", "contactpage") not in offered
    documents = _column("jyj", "xxgk", "zcwj")
    assert documents.column_kind == ColumnKind.DOCUMENTS
    response = client.get(f"/admin/pages/{documents.pk}/add_subpage/", HTTP_HOST=HOST)
    # Documents and their interpretations (政策解读), nothing else.
    assert response.status_code == 200
    assert _offered(response) == {("common", "governmentdocumentpage"), ("common", "policyinterpretationpage")}


def test_the_about_column_offers_contact_and_standard_pages(client, demo):
    _login(client, "jyj_editor")
    column = _column("jyj", "gywm")

    offered = _offered(client.get(f"/admin/pages/{column.pk}/add_subpage/", HTTP_HOST=HOST))

    assert {("common", "standardpage"), ("common", "leadershippage")} <= offered
    assert ("common", "articlepage") not in offered and ("common", "columnindexpage") not in offered
    # The column takes a contact page; the demo's has one already, and a column holds one at most.
    assert column.accepts_page_type(ContactPage) and ("common", "contactpage") not in offered


def test_every_demo_page_is_in_a_column_that_accepts_it(demo):
    wrong = []
    for column in ColumnIndexPage.objects.all():
        for child in column.get_children():
            if not child.specific_class.can_exist_under(column):
                wrong.append((column.url_path, column.column_kind, child.specific_class.__name__))
    assert not wrong, wrong
    # The kinds came from the column plan and the demo's own columns, not the default.
    assert not ColumnIndexPage.objects.filter(url_path__endswith="/gzdt/").exclude(column_kind=ColumnKind.NEWS)
    assert ColumnIndexPage.objects.filter(url_path="/portal/xxgk/ldzc/", column_kind=ColumnKind.LEADERS).exists()


def test_a_page_cannot_be_moved_into_a_column_that_does_not_take_it(demo):
    article = _column("jyj", "gzdt").get_children().type(ArticlePage).first().specific
    documents = _column("jyj", "xxgk", "zcwj")
    assert not article.can_move_to(documents)
    assert article.can_move_to(_column("jyj", "tzgg"))
    assert GovernmentDocumentPage.can_exist_under(documents)
    assert not LeaderProfilePage.can_exist_under(Page.objects.get(pk=documents.pk))  # a plain Page is read too


def test_a_general_column_accepts_what_columns_always_did(demo):
    general = ColumnIndexPage(title="综合", slug="zh", column_kind=ColumnKind.GENERAL)
    assert all(general.accepts_page_type(model) for model in (ArticlePage, ContactPage, ColumnIndexPage, StandardPage))


def test_a_column_kind_that_refuses_its_children_cannot_be_saved(demo):
    from django.core.exceptions import ValidationError

    column = _column("jyj", "gzdt")
    column.column_kind = ColumnKind.DOCUMENTS
    with pytest.raises(ValidationError) as raised:
        column.full_clean()
    assert "column_kind" in raised.value.message_dict

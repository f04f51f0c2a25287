"""Linking across sites: an editor may link to another tenant's published pages, nothing more."""

import json

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from .browser import body_text, read_form

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def link_to(page):
    """Draftail content (rich text as the editor posts it) holding one link to a page."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": "参见",
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 2, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"id": page.pk}}},
        }
    )


def save_column_intro(world, page):
    column = world.a.column
    url = f"/admin/pages/{column.pk}/edit/"
    editor = logged_in(world.a.users["editor"])
    data = read_form(body_text(editor.get(url)), has_field="title")
    data["intro"] = [link_to(page)]
    response = editor.post(url, data)
    return response, Page.objects.get(pk=column.pk).get_latest_revision_as_object()


def test_an_editor_links_rich_text_to_another_sites_published_page(world):
    response, draft = save_column_intro(world, world.b.live)
    assert response.status_code == 302
    assert f'id="{world.b.live.pk}"' in draft.intro


def test_the_chooser_offers_another_sites_page_as_the_public_sees_it(world):
    text = body_text(logged_in(world.a.users["editor"]).get(f"/admin/choose-page/{world.b.column.pk}/"))
    assert world.b.live_title in text  # its live title …
    assert "isob草稿标题" not in text  # … never the title of its unpublished draft
    assert "isob未发布稿" not in text and "isob审核稿" not in text  # unpublished pages are not offered


def test_a_redirect_may_point_at_another_sites_published_page(world):
    webmaster = logged_in(world.a.users["webmaster"])
    data = {"old_path": "/to-b", "site": world.a.department.site_id, "redirect_page": world.b.live.pk}
    assert webmaster.post("/admin/redirects/add/", data).status_code == 302
    assert Redirect.objects.get(old_path="/to-b").redirect_page_id == world.b.live.pk


def test_a_redirect_may_not_point_at_another_sites_unpublished_page(world):
    webmaster = logged_in(world.a.users["webmaster"])
    data = {"old_path": "/to-b-draft", "site": world.a.department.site_id, "redirect_page": world.b.draft.pk}
    response = webmaster.post("/admin/redirects/add/", data)
    assert response.status_code == 200  # the form again, with an error
    assert not Redirect.objects.filter(old_path="/to-b-draft").exists()
    assert "isob未发布稿" not in body_text(response)


def test_a_redirect_for_another_site_or_for_every_site_is_refused(world):
    webmaster = logged_in(world.a.users["webmaster"])
    for site in (world.b.department.site_id, ""):
        data = {"old_path": "/elsewhere", "site": site, "redirect_link": "https://www.gov.cn/"}
        assert webmaster.post("/admin/redirects/add/", data).status_code == 200
    assert not Redirect.objects.filter(old_path="/elsewhere").exists()

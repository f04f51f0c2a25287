"""The audit log: every admin action records who acted and on which tenant; a central admin can
follow one tenant's history, a tenant's people see their own."""

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry, PageLogEntry

from . import surfaces as s
from .browser import body_text

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def newest_ids():
    return {model: (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) for model in LOG_MODELS}


LOG_MODELS = (PageLogEntry, ModelLogEntry)

ACTIONS = [
    s.edit_page,
    s.create_page,
    s.delete_page,
    s.lock_page,
    s.edit_image,
    s.upload_image,
    s.delete_document,
    s.create_link,
    s.edit_link,
    s.delete_link,
    s.edit_settings,
    s.create_redirect,
    s.delete_redirect,
]


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
def test_admin_actions_record_the_user_and_the_tenant(world, action):
    webmaster = world.a.users["webmaster"]
    before = newest_ids()
    ctx = s.Context(world=world, tenant=world.a, client=logged_in(webmaster), reader=logged_in(world.superuser))
    seen = action(ctx)
    assert seen.evidence, f"{action.__name__} did not happen ({seen.response.status_code})"

    entries = [entry for model in LOG_MODELS for entry in model.objects.filter(pk__gt=before[model])]
    assert entries, f"{action.__name__} left no log entry"
    for entry in entries:
        assert entry.user_id == webmaster.pk, (entry.action, entry.label)
        assert entry.data.get("tenant") == "isoa", (entry.action, entry.label, entry.data)


def test_central_admin_follows_one_tenant(world):
    central = logged_in(world.central)
    for shown, hidden in ((world.a, world.b), (world.b, world.a)):
        text = body_text(central.get(f"/admin/reports/site-history/?tenant={shown.key}"))
        assert f"{shown.key}草稿标题" in text
        assert f"{shown.key}友情链接" in text
        # (A central admin's user filter names everyone; the entries are what is filtered.)
        assert not [marker for marker in hidden.content_markers if marker in text]


def test_the_tenant_filter_offers_central_admins_every_tenant_and_others_their_own(world):
    central_page = body_text(logged_in(world.central).get("/admin/reports/site-history/"))
    assert 'value="isoa"' in central_page and 'value="isob"' in central_page

    editor_page = body_text(logged_in(world.a.users["editor"]).get("/admin/reports/site-history/"))
    assert 'value="isoa"' in editor_page and 'value="isob"' not in editor_page


def test_entries_without_a_tenant_stay_with_central_admins(world):
    """Changes to accounts and shared data belong to no tenant: only central admins read them."""
    central = logged_in(world.central)
    ctx = s.Context(world=world, tenant=world.b, client=central, reader=logged_in(world.superuser))
    before = newest_ids()
    assert s.edit_user(ctx).evidence
    entry = ModelLogEntry.objects.get(pk__gt=before[ModelLogEntry])
    assert entry.label == "isob_reviewer"
    assert "tenant" not in entry.data

    export = body_text(logged_in(world.b.users["webmaster"]).get("/admin/reports/site-history/?export=csv"))
    assert "isob_reviewer" not in export
    assert "isob_reviewer" in body_text(central.get("/admin/reports/site-history/?export=csv"))

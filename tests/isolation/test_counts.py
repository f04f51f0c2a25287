"""Listings and summaries count only the user's own tenants' content: no other tenant's totals."""

import re

import pytest
from django.test import Client, override_settings
from wagtail.models import Page

from hub.tenancy.owned import FriendlyLink
from hub.tenancy.scoping import pages_for
from sites.common.models import ArticlePage

from .browser import body_text

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def summary_count(text, link):
    match = re.search(rf'href="{re.escape(link)}[^"]*">\s*([\d,]+)', text)
    assert match, f"no count linked to {link}"
    return int(match.group(1).replace(",", ""))


@pytest.mark.parametrize("role", ["webmaster", "editor", "reviewer"])
def test_dashboard_counts_own_pages_only(world, role):
    text = body_text(logged_in(world.a.users[role]).get("/admin/"))
    own = pages_for(world.a.department).count()
    assert summary_count(text, "/admin/pages/") == own
    assert own < Page.objects.filter(depth__gt=1).count()


def test_dashboard_counts_own_media_only(world):
    text = body_text(logged_in(world.a.users["editor"]).get("/admin/"))
    assert summary_count(text, "/admin/images/") == 1
    assert summary_count(text, "/admin/documents/") == 1


def test_central_admin_dashboard_counts_every_site(world):
    text = body_text(logged_in(world.central).get("/admin/"))
    assert summary_count(text, "/admin/pages/") == Page.objects.filter(depth__gt=1).count()


def test_page_types_usage_counts_own_pages_only(world):
    response = logged_in(world.a.users["editor"]).get("/admin/reports/page-types-usage/")
    counts = {row.model: row.count for row in response.context["object_list"]}
    own_articles = ArticlePage.objects.filter(pk__in=pages_for(world.a.department)).count()
    assert counts["articlepage"] == own_articles
    assert own_articles < ArticlePage.objects.count()


@override_settings(WAGTAILSNIPPETS_MENU_SHOW_ALL=True)
def test_snippets_overview_counts_own_records_only(world):
    response = logged_in(world.a.users["webmaster"]).get("/admin/snippets/")
    counts = {row["model"]: row["count"] for row in response.context["object_list"]}
    assert counts[FriendlyLink] == FriendlyLink.objects.filter(department=world.a.department).count() == 1
    assert FriendlyLink.objects.count() >= 2

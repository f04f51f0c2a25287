"""Listing filters name only the user's own tenants, their people, their records."""

import pytest
from django.test import Client
from wagtail.models import Page, Site

from hub.tenancy.filters import narrow_choices
from hub.tenancy.owned import FriendlyLink

from .browser import body_text

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def test_explorer_filters_name_own_editors_and_sites_only(world):
    text = body_text(logged_in(world.a.users["webmaster"]).get(f"/admin/pages/{world.a.column.pk}/"))
    assert "isoa编辑员" in text  # owner and "edited by" choices: the tenant's own people
    assert "isob编辑员" not in text and "isob站长" not in text
    assert world.b.department.name not in text  # the site filter offers the tenant's own site


def test_central_admin_filters_name_everyone(world):
    text = body_text(logged_in(world.central).get(f"/admin/pages/{world.a.column.pk}/"))
    assert "isob编辑员" in text


@pytest.mark.parametrize(
    "model,queryset",
    [
        (FriendlyLink, lambda: FriendlyLink.objects.all()),
        (Site, lambda: Site.objects.all()),
        (Page, lambda: Page.objects.filter(depth__gt=1)),
    ],
    ids=["tenant-owned records", "sites", "pages"],
)
def test_choices_are_narrowed_to_the_users_tenants(world, model, queryset):
    narrowed = narrow_choices(model, queryset(), world.a.users["webmaster"])
    assert narrowed.exists()
    assert not narrowed.filter(pk=_record_of(world.b, model).pk).exists()
    assert narrowed.filter(pk=_record_of(world.a, model).pk).exists()
    assert narrow_choices(model, queryset(), world.central).count() == queryset().count()


def _record_of(tenant, model):
    return {FriendlyLink: tenant.link, Site: tenant.department.site, Page: tenant.live}[model]

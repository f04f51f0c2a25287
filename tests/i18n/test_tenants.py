"""Across locales, each tenant's editors work on their own translations only, and choose their own languages."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from hub.i18n.languages import published_languages
from hub.i18n.models import SiteLanguages
from hub.tenancy.models import TenantGroup
from tests import factories

pytestmark = pytest.mark.django_db


def member(department, role):
    user = get_user_model().objects.create_user(f"{department.code}-{role}", password="x")
    user.groups.add(department.tenant_groups.get(role=role).group)
    return user


@pytest.fixture
def other_site(db):
    return factories.make_site(short_name="另局")


def test_a_translated_site_root_belongs_to_its_tenant(client, translated_site, other_site):
    uyghur_article = translated_site.translations["ug"]
    own_editor = member(translated_site.department, TenantGroup.Role.EDITOR)
    other_editor = member(other_site, TenantGroup.Role.EDITOR)

    assert uyghur_article.permissions_for_user(own_editor).can_edit()
    assert not uyghur_article.permissions_for_user(other_editor).can_edit()

    client.force_login(own_editor)
    assert client.get(f"/admin/pages/{uyghur_article.pk}/edit/").status_code == 200
    client.force_login(other_editor)
    assert client.get(f"/admin/pages/{uyghur_article.pk}/edit/").status_code in (302, 403, 404)


def test_a_webmaster_chooses_the_languages_of_their_own_site_only(client, bare_site, other_site):
    webmaster = member(other_site, TenantGroup.Role.WEBMASTER)
    own = SiteLanguages.objects.get(department=other_site)
    theirs = SiteLanguages.objects.get(department=bare_site.department)
    client.force_login(webmaster)
    kyrgyz = Locale.objects.get(language_code="ky")

    listing = client.get("/admin/snippets/i18n/sitelanguages/").content.decode()
    assert str(other_site) in listing and str(bare_site.department) not in listing
    assert client.get(f"/admin/snippets/i18n/sitelanguages/edit/{theirs.pk}/").status_code == 404

    response = client.post(
        f"/admin/snippets/i18n/sitelanguages/edit/{own.pk}/",
        {"department": other_site.pk, "locales": [kyrgyz.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    other_site.refresh_from_db()
    assert published_languages(other_site) == ["zh-hans", "ky"]


def test_an_editor_may_not_change_the_languages(client, other_site):
    editor = member(other_site, TenantGroup.Role.EDITOR)
    client.force_login(editor)
    own = SiteLanguages.objects.get(department=other_site)
    assert client.get(f"/admin/snippets/i18n/sitelanguages/edit/{own.pk}/").status_code in (302, 403, 404)


def test_central_admins_choose_the_languages_of_every_site(client, bare_site, other_site):
    from hub.tenancy.onboarding import ensure_central_admin_group

    admin = get_user_model().objects.create_user("centre", password="x")
    admin.groups.add(ensure_central_admin_group())
    client.force_login(admin)

    listing = client.get("/admin/snippets/i18n/sitelanguages/").content.decode()

    assert str(other_site) in listing and str(bare_site.department) in listing
    theirs = SiteLanguages.objects.get(department=bare_site.department)
    assert client.get(f"/admin/snippets/i18n/sitelanguages/edit/{theirs.pk}/").status_code == 200

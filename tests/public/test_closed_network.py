"""A closed government network: nothing is fetched from outside, and what browsers ask for is there."""

import pytest
from django.contrib.auth import get_user_model

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_admin_links_no_gravatar_avatar(client):
    department = factories.make_site(short_name="头像测试局")
    editor = get_user_model().objects.create_user("avatar_editor", "avatar_editor@example.com", "pw")
    editor.groups.add(department.tenant_groups.get(role="editor").group)
    client.force_login(editor)
    for url in ("/admin/", "/admin/account/", f"/admin/pages/{department.site.root_page_id}/"):
        response = client.get(url, HTTP_HOST=department.hostname)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar" not in html, url
        assert "avatar" in html, url  # the avatar is still shown, from the admin's own default


def test_every_tenant_answers_favicon_ico_and_links_its_icon(client):
    portal = factories.make_site(short_name="图标门户", kind="portal")
    department = factories.make_site(short_name="图标测试局")
    for tenant in (portal, department):
        response = client.get("/favicon.ico", HTTP_HOST=tenant.hostname)
        assert response.status_code == 200, tenant.hostname
        assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
        assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file's header

        home = client.get("/", HTTP_HOST=tenant.hostname).content.decode()
        assert '<link rel="icon" href="/favicon.ico"' in home
        assert 'href="/static/img/favicon.svg" type="image/svg+xml"' in home

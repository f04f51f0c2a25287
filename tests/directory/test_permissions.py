"""Only the central admin edits the directory; a department's editors and webmasters cannot."""

import pytest
from django.urls import reverse

from hub.directory.models import DirectoryEntry
from hub.tenancy.models import Department

pytestmark = pytest.mark.django_db


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize("key", ["editor", "webmaster"])
def test_department_users_cannot_see_or_change_the_directory(w, as_user, key):
    entry = DirectoryEntry.objects.get(department=w.tenant)
    viewset = entry.snippet_viewset
    client = as_user(key)
    assert refused(client.get(reverse(viewset.get_url_name("list"))))
    assert refused(client.get(reverse(viewset.get_url_name("edit"), args=[entry.pk])))
    assert refused(
        client.post(reverse(viewset.get_url_name("edit"), args=[entry.pk]), {"phone": "110", "category": "other"})
    )
    assert refused(client.get(reverse(viewset.get_url_name("add"))))
    assert Department.objects.get(pk=w.tenant.pk).phone == "0908-4221356"
    assert DirectoryEntry.objects.get(pk=entry.pk).category == entry.category
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(viewset.get_url_name("list")) not in dashboard


def test_the_central_admin_may_edit_the_directory(w, as_user):
    entry = DirectoryEntry.objects.get(department=w.tenant)
    response = as_user("central").get(reverse(entry.snippet_viewset.get_url_name("edit"), args=[entry.pk]))
    assert response.status_code == 200
    assert "0908-4221356" in response.content.decode()

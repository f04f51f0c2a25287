"""Subjects and topics are edited by the central admin only; department users cannot change them."""

import pytest
from django.urls import reverse

from hub.taxonomy.models import Subject, Topic

pytestmark = pytest.mark.django_db


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def urls(model, obj):
    viewset = model.snippet_viewset
    return {
        "list": reverse(viewset.get_url_name("list")),
        "add": reverse(viewset.get_url_name("add")),
        "edit": reverse(viewset.get_url_name("edit"), args=[obj.pk]),
        "delete": reverse(viewset.get_url_name("delete"), args=[obj.pk]),
    }


@pytest.mark.parametrize("key", ["editor", "webmaster"])
def test_department_users_cannot_edit_the_taxonomy(w, as_user, key):
    client = as_user(key)
    subject = Subject.objects.get(code="11")
    for model, obj, data in (
        (Subject, subject, {"code": "11", "name": "被改掉的分类"}),
        (Topic, w.topic, {"name": "被改掉的专题", "slug": "changed", "sort_order": 1}),
    ):
        addresses = urls(model, obj)
        assert refused(client.post(addresses["edit"], data)), model
        assert refused(client.post(addresses["add"], {**data, "code": "99", "slug": "new"})), model
        assert refused(client.post(addresses["delete"])), model
    assert Subject.objects.get(pk=subject.pk).name == "科技、教育"
    assert Topic.objects.get(pk=w.topic.pk).name == "乡村振兴（测试）"
    assert not Topic.objects.filter(slug="new").exists() and not Subject.objects.filter(code="99").exists()


def test_the_central_admin_creates_and_renames_topics(w, as_user):
    client = as_user("central")
    addresses = urls(Topic, w.topic)
    response = client.post(
        addresses["add"], {"name": "营商环境", "slug": "yshj", "description": "", "is_active": "on", "sort_order": 5}
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="yshj").exists()
    response = client.post(
        addresses["edit"],
        {"name": "乡村振兴战略", "slug": w.topic.slug, "description": "", "is_active": "on", "sort_order": 1},
    )
    assert response.status_code == 302
    assert Topic.objects.get(pk=w.topic.pk).name == "乡村振兴战略"


def test_the_central_admin_group_holds_the_topic_permissions(w):
    user = w.user("central")
    assert user.has_perms(["taxonomy.add_topic", "taxonomy.change_topic", "taxonomy.delete_topic"])
    assert not w.user("webmaster").has_perm("taxonomy.change_topic")

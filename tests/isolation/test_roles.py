"""Roles as onboarding provisions them, the shared data everyone reads, and who holds tree-wide rights."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, GroupSitePermission, Page

from hub.tenancy import scoping
from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.onboarding import (
    CENTRAL_ADMIN_PERMISSIONS,
    ROLE_COLLECTION_PERMISSIONS,
    ROLE_MODEL_PERMISSIONS,
    ROLE_PAGE_PERMISSIONS,
)
from hub.tenancy.scoping import CENTRAL_ADMIN_GROUP, locale_roots

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", TenantGroup.Role.values)
def test_each_role_holds_its_rights_on_its_own_tenant_only(world, role):
    department = world.a.department
    group = world.a.groups[role]
    roots = set(locale_roots(department))
    page_permissions = GroupPagePermission.objects.filter(group=group)
    assert {permission.page for permission in page_permissions} == roots
    assert {p.permission.codename for p in page_permissions} == {f"{a}_page" for a in ROLE_PAGE_PERMISSIONS[role]}
    collection_permissions = GroupCollectionPermission.objects.filter(group=group)
    assert {permission.collection_id for permission in collection_permissions} == {department.collection_id}
    assert {p.permission.codename.split("_")[0] for p in collection_permissions} == set(
        ROLE_COLLECTION_PERMISSIONS[role]
    )
    held = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}
    assert set(ROLE_MODEL_PERMISSIONS[role]) <= held
    site_permissions = GroupSitePermission.objects.filter(group=group)
    assert {permission.site_id for permission in site_permissions} <= {department.site_id}


def test_only_central_admins_hold_rights_on_the_whole_tree_and_every_collection(world):
    tree_wide = GroupPagePermission.objects.filter(page__depth=1).values_list("group__name", flat=True)
    assert set(tree_wide) == {CENTRAL_ADMIN_GROUP}
    root_collection = Collection.get_first_root_node()
    every_collection = GroupCollectionPermission.objects.filter(collection=root_collection)
    assert set(every_collection.values_list("group__name", flat=True)) == {CENTRAL_ADMIN_GROUP}
    # Wagtail's stock groups, with rights on everything, are gone.
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_central_admin_group_holds_its_model_permissions(world):
    group = Group.objects.get(name=CENTRAL_ADMIN_GROUP)
    held = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}
    assert set(CENTRAL_ADMIN_PERMISSIONS) <= held


def test_shared_data_is_readable_by_every_editor_and_writable_by_central_admins(world):
    department = world.b.department
    for role in TenantGroup.Role.values:
        client = logged_in(world.a.users[role])
        # 子站管理 is the central admins' alone, whichever department permissions a tenant group holds.
        assert client.get("/admin/subsites/").status_code == 302
        assert client.get(f"/admin/subsites/inspect/{department.pk}/").status_code == 302
        assert client.get(f"/admin/subsites/edit/{department.pk}/").status_code == 302
        assert client.post(f"/admin/subsites/{department.pk}/online/off/").status_code in (302, 403)
        user = world.a.users[role]
        assert not user.has_perm("tenancy.view_department")
        assert user.has_perm("taxonomy.view_subject") and not user.has_perm("taxonomy.change_subject")
    assert Department.objects.get(pk=department.pk).is_online

    central = logged_in(world.central)
    assert central.get(f"/admin/subsites/edit/{department.pk}/").status_code == 200
    assert world.central.has_perm("taxonomy.change_subject")


def test_a_user_serving_two_tenants_acts_on_both_in_their_roles(world):
    user = world.a.users["editor"]
    user.groups.add(world.b.groups["reviewer"])
    user = type(user).objects.get(pk=user.pk)
    assert scoping.department_ids_for_user(user) == {world.a.department.pk, world.b.department.pk}
    assert scoping.department_ids_for_user(user, "edit") == {world.a.department.pk}
    assert scoping.department_ids_for_user(user, "review") == {world.b.department.pk}
    text = logged_in(user).get(f"/admin/pages/{world.b.column.pk}/").content.decode()
    assert "isob草稿标题" in text


def fresh(obj):
    # Tree paths move when siblings are inserted in name order: always read them anew.
    return type(obj).objects.get(pk=obj.pk)


def test_scoping_knows_the_tenant_of_every_kind_of_object(world):
    a = world.a
    for obj in (a.live, a.ug_page, a.image, a.document, a.redirect, a.link, a.options, a.groups["editor"]):
        assert scoping.tenant_of(fresh(obj)) == a.department, obj
    assert scoping.tenant_of(Page.get_first_root_node()) is None

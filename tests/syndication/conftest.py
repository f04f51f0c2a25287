"""A portal and two department sites with an editor, a webmaster and the portal's editors, built once per module.

The world lives in a transaction rolled back after the module; each test runs in its own
savepoint (pytest-django's `db`). If the demo site group is already loaded, its portal is used:
a site group has one portal, and submissions go to it.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from hub.tenancy.models import Department
from hub.tenancy.onboarding import ensure_central_admin_group
from tests import factories


@dataclass
class World:
    portal: Department
    tenant: Department
    other: Department
    news: object  # the tenant's 工作动态 column
    other_news: object
    portal_column: object  # the portal's 政务信息 column
    portal_notices: object
    users: dict

    def user(self, key):
        """A fresh copy of a user, so per-request caches on user objects never leak between checks."""
        return get_user_model().objects.get(pk=self.users[key].pk)


def _user(username, *groups, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw", **extra)
    user.groups.add(*groups)
    return user


def _role(department, role):
    return department.tenant_groups.get(role=role).group


def build_world():
    portal = Department.objects.filter(kind=Department.Kind.PORTAL).first() or factories.make_site(kind="portal")
    tenant = factories.make_site(short_name="报送教育局", code="syjyj", hostname="syjyj.localhost")
    other = factories.make_site(short_name="报送卫健委", code="sywjw", hostname="sywjw.localhost")
    users = {
        "editor": _user("sy_editor", _role(tenant, "editor"), first_name="教育局编辑"),
        "webmaster": _user("sy_webmaster", _role(tenant, "webmaster"), first_name="教育局站长"),
        "other_editor": _user("sy_other_editor", _role(other, "editor"), first_name="卫健委编辑"),
        "portal_editor": _user("sy_portal_editor", _role(portal, "editor"), first_name="门户编辑"),
        "portal_reviewer": _user("sy_portal_reviewer", _role(portal, "reviewer"), first_name="门户审核员"),
        "central": _user("sy_central", ensure_central_admin_group(), first_name="中心管理员"),
    }
    return World(
        portal=portal,
        tenant=tenant,
        other=other,
        news=factories.column(tenant, "gzdt"),
        other_news=factories.column(other, "gzdt"),
        portal_column=factories.column(portal, "zwxx"),
        portal_notices=factories.column(portal, "tzgg"),
        users=users,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def w(world, db):
    return world


@pytest.fixture
def as_user(client, w):
    """as_user("editor") logs the test client in as one of the world's users."""

    def log_in(key):
        client.logout()
        client.force_login(w.user(key))
        return client

    return log_in

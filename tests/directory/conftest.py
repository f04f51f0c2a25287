"""A portal with a department list, leadership and contact pages, and one department site, built once per module.

Each has a leader with a profile page (linked from the directory) and the portal's leader a speech.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from hub.directory.models import DirectoryEntry, DirectoryLeader
from hub.tenancy.models import Department
from hub.tenancy.onboarding import ensure_central_admin_group
from sites.common.models import ContactPage, FunctionPage, LeaderProfilePage, LeadershipPage, SpeechPage
from sites.portal.models import DepartmentIndexPage
from tests import factories


@dataclass
class World:
    portal: Department
    tenant: Department
    department_list: DepartmentIndexPage
    contact: ContactPage
    portal_leadership: LeadershipPage
    leadership: LeadershipPage  # the department's own 领导之窗
    functions: FunctionPage  # the department's 部门职能, whose 领导班子 is the directory's
    portal_profile: LeaderProfilePage  # 名录州长
    profile: LeaderProfilePage  # 李振宇
    speech: SpeechPage
    users: dict

    def user(self, key):
        return get_user_model().objects.get(pk=self.users[key].pk)


def _user(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(*groups)
    return user


def build_world():
    portal = Department.objects.filter(kind=Department.Kind.PORTAL).first() or factories.make_site(kind="portal")
    tenant = factories.make_site(
        short_name="名录教育局",
        code="mljyj",
        hostname="mljyj.localhost",
        address="阿图什市光明路12号",
        phone="0908-4221356",
        office_hours="工作日 10:00—19:30",
    )
    entry = DirectoryEntry.objects.get(department=tenant)
    entry.functions = "<p>负责全州教育工作。</p>"
    entry.summary = "州人民政府工作部门，主管全州教育。"
    entry.save()
    director = DirectoryLeader.objects.create(
        entry=entry, name="李振宇", position="局长", responsibilities="主持局全面工作。"
    )

    portal_entry = DirectoryEntry.objects.get(department=portal)
    governor = DirectoryLeader.objects.create(
        entry=portal_entry, name="名录州长", position="州长", responsibilities="主持州人民政府全面工作。", sort_order=0
    )
    DirectoryLeader.objects.create(entry=portal_entry, name="名录副州长", position="副州长", sort_order=1)

    portal_root = portal.site.root_page
    department_list = factories.add_page(portal_root, DepartmentIndexPage, title="部门名录", slug="mlbm")
    portal_leadership = factories.add_page(
        factories.column(portal, "xxgk"), LeadershipPage, title="领导之窗（名录）", slug="ldzc-ml"
    )
    contact = factories.column(tenant, "gywm", "lxwm").specific  # onboarding's 联系我们
    leadership = factories.add_page(factories.column(tenant, "xxgk"), LeadershipPage, title="领导之窗", slug="ldzc-jyj")
    functions = factories.make_function(factories.column(tenant, "xxgk", "jgzn"), title="部门职能", slug="bmzn")
    # Profile pages hold the biography; the directory links each leader to theirs.
    portal_profile = factories.add_page(
        portal_leadership, LeaderProfilePage, title="名录州长", slug="mlzz", biography="<p>男，1970年生。</p>"
    )
    governor.profile_page = portal_profile
    governor.save()
    profile = factories.add_page(
        leadership, LeaderProfilePage, title="李振宇", slug="lzy", biography="<p>男，汉族，1978年生，教育学硕士。</p>"
    )
    director.profile_page = profile
    director.save()
    speech = factories.make_speech(
        portal_profile, leader=portal_profile, title="在全州教育大会上的讲话", slug="jydh-jh"
    )
    users = {
        "editor": _user("ml_editor", tenant.tenant_groups.get(role="editor").group),
        "webmaster": _user("ml_webmaster", tenant.tenant_groups.get(role="webmaster").group),
        "central": _user("ml_central", ensure_central_admin_group()),
    }
    return World(
        portal=portal,
        tenant=tenant,
        department_list=department_list,
        contact=contact,
        portal_leadership=portal_leadership,
        leadership=leadership,
        functions=functions,
        portal_profile=portal_profile,
        profile=profile,
        speech=speech,
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
    def log_in(key):
        client.logout()
        client.force_login(w.user(key))
        return client

    return log_in

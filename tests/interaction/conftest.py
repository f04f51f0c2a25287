"""A portal and two departments, their staff, and the citizen pages, built once for this package.

See tests.interaction.support: the world is rolled back after the package, each test runs in its
own savepoint, citizens' files go to a temporary folder, and rate-limit counters start empty.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from hub.interaction.letters import ensure_mailbox
from hub.tenancy.onboarding import ensure_central_admin_group
from sites.common.models import ConsultationPage, MailboxPage
from tests import factories

from .support import fresh_rate_limits, login, path_of, private_files, world_fixture  # noqa: F401

PASSWORD = "pw"


@dataclass
class World:
    portal: object
    education: object
    health: object
    governor_page: object
    education_page: object
    consultation_page: object
    disclosure_page: object
    users: dict

    def user(self, key):
        """A fresh copy (scoping answers are cached on user objects)."""
        return get_user_model().objects.get(pk=self.users[key].pk)


def _user(username, *groups, superuser=False):
    model = get_user_model()
    if superuser:
        return model.objects.create_superuser(username, f"{username}@example.com", PASSWORD)
    user = model.objects.create_user(username, f"{username}@example.com", PASSWORD, first_name=username)
    user.groups.add(*groups)
    return user


def role(department, name):
    return department.tenant_groups.get(role=name).group


def build_world():
    portal = factories.make_site(kind="portal", code="ixzf", short_name="州人民政府", hostname="ixzf.localhost")
    education = factories.make_site(code="ixjyj", short_name="州教育局", hostname="ixjyj.localhost")
    health = factories.make_site(code="ixwjw", short_name="州卫健委", hostname="ixwjw.localhost")
    governor_page = factories.column(portal, "hdjl", "zzxx", "xx").specific  # onboarding's 州长信箱
    education_page = factories.add_page(factories.column(education, "hdjl"), MailboxPage, title="局长信箱", slug="jzxx")
    today = datetime.date.today()
    consultation_page = factories.add_page(
        factories.column(education, "hdjl"),
        ConsultationPage,
        title="关于《克州学前教育三年行动计划（征求意见稿）》公开征求意见的公告",
        slug="zqyj",
        opens_on=today - datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=20),
        draft=factories.body("为推进学前教育普及普惠安全优质发展，制定本计划。"),
    )
    disclosure_page = factories.column(education, "xxgk", "ysqgk").specific  # onboarding's 依申请公开
    users = {
        "portal_editor": _user("portal_editor", role(portal, "editor")),
        "portal_webmaster": _user("portal_webmaster", role(portal, "webmaster")),
        "education_webmaster": _user("education_webmaster", role(education, "webmaster")),
        "education_editor": _user("education_editor", role(education, "editor")),
        "education_reviewer": _user("education_reviewer", role(education, "reviewer")),
        "health_editor": _user("health_editor", role(health, "editor")),
        "health_webmaster": _user("health_webmaster", role(health, "webmaster")),
        "central": _user("central", ensure_central_admin_group()),
        "admin": _user("admin", superuser=True),
    }
    for department in (portal, education, health):
        ensure_mailbox(department)
    return World(
        portal=portal,
        education=education,
        health=health,
        governor_page=governor_page,
        education_page=education_page,
        consultation_page=consultation_page,
        disclosure_page=disclosure_page,
        users=users,
    )


world = world_fixture(build_world)


@pytest.fixture
def w(world, db):
    """The package's world, inside this test's savepoint."""
    return world

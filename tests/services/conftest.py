"""Two departments with service items, a catalogue page on the portal, and staff; built once for this package.

No test in this package may use `demo` (see tests.interaction.support).
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from hub.services.models import LifeEvent, ServiceItem, ServiceMaterial
from tests import factories
from tests.interaction.support import fresh_rate_limits, path_of, private_files, world_fixture  # noqa: F401

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@dataclass
class World:
    portal: object
    public_security: object
    social: object
    catalogue: object
    passport: object
    social_card: object
    business: object
    users: dict

    def user(self, key):
        return get_user_model().objects.get(pk=self.users[key].pk)


def make_item(department, title, *, events=(), materials=(), **fields):
    item = ServiceItem(department=department, title=title, **fields)
    for name, required in materials:
        item.materials.add(ServiceMaterial(name=name, required=required))
    item.save()
    item.life_events.set(LifeEvent.objects.filter(slug__in=events))
    return item


def build_world():
    portal = factories.make_site(kind="portal", code="svzf", short_name="州人民政府", hostname="svzf.localhost")
    police = factories.make_site(code="svgaj", short_name="州公安局", hostname="svgaj.localhost")
    social = factories.make_site(code="svrsj", short_name="州人社局", hostname="svrsj.localhost")
    catalogue = factories.column(portal, "bsfw", "bszn").specific  # onboarding's 办事指南
    passport = make_item(
        police,
        "普通护照签发",
        kind=ServiceItem.Kind.LICENSING,
        events=["churujing"],
        materials=[("居民身份证", True), ("近期免冠彩色照片", True)],
        conditions="具有克州户籍的中国公民，因私出国（境）可申请普通护照。",
        legal_basis="《中华人民共和国护照法》第五条",
        statutory_limit_days=15,
        promised_limit_days=7,
        accepts_online_applications=True,
    )
    social_card = make_item(
        social,
        "社会保障卡申领",
        events=["shebao"],
        materials=[("居民身份证", True)],
        conditions="参加社会保险的人员。",
        promised_limit_days=5,
    )
    business = make_item(
        social,
        "人力资源服务许可",
        kind=ServiceItem.Kind.LICENSING,
        for_individuals=False,
        for_organisations=True,
        events=["renli"],
        conditions="从事职业中介活动的经营性人力资源服务机构。",
        statutory_limit_days=20,
    )
    make_item(social, "已撤下的事项", is_published=False, conditions="护照")

    def member(username, department, role_name):
        user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.add(department.tenant_groups.get(role=role_name).group)
        return user

    users = {
        "police_editor": member("police_editor", police, "editor"),
        "social_editor": member("social_editor", social, "editor"),
        "social_webmaster": member("social_webmaster", social, "webmaster"),
        "police_webmaster": member("police_webmaster", police, "webmaster"),
        "police_reviewer": member("police_reviewer", police, "reviewer"),
    }
    return World(portal, police, social, catalogue, passport, social_card, business, users)


world = world_fixture(build_world)


@pytest.fixture
def w(world, db):
    return world

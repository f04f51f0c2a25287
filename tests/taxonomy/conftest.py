"""A portal with a topic index and two department sites whose pages carry shared topics, built once per module."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from hub.taxonomy.models import PageTopic, Topic
from hub.tenancy.models import Department
from hub.tenancy.onboarding import ensure_central_admin_group
from sites.portal.models import TopicIndexPage
from tests import factories


@dataclass
class World:
    portal: Department
    tenant: Department
    other: Department
    topic: Topic
    other_topic: Topic
    topic_index: TopicIndexPage
    users: dict

    def user(self, key):
        return get_user_model().objects.get(pk=self.users[key].pk)


def _user(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(*groups)
    return user


def tag(page, topic):
    """Attach a topic the way an editor's published revision does."""
    PageTopic.objects.create(page=page, topic=topic)
    return page


def build_world():
    portal = Department.objects.filter(kind=Department.Kind.PORTAL).first() or factories.make_site(kind="portal")
    tenant = factories.make_site(short_name="分类教育局", code="fljyj", hostname="fljyj.localhost")
    other = factories.make_site(short_name="分类卫健委", code="flwjw", hostname="flwjw.localhost")
    topic = Topic.objects.create(name="乡村振兴（测试）", slug="xczx-test", description="巩固拓展脱贫攻坚成果。")
    other_topic = Topic.objects.create(name="民族团结（测试）", slug="mztj-test")

    tag(
        factories.make_article(
            factories.column(tenant, "gzdt"), title="教育助力乡村振兴", date=datetime.date(2024, 5, 1)
        ),
        topic,
    )
    tag(factories.make_document(factories.column(other, "xxgk", "zcwj"), title="关于乡村医生队伍建设的意见"), topic)
    tag(factories.make_article(factories.column(other, "gzdt"), title="民族团结联谊活动"), other_topic)
    # A draft with the topic must not be listed.
    tag(
        factories.make_article(
            factories.column(tenant, "gzdt"), title="未发布的乡村振兴稿件", publish=False, live=False
        ),
        topic,
    )

    topic_index = factories.add_page(portal.site.root_page, TopicIndexPage, title="专题专栏（测试）", slug="ztzl-test")
    users = {
        "editor": _user("fl_editor", tenant.tenant_groups.get(role="editor").group),
        "webmaster": _user("fl_webmaster", tenant.tenant_groups.get(role="webmaster").group),
        "central": _user("fl_central", ensure_central_admin_group()),
    }
    return World(portal, tenant, other, topic, other_topic, topic_index, users)


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

"""A department site published in Chinese and Uyghur with a draft, a private page and a neighbour tenant."""

from dataclasses import dataclass

import pytest
from django.db import transaction
from wagtail.models import PageViewRestriction

from hub.i18n.languages import set_published_languages
from hub.i18n.translating import translate
from hub.tenancy.models import Department
from tests import factories


@dataclass
class World:
    tenant: Department
    other: Department
    news: object
    notices: object
    article: object
    draft: object
    private: object
    ug_article: object


UYGHUR = {
    "克孜勒苏柯尔克孜自治州地图教育局": "قىزىلسۇ قىرغىز ئاپتونوم ئوبلاستى خەرىتە مائارىپ ئىدارىسى",
    "工作动态": "خىزمەت ھەرىكەتلىرى",
    "全州教育工作调度会召开": "پۈتۈن ئوبلاست مائارىپ خىزمىتى يىغىنى ئېچىلدى",
}


def build_world():
    tenant = factories.make_site(short_name="地图教育局", code="dtjyj", hostname="dtjyj.localhost")
    other = factories.make_site(short_name="邻居卫健委", code="ljwjw", hostname="ljwjw.localhost")
    news = factories.column(tenant, "gzdt")
    notices = factories.column(tenant, "tzgg")
    article = factories.make_article(news, title="全州教育工作调度会召开")
    draft = factories.make_article(news, title="尚未发布的稿件", slug="draft-piece", publish=False, live=False)
    private = factories.make_article(news, title="内部通报稿件", slug="private-piece")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    factories.make_article(factories.column(other, "gzdt"), title="邻居单位的新闻", slug="neighbour-news")
    return World(tenant, other, news, notices, article, draft, private, None)


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def w(world, db, django_capture_on_commit_callbacks):
    """The tenant publishes Uyghur; its home, 工作动态 and the article are translated (English is not published)."""
    set_published_languages(world.tenant, ["ug"])
    with django_capture_on_commit_callbacks(execute=True):
        for page in (world.tenant.site.root_page, world.news, world.article):
            translate(page, "ug", UYGHUR, require_complete=False)
    world.ug_article = world.article.get_translation(_locale("ug"))
    return world

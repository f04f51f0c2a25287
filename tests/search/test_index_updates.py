"""The index stays true: every change shows in results at once, and a failure to index is reported."""

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.models import Locale

from hub.i18n.languages import set_published_languages
from hub.search.models import IndexingProblem
from hub.search.service import Audience, SearchParams, search

from .conftest import search_ids

pytestmark = pytest.mark.django_db


def found(department, query, scope="site", language="zh-hans"):
    outcome = search(SearchParams(query=query, scope=scope), Audience(department, language), log=False)
    return {hit.page.pk for hit in outcome.hits}


def test_publish_unpublish_and_republish(group, article):
    page = article(group.education, "安全生产大检查", "开展安全生产大检查。")
    assert found(group.education, "大检查") == {page.pk}
    page.unpublish()
    assert found(group.education, "大检查") == set()
    page.save_revision().publish()
    assert found(group.education, "大检查") == {page.pk}


def test_draft_changes_stay_out_of_the_index_until_published(group, article):
    page = article(group.education, "防汛抗旱通知", "做好防汛抗旱工作。")
    page.title = "森林草原防火通知"
    page.save_revision()
    assert found(group.education, "森林草原防火") == set()
    assert found(group.education, "防汛抗旱") == {page.pk}
    page.get_latest_revision().publish()
    assert found(group.education, "森林草原防火") == {page.pk}


def test_rename(group, article):
    page = article(group.education, "冬季供暖保障", "做好冬季供暖。")
    page.title = "老旧小区改造"
    page.save_revision().publish()
    assert found(group.education, "老旧小区") == {page.pk}
    assert found(group.education, "保障") == set()


def test_move_to_another_site(group, article):
    page = article(group.education, "职业技能培训", "开展职业技能培训。")
    page.move(group.news(group.finance), pos="last-child")
    assert found(group.education, "技能培训") == set()
    assert found(group.finance, "技能培训") == {page.pk}


def test_delete_removes_the_index_row(group, article):
    page = article(group.education, "人工增雨作业", "开展人工增雨作业。")
    entries = get_app_config().get_model("IndexEntry").objects.filter(object_id=str(page.pk))
    assert entries.exists()
    page.delete()
    assert found(group.portal, "人工增雨", scope="all") == set()
    assert not entries.exists()


def test_translate(group, article):
    page = article(group.education, "国家通用语言文字推广", "推广国家通用语言文字。")
    # A language is searched only on the sites that publish it.
    set_published_languages(group.education, ["en"])
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    translation.title = "Promoting the national common language"
    translation.save_revision().publish()
    assert found(group.education, "common language", language="en") == {translation.pk}
    assert found(group.education, "common language") == set()
    assert found(group.education, "通用语言") == {page.pk}


@pytest.fixture
def broken_indexing(monkeypatch):
    """Make indexing fail for any text containing 故障 (as a bug in a page type's search fields would)."""
    from hub.search import segmenter

    original = segmenter.index_text

    def failing(text):
        if "故障" in text:
            raise ValueError("segmenting failed")
        return original(text)

    module = "postgres" if connection.vendor == "postgresql" else "sqlite"
    monkeypatch.setattr(f"hub.search.backends.{module}.index_text", failing)
    return monkeypatch


def test_a_failure_to_index_is_logged_and_shown_to_administrators(
    group, article, broken_indexing, caplog, admin_client
):
    caplog.set_level(logging.ERROR, logger="hub.search")
    page = article(group.education, "设备故障通报", "设备出现故障。")
    page.refresh_from_db()
    assert page.live  # the page itself is published

    problem = IndexingProblem.objects.get(object_id=str(page.pk))
    assert problem.model == "common.ArticlePage"
    assert "segmenting failed" in problem.error
    attempts = problem.attempts  # creating, saving a revision and publishing each tried
    page.save_revision().publish()
    problem.refresh_from_db()
    assert problem.attempts > attempts
    assert any(record.name == "hub.search" and record.exc_info for record in caplog.records)
    assert found(group.education, "设备") == set()

    dashboard = admin_client.get("/admin/").content.decode()
    assert "未能写入搜索索引" in dashboard
    listing = admin_client.get("/admin/search/indexing-problems/").content.decode()
    assert "设备故障通报" in listing and "segmenting failed" in listing

    broken_indexing.undo()
    response = admin_client.post(f"/admin/search/indexing-problems/{problem.pk}/reindex/")
    assert response.status_code == 302
    assert not IndexingProblem.objects.exists()
    assert found(group.education, "设备") == {page.pk}
    assert "未能写入搜索索引" not in admin_client.get("/admin/").content.decode()


def test_a_later_successful_save_clears_the_problem(group, article, broken_indexing):
    page = article(group.education, "线路故障", "线路故障排除。")
    assert IndexingProblem.objects.filter(object_id=str(page.pk)).exists()
    page.title = "线路检修"
    page.body = []
    page.save_revision().publish()
    assert not IndexingProblem.objects.filter(object_id=str(page.pk)).exists()
    assert page.pk in search_ids("检修")


def test_update_index_shows_progress(group, article):
    page = article(group.education, "档案数字化", "推进档案数字化。")
    out = StringIO()
    call_command("update_index", stdout=out)
    output = out.getvalue()
    assert "common.ArticlePage" in output
    assert "100.0%" in output and "/s" in output
    assert page.pk in search_ids("数字化")


def test_update_index_indexes_the_rest_and_fails_loudly_when_some_objects_cannot_be_indexed(
    group, article, broken_indexing
):
    good = article(group.education, "粮食收购", "做好粮食收购。")
    bad = article(group.education, "系统故障", "系统故障。")
    IndexingProblem.objects.all().delete()
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="could not be indexed"):
        call_command("update_index", stdout=out, stderr=err)
    assert f"#{bad.pk}" in err.getvalue()
    assert list(IndexingProblem.objects.values_list("object_id", flat=True)) == [str(bad.pk)]
    assert good.pk in search_ids("粮食收购")

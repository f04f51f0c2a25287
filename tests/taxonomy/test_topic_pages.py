"""Topic pages on the portal list matching content from every department."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from hub.taxonomy.models import PageTopic, Subject
from hub.tenancy.models import Department
from sites.common.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def topic_url(w, topic):
    return w.topic_index.relative_url(w.portal.site) + f"{topic.slug}/"


def test_a_topic_page_lists_the_topics_content_of_every_department(w, client):
    response = client.get(topic_url(w, w.topic), HTTP_HOST=w.portal.hostname)
    assert response.status_code == 200
    html = response.content.decode()
    assert "乡村振兴（测试）" in html
    assert "教育助力乡村振兴" in html and "[分类教育局]" in html
    assert "关于乡村医生队伍建设的意见" in html and "[分类卫健委]" in html
    assert "民族团结联谊活动" not in html  # another topic
    assert "未发布的乡村振兴稿件" not in html  # a draft


def test_the_topic_index_lists_topics_with_their_counts(w, client):
    html = client.get(w.topic_index.relative_url(w.portal.site), HTTP_HOST=w.portal.hostname).content.decode()
    assert "乡村振兴（测试）" in html and "民族团结（测试）" in html
    assert topic_url(w, w.topic) in html
    assert "2 条" in html


def test_an_offline_departments_pages_leave_the_topic_page(w, client):
    Department.objects.filter(pk=w.tenant.pk).update(is_online=False)
    html = client.get(topic_url(w, w.topic), HTTP_HOST=w.portal.hostname).content.decode()
    assert "教育助力乡村振兴" not in html
    assert "关于乡村医生队伍建设的意见" in html


def test_an_unknown_topic_is_not_found(w, client):
    assert (
        client.get(
            w.topic_index.relative_url(w.portal.site) + "no-such-topic/", HTTP_HOST=w.portal.hostname
        ).status_code
        == 404
    )


def test_an_editor_attaches_topics_in_the_page_editor_and_they_follow_the_published_revision(w, as_user, client):
    article = factories.make_article(factories.column(w.tenant, "gzdt"), title="职业教育服务乡村产业")
    client = as_user("editor")
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    assert "topic_links-TOTAL_FORMS" in data
    data["topic_links-TOTAL_FORMS"] = "1"
    data["topic_links-0-topic"] = str(w.topic.pk)
    data["topic_links-0-id"] = ""
    data["topic_links-0-ORDER"] = "1"
    data["topic_links-0-DELETE"] = ""
    # The body is built by JavaScript in a browser; rebuild it as the browser would post it.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>职业教育服务乡村产业。</p>"))])}))
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    # Saved as a draft: the revision carries the topic, the public list does not show it yet.
    assert not PageTopic.objects.filter(page=article, topic=w.topic).exists()
    assert "职业教育服务乡村产业" not in client.get(topic_url(w, w.topic), HTTP_HOST=w.portal.hostname).content.decode()

    ArticlePage.objects.get(pk=article.pk).get_latest_revision().publish()
    assert PageTopic.objects.filter(page=article, topic=w.topic).exists()
    assert "职业教育服务乡村产业" in client.get(topic_url(w, w.topic), HTTP_HOST=w.portal.hostname).content.decode()


def test_the_standard_subjects_are_seeded(db):
    assert Subject.objects.count() >= 22
    assert Subject.objects.get(code="11").name == "科技、教育"


def test_topic_pages_render_in_a_bounded_number_of_queries(w, client, django_assert_max_num_queries):
    for url in (w.topic_index.relative_url(w.portal.site), topic_url(w, w.topic)):
        with django_assert_max_num_queries(25):
            assert client.get(url, HTTP_HOST=w.portal.hostname).status_code == 200

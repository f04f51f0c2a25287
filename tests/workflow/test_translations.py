"""A translation reaches the public only through its page's chain, whichever translation screen is used.

wagtail-localize publishes from its translation editor ("Publish in …") and from "Sync translated
pages" ("Publish immediately"); under a chain both save the translation as a draft and submit it.
"""

import datetime
import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from hub.i18n.languages import set_published_languages
from hub.i18n.translating import submit, translate
from hub.workflow.models import ContentCheck
from sites.common.models import ArticlePage
from tests import factories

from .conftest import CLEAN_TEXT, act, body_blocks, current_task_state

TITLES = {
    "ug": "پۈتۈن ئوبلاستلىق مائارىپ خىزمىتى يىغىنى ئېچىلدى",
    "ky": "بۉتۉن وبلۇستۇق بىلىم بەرۉۉ جىيىنى ۅتتۉ",
    "en": "Prefecture education work conference held",
}
NEW_TITLES = {
    "ug": "مائارىپ خىزمىتى يىغىنى مۇۋەپپەقىيەتلىك ئېچىلدى",
    "en": "Education work conference concludes",
}


def memory_for(source_page, language, title):
    """What a translator delivers: the title in the language, every other string marked as translated."""
    translation = submit(source_page, language)
    strings = StringSegment.objects.filter(source=translation.source).values_list("string__data", flat=True)
    return {text: title if text == source_page.title else f"({language}) {text}" for text in strings}


def translated_article(w, language, *, live_translation=False):
    """A published Chinese article whose site root and column are published in the language; the
    article's translation is a draft (or, with live_translation, published earlier) with every string
    filled in. Returns (source, translated page, translation)."""
    set_published_languages(w.tenant, [language])
    source = factories.make_article(
        w.column,
        title="全州教育工作会议召开",
        slug=f"jyhy{language}",
        body=body_blocks(CLEAN_TEXT),
        owner=w.users["author"],
    )
    source = ArticlePage.objects.get(pk=source.pk)
    for page in (w.tenant.site.root_page.specific, w.column):
        if not page.get_translations().filter(locale__language_code=language).exists():
            translate(page, language, {}, require_complete=False)
    memory = memory_for(source, language, TITLES[language])
    translation, _result = translate(source, language, memory, publish=live_translation)
    target = Page.objects.get(translation_key=source.translation_key, locale__language_code=language)
    return source, target, translation


def public_html(client, w, page):
    page = Page.objects.get(pk=page.pk)
    response = client.get(page.get_url_parts()[2], HTTP_HOST=w.tenant.hostname)
    return response.status_code, response.content.decode()


def pass_three_reviews(w, as_user, page):
    """初审, 复审 and 终审 approve, each by a different person."""
    assert current_task_state(page).task.name == "初审"
    assert act(as_user("reviewer"), page, "approve", "译文准确。").status_code == 302
    assert current_task_state(page).task.name == "复审"
    assert act(as_user("egov"), page, "approve", "格式规范。").status_code == 302
    assert current_task_state(page).task.name == "终审"
    assert act(as_user("leader"), page, "approve", "同意发布。").status_code == 302


def editor_props(response):
    """The props wagtail-localize's translation editor (a React component) is started with."""
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    assert match, "the translation editor is not on the page"
    return json.loads(html.unescape(match.group(1)))


@pytest.mark.parametrize(("user", "language"), [("webmaster", "ug"), ("author", "ky")])
def test_publish_in_the_translation_editor_submits_the_translation_to_the_chain(w, as_user, client, user, language):
    source, target, _translation = translated_article(w, language)
    assert not target.live

    # "Publish in …" as the translation editor posts it.
    response = as_user(user).post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302
    target = Page.objects.get(pk=target.pk)
    assert not target.live
    state = target.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "三审"
    assert state.requested_by.username == user
    # The machine check ran on the translation's own text, then it waits for the tenant's reviewer.
    assert ContentCheck.objects.filter(page_id=target.pk, task_state__task__name="机器检查").exists()
    assert target.get_latest_revision().as_object().title == TITLES[language]

    pass_three_reviews(w, as_user, target)

    target = Page.objects.get(pk=target.pk)
    assert target.live and target.title == TITLES[language]
    status, html = public_html(client, w, target)
    assert status == 200
    assert TITLES[language] in html


def test_a_live_translation_changes_only_after_the_chain(w, as_user, client):
    _source, target, translation = translated_article(w, "ug", live_translation=True)
    assert Page.objects.get(pk=target.pk).live

    # The translator corrects the title; the webmaster presses "Publish in Uyghur".
    title_string = StringSegment.objects.get(source=translation.source, string__data="全州教育工作会议召开").string
    StringTranslation.objects.filter(translation_of=title_string, locale=translation.target_locale).update(
        data=NEW_TITLES["ug"]
    )
    response = as_user("webmaster").post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert response.status_code == 302

    # The public still sees the reviewed version while the correction is under review.
    target = Page.objects.get(pk=target.pk)
    assert target.live and target.title == TITLES["ug"]
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    status, html = public_html(client, w, target)
    assert status == 200 and TITLES["ug"] in html and NEW_TITLES["ug"] not in html

    pass_three_reviews(w, as_user, target)
    status, html = public_html(client, w, target)
    assert NEW_TITLES["ug"] in html
    assert Page.objects.get(pk=target.pk).title == NEW_TITLES["ug"]


def test_sync_translated_pages_with_publish_submits_instead(w, as_user, client):
    source, target, translation = translated_article(w, "en", live_translation=True)
    title_string = StringSegment.objects.get(source=translation.source, string__data=source.title).string
    StringTranslation.objects.filter(translation_of=title_string, locale=translation.target_locale).update(
        data=NEW_TITLES["en"]
    )
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])

    client = as_user("webmaster")
    form = client.get(url)
    assert form.status_code == 200
    assert "更新后提交审核" in form.content.decode()

    response = client.post(url, {"publish_translations": "on"}, follow=True)
    assert response.status_code == 200
    assert "已提交三审" in response.content.decode()
    target = Page.objects.get(pk=target.pk)
    assert target.live and target.title == TITLES["en"]
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    pass_three_reviews(w, as_user, target)
    assert Page.objects.get(pk=target.pk).title == NEW_TITLES["en"]


def test_the_translation_editor_offers_submission_instead_of_publishing(w, as_user):
    _source, target, translation = translated_article(w, "ug")
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    submit_url = reverse("workflow:submit_translation", args=[translation.pk])

    response = as_user("webmaster").get(edit_url)
    assert response.status_code == 200
    assert editor_props(response)["perms"]["canPublish"] is False
    html = response.content.decode()
    assert "须经审核流程（三审）通过后才能发布" in html
    assert submit_url in html

    # The confirmation screen, then submission.
    confirm = as_user("webmaster").get(submit_url)
    assert confirm.status_code == 200
    assert "全部" in confirm.content.decode()
    assert as_user("webmaster").post(submit_url).status_code == 302
    target = Page.objects.get(pk=target.pk)
    assert not target.live
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # While it is under review the editor says so, and its author cannot submit again over it.
    page = as_user("webmaster").get(edit_url).content.decode()
    assert "本译文正在审核（初审）" in page
    response = as_user("webmaster").post(submit_url, follow=True)
    assert "审核人处理之前不能重新提交" in response.content.decode()
    assert current_task_state(target).task.name == "初审"


def test_a_rejected_translation_is_resubmitted_where_it_came_back(w, as_user):
    _source, target, translation = translated_article(w, "ug")
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    as_user("webmaster").post(edit_url, {"action": "publish"})
    act(as_user("reviewer"), target, "approve")
    assert act(as_user("egov"), target, "reject", "译名不规范，请修改。").status_code == 302
    assert Page.objects.get(pk=target.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    html = as_user("webmaster").get(edit_url).content.decode()
    assert "译名不规范，请修改。" in html and "重新提交审核" in html
    as_user("webmaster").post(reverse("workflow:submit_translation", args=[translation.pk]))
    assert current_task_state(target).task.name == "复审"
    assert not Page.objects.get(pk=target.pk).live


def test_other_tenants_cannot_submit_a_translation(w, as_user):
    _source, target, translation = translated_article(w, "ug")
    submit_url = reverse("workflow:submit_translation", args=[translation.pk])
    assert as_user("other_author").get(submit_url).status_code in (302, 403)
    assert as_user("other_author").post(submit_url).status_code in (302, 403)
    assert Page.objects.get(pk=target.pk).current_workflow_state is None


def test_a_superuser_keeps_publishing_a_translation_directly(w, as_user, django_capture_on_commit_callbacks):
    """Superusers may publish at once in an emergency, in the translation editor as in the page editor."""
    _source, target, _translation = translated_article(w, "en")
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    admin = as_user("admin")
    assert editor_props(admin.get(edit_url))["perms"]["canPublish"] is True
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(edit_url, {"action": "publish"}).status_code == 302
    target = Page.objects.get(pk=target.pk)
    assert target.live and target.title == TITLES["en"]
    assert target.current_workflow_state is None


def republish_source(source, **changes):
    """The Chinese source is published again (as the last step of its own chain does)."""
    source = ArticlePage.objects.get(pk=source.pk)
    for name, value in changes.items():
        setattr(source, name, value)
    source.save_revision().publish()


def test_republishing_the_source_carries_shared_facts_to_a_reviewed_translation(w):
    source, target, _translation = translated_article(w, "en", live_translation=True)
    new_date = source.date - datetime.timedelta(days=2)
    republish_source(source, date=new_date)
    target = ArticlePage.objects.get(pk=target.pk)
    assert target.date == new_date and target.title == TITLES["en"]


def test_republishing_the_source_does_not_publish_unreviewed_translation_text(w, as_user, client):
    source, target, translation = translated_article(w, "ug", live_translation=True)
    title_string = StringSegment.objects.get(source=translation.source, string__data=source.title).string
    StringTranslation.objects.filter(translation_of=title_string, locale=translation.target_locale).update(
        data=NEW_TITLES["ug"], updated_at=timezone.now()
    )
    old_date = source.date
    republish_source(source, date=old_date - datetime.timedelta(days=2))

    # The translator's unreviewed correction stays off the public page (and so, until it is
    # reviewed, does the new date: the page is published again only as a whole).
    target = ArticlePage.objects.get(pk=target.pk)
    assert target.title == TITLES["ug"] and target.date == old_date
    status, html = public_html(client, w, target)
    assert status == 200 and NEW_TITLES["ug"] not in html

    as_user("webmaster").post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    pass_three_reviews(w, as_user, target)
    target = ArticlePage.objects.get(pk=target.pk)
    assert target.title == NEW_TITLES["ug"] and target.date == old_date - datetime.timedelta(days=2)


def test_converting_a_translation_under_review_to_an_alias_ends_the_review(w, as_user, client):
    source, target, _translation = translated_article(w, "ug")
    client = as_user("webmaster")
    client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert Page.objects.get(pk=target.pk).current_workflow_state is not None

    url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
    assert client.post(url).status_code == 302
    target = Page.objects.get(pk=target.pk)
    # The alias shows the Chinese page's reviewed live version; the unreviewed translation is not published.
    assert target.alias_of_id == source.pk
    assert target.title == source.title and target.live == source.live
    assert target.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(target.pk)).status == WorkflowState.STATUS_CANCELLED


def test_text_changed_while_the_translation_was_under_review_is_not_republished_with_the_source(w, as_user, client):
    source, target, translation = translated_article(w, "en")
    as_user("webmaster").post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    # The translator goes on editing while the submitted version is reviewed (the strings are not locked).
    title_string = StringSegment.objects.get(source=translation.source, string__data=source.title).string
    StringTranslation.objects.filter(translation_of=title_string, locale=translation.target_locale).update(
        data=NEW_TITLES["en"], updated_at=timezone.now()
    )
    pass_three_reviews(w, as_user, target)
    assert ArticlePage.objects.get(pk=target.pk).title == TITLES["en"]  # the version reviewed

    republish_source(source, date=source.date - datetime.timedelta(days=1))
    target = ArticlePage.objects.get(pk=target.pk)
    assert target.title == TITLES["en"] and target.date == source.date

"""Translations go through the review chain like any other page.

wagtail-localize publishes a page translation from its translation editor ("Publish in …") and from
"Sync translated pages" ("Publish immediately"). For a translated page under a chain these become
"save the translation as a draft and submit it": the chain's last approval publishes it, as for a
page written in the admin's own editor. Superusers keep direct publishing, as they do there.

Saving the draft never touches what the public sees: wagtail-localize writes a translation into the
page's own row even when it only saves a draft, and the row of a live page *is* the live version.
For a live page only a revision is saved (as Wagtail's own editor does).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.locks import WorkflowLock
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog

from .publishing import review_required, under_chain


class SubmitRefused(Exception):
    """The translation cannot be submitted now; the message says why."""


def page_translation(page):
    """The enabled wagtail-localize translation whose target is this page, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def target_page(translation):
    """The translated page, or None (not created yet, or the translation is not of a page)."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return target.specific if isinstance(target, Page) else None


def translation_review_required(translation, user):
    """Whether this user's publishing of this translation must go through the target page's chain
    (decided on the source page while the translated page does not exist yet)."""
    page = target_page(translation)
    if page is None:
        source = translation.source.get_source_instance()
        if not isinstance(source, Page):
            return False
        page = source.specific
    return review_required(page, user)


def save_draft(translation, user=None):
    """Save the translation as the latest revision of its page without changing the live version;
    returns (page, revision). Raises ValidationError when the translated page is not valid."""
    page = target_page(translation)
    if page is None or not page.live:
        # Not public (or not created yet): wagtail-localize's own way of saving a draft is safe.
        translation.save_target(user=user, publish=False)
        page = target_page(translation)
        return page, page.get_latest_revision()
    if page.alias_of_id:
        raise SubmitRefused(_("别名页面随原文更新，不能单独提交审核。"))
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    revision = draft.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=translation.source, locale=translation.target_locale, revision=revision)
    return Page.objects.get(pk=page.pk).specific, revision


@transaction.atomic
def submit_translation(translation, user):
    """Save the translation as a draft of its page and send it through the page's chain: start it,
    resume it if it came back for changes, or start it afresh if it was under way (the reviewers
    then see the new text). Returns the page. Raises SubmitRefused or ValidationError."""
    page = target_page(translation)
    if page is not None and user is not None:
        lock = page.get_lock()
        if lock is not None and lock.for_user(user):
            if isinstance(lock, WorkflowLock):
                raise SubmitRefused(_("本页正在审核中，审核人处理之前不能重新提交。"))
            raise SubmitRefused(lock.get_message(user))
    page, _revision = save_draft(translation, user=user)
    workflow = page.get_workflow()
    if workflow is None:
        raise SubmitRefused(_("本页没有审核流程。"))
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        if state is not None:
            state.cancel(user=user)
        workflow.start(page, user)
    return page


def _string_translations(translation):
    """The translated strings the current source of this translation uses."""
    return StringTranslation.objects.filter(
        translation_of__in=StringSegment.objects.filter(source=translation.source).values("string"),
        context__object_id=translation.source.object_id,
        locale=translation.target_locale,
    )


def edited_since_publication(translation, page):
    """Whether a translated string of this translation changed after the live version of the page
    was saved (so the live page does not show it, and nobody reviewed it in it)."""
    # The live revision holds the strings as they were when it was saved (for a translation that
    # passed its chain: when it was submitted; edits made while it was under review are not in it).
    published = page.live_revision.created_at if page.live_revision_id else page.last_published_at
    if not page.live or published is None:
        return True
    last_edit = _string_translations(translation).aggregate(last=Max("updated_at"))["last"]
    return last_edit is not None and last_edit > published


def republish_needs_review(translation):
    """When the source is published again: whether this translation's page must go through its chain
    instead of being published again at once (it is under a chain and holds text nobody reviewed)."""
    page = target_page(translation)
    return page is not None and under_chain(page) and edited_since_publication(translation, page)

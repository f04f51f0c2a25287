"""Keeping translations in step with their Chinese source when the source changes.

wagtail-localize only refreshes a translation when an editor asks ("Sync translated pages"), and
its way of saving a page translation as a draft writes the page row, i.e. the live version. So when
a source that has translations is published again (or a translatable snippet saved), its frozen
source is refreshed and each translation is looked at:

- every string already has a translation in that language (the change touched dates, attachments
  or other shared fields, or text that was translated before): the translation is published again
  at once, so shared facts never drift apart;
- some string is new: the live translation stays as it was, and the translation shows as waiting
  for its translator, in the translation editor, the translations report and the PO export, until
  the translator publishes it.

A translated page under a review chain (hub.workflow) is published again at once only while its
translated strings are those it was last published with; text changed since then, or never
published, waits like a new string until the translator submits it to the chain.
"""

import contextlib
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from hub.workflow.translations import republish_needs_review

from .translating import publish_translation

logger = logging.getLogger(__name__)


@dataclass
class SyncResult:
    republished: list = field(default_factory=list)  # language codes published again
    waiting: list = field(default_factory=list)  # language codes waiting for a translator

    def __bool__(self):
        return bool(self.republished or self.waiting)


def source_of(instance):
    """The wagtail-localize source recorded for this object in its own locale, if it was ever translated."""
    return TranslationSource.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id).first()


def is_complete(translation):
    total, translated = translation.get_progress()
    return total == translated


def sync_translations(instance, user=None):
    """Refresh the source of a translated object and update its translations as described above."""
    result = SyncResult()
    if source_of(instance) is None:
        return result
    if isinstance(instance, Page):
        instance = instance.specific
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        language = translation.target_locale.language_code
        if is_complete(translation) and not republish_needs_review(translation):
            with contextlib.suppress(ValidationError):
                publish_translation(translation, user=user)
                result.republished.append(language)
                continue
        result.waiting.append(language)
    if result:
        logger.info(
            "Translations of %s: republished %s, waiting for a translator %s",
            source.object_repr,
            result.republished or "none",
            result.waiting or "none",
        )
    return result


def sync_on_publish(sender, instance, revision=None, **kwargs):
    """page_published receiver: a page published in the locale it was translated from syncs its translations."""
    sync_translations(instance, user=getattr(revision, "user", None))

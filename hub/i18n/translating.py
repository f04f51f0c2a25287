"""Translating a page or snippet through wagtail-localize from code (the demo loader, commands, tests).

The steps are those an editor takes in the admin: submit the object for translation (a draft copy
appears in the target language), fill in its strings, publish. Strings can be filled in from a
translation memory, a {source text: translation} mapping such as a PO file of earlier translations.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object


@dataclass
class MemoryResult:
    applied: int = 0
    missing: list = field(default_factory=list)  # source strings the memory had no translation for


def memory_from_po(po):
    """{msgid: msgstr} of a PO file's translated, non-obsolete entries."""
    return {entry.msgid: entry.msgstr for entry in po if entry.msgstr and not entry.obsolete}


def apply_memory(translation, memory, user=None):
    """Fill in every string of a translation whose source text the memory knows (existing ones are updated)."""
    result = MemoryResult()
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    for segment in segments.order_by("order"):
        text = memory.get(segment.string.data)
        if not text:
            result.missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "translation memory",
                "last_translated_by": user,
                "updated_at": timezone.now(),
                "has_error": False,
                "field_error": "",
            },
        )
        result.applied += 1
    return result


def translation_of(instance, language):
    """The wagtail-localize translation of an object into a language, or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            source__locale_id=instance.locale_id,
            target_locale__language_code=language,
        )
        .select_related("source", "target_locale")
        .first()
    )


def submit(instance, language, user=None):
    """Submit an object for translation into a language (as "Translate" in the admin does); returns the
    Translation. The translated object starts as a draft holding the source text."""
    if isinstance(instance, Page):
        instance = instance.specific
    translation = translation_of(instance, language)
    if translation is None:
        translate_object(instance, [Locale.objects.get(language_code=language)], user=user)
        translation = translation_of(instance, language)
    return translation


@transaction.atomic
def translate(instance, language, memory, *, user=None, publish=True, require_complete=True):
    """Submit, fill in from the memory and (by default) publish a translation; returns (translation, MemoryResult).

    With require_complete, a string the memory lacks raises ValueError instead of publishing source
    text in the target language.
    """
    translation = submit(instance, language, user=user)
    result = apply_memory(translation, memory, user=user)
    if require_complete and result.missing:
        raise ValueError(f"No {language} translation for: {result.missing[0]!r} ({len(result.missing)} missing)")
    if publish:
        publish_translation(translation, user=user)
    return translation, result


def publish_translation(translation, user=None):
    """Write the translated object from its source and translated strings, and publish it now.

    wagtail-localize publishes a page translation when the transaction commits, from the page as it
    was when saved: pages added under it later in the same transaction (a loader translating a
    column, then its articles) would be lost from the tree's child count. Publishing at once avoids it.
    """
    source_instance = translation.source.get_source_instance()
    if not isinstance(source_instance, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return translation.get_target_instance()
    translation.source.create_or_update_translation(
        translation.target_locale, user=user, publish=False, copy_parent_pages=True, fallback=True
    )
    target = translation.get_target_instance()
    target.get_latest_revision().publish(user=user)
    return target

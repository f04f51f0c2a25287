"""PO files for outside translators: every translation of one tenant into one language, in one file.

wagtail-localize offers a PO download and upload per page in its translation editor. A translation
agency works better with one file per site and language: this module joins the per-translation
files into one (each message's context is prefixed with its translation's id, and a comment names
the page) and splits it again on import, handing each part to wagtail-localize's own importer. A
file only ever touches translations of the tenant and language it was exported for.
"""

from dataclasses import dataclass, field

import polib
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from hub.tenancy.scoping import pages_for

from .models import SiteIdentity
from .sync import is_complete
from .translating import publish_translation

SITE_HEADER = "X-PortalHub-Site"
LANGUAGE_HEADER = "X-PortalHub-Language"


class WrongFile(ValueError):
    """The PO file was exported for another site or language."""


def tenant_translations(department, language):
    """The enabled translations into a language of a tenant's pages and its site identity."""
    locale = Locale.objects.get(language_code=language)
    page_keys = pages_for(department).values("translation_key")
    identity_keys = SiteIdentity.objects.filter(department=department).values("translation_key")
    return (
        Translation.objects.filter(target_locale=locale, enabled=True)
        .filter(Q(source__object_id__in=page_keys) | Q(source__object_id__in=identity_keys))
        .select_related("source", "target_locale")
        .order_by("source__object_repr", "pk")
    )


def _where(translation):
    """A human pointer to what a translation is of, for the translator: a page's address or the site name."""
    instance = translation.source.get_source_instance()
    if isinstance(instance, Page):
        return f"{translation.source.object_repr} ({instance.url_path})"
    return f"{translation.source.object_repr} ({instance._meta.verbose_name})"


def export_po(department, language):
    """One PO file with every string of the tenant's translations into a language, translated or not."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"{department.code} {language}",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        SITE_HEADER: department.code,
        LANGUAGE_HEADER: language,
    }
    for translation in tenant_translations(department, language):
        where = _where(translation)
        for entry in translation.export_po():
            if entry.obsolete:
                continue
            entry.msgctxt = f"{translation.uuid}:{entry.msgctxt}"
            entry.comment = where
            po.append(entry)
    return po


@dataclass
class ImportResult:
    translations: int = 0
    strings: int = 0
    published: list = field(default_factory=list)  # titles of translations published after the import
    warnings: list = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.strings} translated strings in {self.translations} translations imported; "
            f"{len(self.published)} published; {len(self.warnings)} warnings"
        )


def import_po(po, department, language, *, user=None, publish=False):
    """Import a PO file made by export_po (and filled in by a translator).

    Raises WrongFile for a file of another site or language. Messages of translations outside the
    tenant are reported as warnings and ignored. With publish=True, each translation that is then
    complete is published.
    """
    if po.metadata.get(SITE_HEADER) != department.code or po.metadata.get(LANGUAGE_HEADER) != language:
        raise WrongFile(
            f"This file is for site {po.metadata.get(SITE_HEADER)!r}, language {po.metadata.get(LANGUAGE_HEADER)!r}"
        )
    parts = {}
    result = ImportResult()
    for entry in po:
        if entry.obsolete:
            continue
        uuid, _sep, context = (entry.msgctxt or "").partition(":")
        parts.setdefault(uuid, []).append(polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=context))
    translations = {str(t.uuid): t for t in tenant_translations(department, language)}
    for uuid, entries in parts.items():
        translation = translations.get(uuid)
        if translation is None:
            result.warnings.append(f"{len(entries)} messages of an unknown translation {uuid!r} ignored")
            continue
        part = polib.POFile()
        part.metadata = {"X-WagtailLocalize-TranslationID": uuid}
        part.extend(entries)
        warnings = translation.import_po(part, user=user, tool_name="PO file")
        result.warnings.extend(f"{translation.source.object_repr}: {warning!r}" for warning in warnings)
        result.translations += 1
        result.strings += sum(1 for entry in entries if entry.msgstr)
        if publish and is_complete(translation):
            publish_translation(translation, user=user)
            result.published.append(translation.source.object_repr)
    return result

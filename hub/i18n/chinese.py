"""The Chinese supplement: upstream admin messages that Wagtail, wagtail-localize and the libraries they use
leave untranslated (or fuzzy) in Simplified Chinese, translated here.

Wagtail's own zh_Hans catalogues lack about a quarter of its messages; Django shows such a message in
English. `hub/i18n/catalogues/zh_Hans` holds the missing ones, for both the `django` domain (templates,
Python, and the strings Wagtail hands its admin scripts through `wagtailConfig`) and the `djangojs`
domain (Wagtail's and wagtail-localize's JavaScript catalogues). `LOCALE_PATHS` lists that folder before
every app's own, so gettext finds them; upstream translations are never overridden, since only messages
upstream leaves untranslated are listed.

Which messages are missing is worked out from the installed packages, not kept by hand: every message of
an installed app's source catalogue (`locale/en`, or any catalogue the app ships when it has no English
one) that Django's merged zh-hans translation, without this supplement, does not translate.
`manage.py build_chinese_catalogue` rewrites the supplement from that list, keeping the translations
already made, adding new messages untranslated and dropping those upstream has since translated or
removed; it then compiles the `.mo` files, which are committed like the others.
"""

from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation.trans_real import DjangoTranslation, to_locale

LANGUAGE = "zh-hans"
LOCALE = to_locale(LANGUAGE)  # zh_Hans
FOLDER = Path(settings.BASE_DIR) / "hub" / "i18n" / "catalogues"
DOMAINS = ("django", "djangojs")
# Apps whose messages are the project's own: their catalogues are hub/locale, themes/locale, sites/*/locale.
OWN = ("hub", "sites", "themes", "fixtures")
# A catalogue in Simplified Chinese under another name, used to prefill (django-filter ships zh_CN only).
SIMPLIFIED_ALIASES = ("zh_CN", "zh_SG")
PLURAL_FORMS = "nplurals=1; plural=0;"
# Looked up through gettext at run time but listed in no catalogue: {domain: {message: where it comes from}}.
RUNTIME = {
    "django": {
        "Can submit translations": "wagtail_localize (a permission named by its migration, shown by the group screen)",
        "exact": "django_filters (a lookup name its filters pass through gettext)",
    },
    "djangojs": {},
}


def catalogue_path(domain):
    return FOLDER / LOCALE / "LC_MESSAGES" / f"{domain}.po"


def _upstream_apps():
    """(label for the comment, locale folder) of every installed package, Django's own messages first."""
    import django

    yield "django", Path(django.__file__).parent / "conf" / "locale"
    for config in apps.get_app_configs():
        if config.name.split(".")[0] in OWN:
            continue
        folder = Path(config.path) / "locale"
        if folder.is_dir():
            yield config.name, folder


def _source_catalogue(folder, domain):
    """The app's catalogue listing every message id: the English one, else all it ships, joined."""
    english = folder / "en" / "LC_MESSAGES" / f"{domain}.po"
    if english.exists():
        return polib.pofile(str(english))
    joined, seen = [], set()
    for other in sorted(folder.glob(f"*/LC_MESSAGES/{domain}.po")):
        for entry in polib.pofile(str(other)):
            if not entry.obsolete and (entry.msgctxt, entry.msgid) not in seen:
                seen.add((entry.msgctxt, entry.msgid))
                joined.append(entry)
    return joined or None


def _simplified_alias(folder, domain):
    for alias in SIMPLIFIED_ALIASES:
        path = folder / alias / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            return {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(path)).translated_entries()}
    return {}


class _Upstream(DjangoTranslation):
    """Django's merged zh-hans translation as it would be without the supplement."""

    def _add_local_translations(self):
        for localedir in reversed(settings.LOCALE_PATHS):
            if Path(localedir).resolve() != FOLDER.resolve():
                self.merge(self._new_gnu_trans(localedir))


def upstream_translation(domain):
    if domain == "django":
        return _Upstream(LANGUAGE, domain=domain)
    folders = [str(folder) for _, folder in _upstream_apps() if _source_catalogue(folder, domain)]
    return _Upstream(LANGUAGE, domain=domain, localedirs=folders)


def _key(entry):
    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    return (key, 0) if entry.msgid_plural else key


def is_translated(translation, entry):
    """Whether gettext (the merged catalogue or its fallbacks, e.g. the `zh` ones) has a translation."""
    while translation is not None:
        catalog = getattr(translation, "_catalog", None)
        if catalog is not None and _key(entry) in catalog:
            return True
        translation = getattr(translation, "_fallback", None)
    return False


@dataclass
class Candidate:
    entry: polib.POEntry
    apps: list = field(default_factory=list)
    prefill: polib.POEntry | None = None


def candidates(domain):
    """{(context, msgid): Candidate} for every upstream message zh-hans users would see untranslated."""
    translation = upstream_translation(domain)
    found = {}
    for app, folder in _upstream_apps():
        source = _source_catalogue(folder, domain)
        if source is None:
            continue
        aliases = _simplified_alias(folder, domain)
        for entry in source:
            if entry.obsolete or not entry.msgid or is_translated(translation, entry):
                continue
            key = (entry.msgctxt, entry.msgid)
            candidate = found.setdefault(key, Candidate(entry=entry, prefill=aliases.get(key)))
            if app not in candidate.apps:
                candidate.apps.append(app)
    for message, where in RUNTIME[domain].items():
        entry = polib.POEntry(msgid=message)
        if not is_translated(translation, entry):
            found.setdefault((None, message), Candidate(entry=entry, apps=[where.split(" ")[0]]))
    return found


@dataclass
class BuildResult:
    domain: str
    kept: int = 0
    prefilled: int = 0
    added: int = 0
    dropped: int = 0
    untranslated: list = field(default_factory=list)
    per_app: dict = field(default_factory=dict)


def build(domain, write=True):
    """Rewrite the supplement of one domain from the current candidates, keeping translations made."""
    path = catalogue_path(domain)
    existing = {}
    if path.exists():
        existing = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete}
    result = BuildResult(domain=domain)
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.header = (
        "Simplified Chinese for the upstream messages Wagtail, wagtail-localize and their libraries leave\n"
        "untranslated in zh_Hans. The list of messages is made by manage.py build_chinese_catalogue from the\n"
        "installed packages; the translations are the project's own: edit them here, then run the command\n"
        "again to compile."
    )
    catalogue.metadata = {
        "Project-Id-Version": "Portal Hub zh_Hans supplement",
        "Language": LOCALE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    found = candidates(domain)
    for key, candidate in sorted(found.items(), key=lambda item: (item[1].apps[0], item[0][1], item[0][0] or "")):
        source = candidate.entry
        entry = polib.POEntry(
            msgid=source.msgid,
            msgid_plural=source.msgid_plural,
            msgctxt=source.msgctxt,
            comment=", ".join(candidate.apps),
            flags=[flag for flag in source.flags if flag.endswith("-format")],
        )
        if source.msgid_plural:
            entry.msgstr_plural = {0: ""}
        made = existing.get(key)
        if made is not None and made.translated():
            entry.msgstr, entry.msgstr_plural = made.msgstr, dict(made.msgstr_plural) or entry.msgstr_plural
            result.kept += 1
        elif candidate.prefill is not None:
            prefill = candidate.prefill
            entry.msgstr = prefill.msgstr
            if source.msgid_plural:
                entry.msgstr_plural = {0: prefill.msgstr_plural.get(0, "")}
            result.prefilled += 1
        else:
            result.added += 1
        if not entry.translated():
            result.untranslated.append(key)
        for app in candidate.apps[:1]:
            result.per_app[app] = result.per_app.get(app, 0) + 1
        catalogue.append(entry)
    result.dropped = len(set(existing) - set(found))
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(path))
        catalogue.save_as_mofile(str(path.with_suffix(".mo")))
    return result

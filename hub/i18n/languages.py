"""Which languages a tenant publishes: the one answer every public surface asks (pages, switcher, search).

Chinese is every tenant's own language; the others are switched on per tenant (SiteLanguages). The
answer is kept on the Department object, which the tenancy helpers keep for one request.
"""

from django.conf import settings
from wagtail.models import Locale


def default_language():
    return settings.LANGUAGE_CODE


def content_languages():
    """Every content language, Chinese first, in the order of settings.WAGTAIL_CONTENT_LANGUAGES."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def translation_languages():
    """The content languages other than Chinese."""
    return [code for code in content_languages() if code != default_language()]


def is_rtl(language):
    return language in settings.RTL_LANGUAGES


def _ordered(codes):
    return [code for code in content_languages() if code in codes]


def published_languages(department):
    """The languages a tenant's site is public in, Chinese first; every language outside any tenant."""
    if department is None:
        return content_languages()
    languages = getattr(department, "_hub_languages", None)
    if languages is None:
        from .models import SiteLanguages

        chosen = set(
            SiteLanguages.locales.through.objects.filter(sitelanguages__department_id=department.pk).values_list(
                "locale__language_code", flat=True
            )
        )
        languages = department._hub_languages = _ordered(chosen | {default_language()})
    return languages


def is_published(department, language):
    return language == default_language() or language in published_languages(department)


def publishing_department_ids(language):
    """Ids of the tenants that publish a language (all of them for Chinese); one query."""
    from hub.tenancy.models import Department

    if language == default_language():
        return set(Department.objects.values_list("pk", flat=True))
    from .models import SiteLanguages

    return set(SiteLanguages.objects.filter(locales__language_code=language).values_list("department_id", flat=True))


def set_published_languages(department, languages):
    """Publish a tenant's site in these languages (Chinese is implied); returns the languages now published."""
    from .models import SiteLanguages

    unknown = set(languages) - set(content_languages())
    if unknown:
        raise ValueError(f"Not a content language: {', '.join(sorted(unknown))}")
    setting, _created = SiteLanguages.objects.get_or_create(department=department)
    setting.locales.set(Locale.objects.filter(language_code__in=set(languages) - {default_language()}))
    department.__dict__.pop("_hub_languages", None)
    return published_languages(department)


# Locales are created by migration and rarely change: their codes are kept per process, and dropped
# whenever a locale is saved or deleted (receivers.py).
_locale_codes = {}


def locale_code(locale_id):
    """A locale's language code, without a query once the locales are known."""
    if locale_id not in _locale_codes:
        _locale_codes.clear()
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id)


def forget_locales(**kwargs):
    _locale_codes.clear()

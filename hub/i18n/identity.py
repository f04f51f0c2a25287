"""A tenant's name and footer lines in the language shown (SiteIdentity), Chinese from the department itself."""

from dataclasses import dataclass

from django.utils import translation
from wagtail.models import Locale

from .languages import default_language
from .sync import sync_translations

# Department fields a SiteIdentity mirrors in Chinese and translates into the other languages.
IDENTITY_FIELDS = ("name", "short_name", "sponsor", "organizer", "address", "office_hours")


@dataclass
class Identity:
    name: str
    short_name: str
    sponsor: str
    organizer: str
    address: str
    office_hours: str
    language: str


def from_department(department, language):
    return Identity(*(getattr(department, name) or "" for name in IDENTITY_FIELDS), language=language)


def identity_for(department, language=None):
    """The tenant's name and footer lines in a language (the active one by default).

    Chinese comes from the department record (no query); another language from its translated
    SiteIdentity (one query), each empty or missing field falling back to Chinese.
    """
    from .models import SiteIdentity

    language = language or translation.get_language() or default_language()
    chinese = from_department(department, default_language())
    if language == default_language():
        return chinese
    row = SiteIdentity.objects.filter(department=department, locale__language_code=language).first()
    if row is None:
        return chinese
    return Identity(*(getattr(row, name) or getattr(chinese, name) for name in IDENTITY_FIELDS), language=language)


def mirror_department(department):
    """Write the department's Chinese name and footer lines into its Chinese SiteIdentity (the
    source its translations are made from); when they changed, bring the translations in step."""
    from .models import SiteIdentity

    values = {name: getattr(department, name) or "" for name in IDENTITY_FIELDS}
    locale = Locale.objects.filter(language_code=default_language()).first()
    if locale is None:
        return None
    identity, created = SiteIdentity.objects.get_or_create(department=department, locale=locale, defaults=values)
    if not created and any(getattr(identity, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(identity, name, value)
        identity.save()
        sync_translations(identity)
    return identity

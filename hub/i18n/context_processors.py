"""The current tenant as templates show it in the language of the page."""

import copy

from hub.tenancy.scoping import department_for_request

from .fallback import prefixed_language
from .identity import IDENTITY_FIELDS, identity_for


def _read_only(*args, **kwargs):
    raise TypeError("This department record carries translated names for display; it cannot be saved.")


def localized_department(department, language):
    """A copy of the department with its name and footer lines in a language (SiteIdentity), for
    templates; Chinese values stand in for any field not translated. The copy refuses to be saved."""
    identity = identity_for(department, language)
    shown = copy.copy(department)
    for name in IDENTITY_FIELDS:
        setattr(shown, name, getattr(identity, name))
    shown.save = _read_only
    return shown


def languages(request):
    """Placed after the tenancy context processor: on pages under /ug/, /ky/ or /en/,
    `current_department` carries the tenant's names in that language (one query)."""
    language = prefixed_language(request.path_info)
    if language is None:
        return {}
    department = department_for_request(request)
    if department is None:
        return {}
    return {"current_department": localized_department(department, language)}

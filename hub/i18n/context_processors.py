"""The tenants as templates show them in the language of the page: names, and where their home is."""

import copy

from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from hub.tenancy.models import Department
from hub.tenancy.scoping import department_for_request

from .fallback import prefixed_language
from .identity import IDENTITY_FIELDS, identity_for
from .languages import publishing_department_ids


def _read_only(*args, **kwargs):
    raise TypeError("This department record carries translated names for display; it cannot be saved.")


def _shown(department, identity):
    shown = copy.copy(department)
    for name in IDENTITY_FIELDS:
        value = getattr(identity, name, "") if identity is not None else ""
        setattr(shown, name, value or getattr(department, name))
    shown.save = _read_only
    return shown


def localized_department(department, language):
    """A copy of the department with its name and footer lines in a language (SiteIdentity), for
    templates; Chinese values stand in for any field not translated. The copy refuses to be saved."""
    return _shown(department, identity_for(department, language))


def localized_sites(language):
    """Online tenants for the department bar, named in the language, each with `home_path`: the
    language's home ("/ug/") where the tenant publishes it, else its Chinese home. Four queries."""
    from .models import SiteIdentity

    departments = list(Department.objects.online().select_related("site__root_page").order_by("sort_order", "code"))
    identities = {row.department_id: row for row in SiteIdentity.objects.filter(locale__language_code=language)}
    publishing = publishing_department_ids(language)
    roots = Page.objects.filter(depth=2, live=True, locale__language_code=language)
    live_roots = set(roots.values_list("translation_key", flat=True))
    shown = []
    for department in departments:
        site = _shown(department, identities.get(department.pk))
        in_language = department.pk in publishing and department.site.root_page.translation_key in live_roots
        site.home_path = f"/{language}/" if in_language else "/"
        shown.append(site)
    return shown


def languages(request):
    """Placed after the tenancy context processor: on pages under /ug/, /ky/ or /en/, the current tenant
    and the department bar's tenants carry their names in that language (queries only when shown)."""
    language = prefixed_language(request.path_info)
    if language is None:
        return {}
    context = {"department_sites": SimpleLazyObject(lambda: localized_sites(language))}
    department = department_for_request(request)
    if department is not None:
        context["current_department"] = localized_department(department, language)
    return context

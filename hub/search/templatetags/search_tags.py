"""Template tags themes use to put search into their layouts."""

from django import template
from django.utils import translation

from hub.tenancy.scoping import department_for_request

from ..querylog import hot_searches as hot_searches_for

register = template.Library()


@register.simple_tag(takes_context=True)
def hot_searches(context, limit=8):
    """The hot list for the current site and language: [(phrase, count)], most searched first.

    The portal lists what the whole site group searches; a subsite, what its own visitors search.
    """
    request = context.get("request")
    department = department_for_request(request) if request is not None else None
    departments = None if department is None or department.is_portal else [department]
    return hot_searches_for(departments=departments, language=translation.get_language(), limit=limit)

"""Template access to the department directory: `{% load directory_tags %}`."""

from django import template

from ..queries import directory_entries, entry_for

register = template.Library()


def _cached(context, key, compute):
    request = context.get("request")
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_directory_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


@register.simple_tag(takes_context=True)
def directory_entry(context, department):
    """`{% directory_entry current_department as entry %}`: the tenant's entry, leaders joined.

    Two queries, once per request.
    """
    if department is None:
        return None
    return _cached(context, ("entry", department.pk), lambda: entry_for(department))


@register.simple_tag(takes_context=True)
def department_directory(context):
    """`{% department_directory as entries %}`: every online tenant's entry (two queries, once per request)."""
    return _cached(context, "all", lambda: list(directory_entries()))

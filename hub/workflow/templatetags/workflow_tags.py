from django import template

from ..models.tasks import latest_check

register = template.Library()


@register.simple_tag
def page_latest_check(page):
    """The check of the page's latest revision (run now if none is recorded under the current rules)."""
    return latest_check(page) if page is not None else None

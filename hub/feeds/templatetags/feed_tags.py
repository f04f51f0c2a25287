"""`{% feed_links %}` in a page's <head>: readers and browsers find the site's and the column's feeds."""

from django import template
from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context):
    department = context.get("current_department")
    if department is None:
        return ""
    try:
        links = [
            (reverse("feeds:site_rss"), "application/rss+xml", f"{department.name} RSS"),
            (reverse("feeds:site_atom"), "application/atom+xml", f"{department.name} Atom"),
        ]
    except NoReverseMatch:
        return ""
    page = context.get("page")
    column_model = apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)
    if isinstance(page, column_model) and page.depth > 2:
        column_path = page.url_path.split("/", 2)[2].strip("/")
        for kind, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
            url = reverse(f"feeds:column_{kind}", kwargs={"column_path": column_path})
            links.append((url, mime, _("%(column)s%(kind)s") % {"column": page.title, "kind": kind.upper()}))
    return format_html_join(
        "\n",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        ((mime, title, url) for url, mime, title in links),
    )

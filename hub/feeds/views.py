"""Feed views: /feeds/rss.xml and /feeds/atom.xml for the site, /feeds/<column path>/rss.xml for a column.

The site is the one whose hostname served the request; the language is the address's (/ug/feeds/…
lists the Uyghur pages). An offline tenant's feeds answer 410 Gone, like its pages.
"""

from django.apps import apps
from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from hub.tenancy.scoping import department_for_request

from .output import build_feed

CONTENT_TYPES = {"rss": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8"}


def _site_root(department):
    root = department.site.root_page.localized
    if not root.live:
        raise Http404
    return root


def _column(root, column_path):
    column_model = apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)
    url_path = f"{root.url_path}{column_path.strip('/')}/"
    column = Page.objects.descendant_of(root).filter(url_path=url_path).live().public().first()
    if column is None or not issubclass(column.specific_class, column_model):
        raise Http404
    return column.specific


@require_GET
def feed(request, kind, column_path=None):
    department = department_for_request(request)
    if department is None:
        raise Http404
    if not department.is_online:
        return HttpResponse("410 Gone", status=410, content_type="text/plain; charset=utf-8")
    container = _site_root(department)
    if column_path:
        container = _column(container, column_path)
    generator = build_feed(
        kind, container=container, department=department, request=request, feed_url=request.build_absolute_uri()
    )
    response = HttpResponse(content_type=CONTENT_TYPES[kind])
    generator.write(response, "utf-8")
    response["Cache-Control"] = "max-age=300"
    return response

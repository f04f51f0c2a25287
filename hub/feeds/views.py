"""Feed views: /feeds/rss.xml and /feeds/atom.xml for the site, /feeds/<column path>/rss.xml for a column.

The site is the one whose hostname served the request; the language is the address's (/ug/feeds/…
lists the Uyghur pages). A language the tenant does not publish, or whose site root is not live in
that language, has no feeds (404): a feed reader is never handed another language's items under
its address. An offline tenant's feeds answer 410 Gone, like its pages.
"""

from django.apps import apps
from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from hub.i18n.fallback import without_language_fallback
from hub.i18n.languages import is_published
from hub.tenancy.scoping import department_for_request

from .output import build_feed

CONTENT_TYPES = {"rss": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8"}


def _site_root(department):
    """The tenant's site root in the request's language; 404 unless the tenant publishes it there."""
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        raise Http404 from None
    if not is_published(department, language):
        raise Http404
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise Http404
    root = department.site.root_page
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale)
    if root is None or not root.live:
        raise Http404
    return root


def _column(root, column_path):
    column_model = apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)
    url_path = f"{root.url_path}{column_path.strip('/')}/"
    column = Page.objects.descendant_of(root).filter(url_path=url_path).live().public().first()
    if column is None or not issubclass(column.specific_class, column_model):
        raise Http404
    return column.specific


@without_language_fallback
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

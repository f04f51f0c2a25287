"""sitemap.xml and robots.txt of the tenant whose hostname is asked, and its 网站地图 page.

An offline tenant answers 410 Gone at these addresses too, like its pages and feeds: a crawler
learns the site is gone instead of being told to keep away from a site that still exists.
"""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from hub.i18n.fallback import without_language_fallback
from hub.i18n.languages import is_published
from hub.tenancy.scoping import department_for_request

from .generator import TenantSitemap, columns, site_roots

SITEMAP_MAX_AGE = 3600


def _department(request):
    department = department_for_request(request)
    if department is None:
        raise Http404
    return department


def _gone():
    return HttpResponse("410 Gone", status=410, content_type="text/plain; charset=utf-8")


@require_GET
def sitemap_xml(request):
    department = _department(request)
    if not department.is_online:
        return _gone()
    response = django_sitemap(request, sitemaps={"pages": TenantSitemap(request, department)})
    response["Cache-Control"] = f"max-age={SITEMAP_MAX_AGE}"
    return response


@require_GET
def robots_txt(request):
    department = _department(request)
    if not department.is_online:
        return _gone()
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_xml'))}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = f"max-age={SITEMAP_MAX_AGE}"
    return response


@without_language_fallback
@require_GET
def site_map_page(request):
    """网站地图: the tenant's columns and sub-columns in the address's language (404 if not published)."""
    department = _department(request)
    if not department.is_online:
        html = render_to_string("tenancy/site_offline.html", {"department": department}, request=request)
        return HttpResponse(html, status=410)
    language = translation.get_language()
    if not is_published(department, language) or language not in site_roots(department):
        raise Http404
    return TemplateResponse(request, "sitemaps/site_map.html", {"columns": columns(department, language)})

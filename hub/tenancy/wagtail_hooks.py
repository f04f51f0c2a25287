from django.http import HttpResponse
from django.template.loader import render_to_string
from wagtail import hooks

from .scoping import department_for_request


@hooks.register("before_serve_page")
def refuse_offline_sites(page, request, serve_args, serve_kwargs):
    """An offline tenant's hostname answers 410 Gone with a plain notice; its content is kept."""
    department = department_for_request(request)
    if department is not None and not department.is_online:
        html = render_to_string("tenancy/site_offline.html", {"department": department}, request=request)
        return HttpResponse(html, status=410)
    return None

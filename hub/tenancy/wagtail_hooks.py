from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import todo
from .owned import FriendlyLink
from .scoping import department_for_request
from .snippets import FriendlyLinkViewSet, register_tenant_owned
from .views import DepartmentViewSet


@hooks.register("register_admin_viewset")
def register_department_viewset():
    return DepartmentViewSet("tenancy_department", url_prefix="subsites")


@hooks.register("register_log_actions")
def register_tenancy_log_actions(actions):
    actions.register_action("tenancy.onboard", _("Onboard subsite"), _("Subsite onboarded"))
    actions.register_action("tenancy.offline", _("Take subsite offline"), _("Subsite taken offline"))
    actions.register_action("tenancy.online", _("Bring subsite online"), _("Subsite brought online"))


@hooks.register("before_serve_page")
def refuse_offline_sites(page, request, serve_args, serve_kwargs):
    """An offline tenant's hostname answers 410 Gone with a plain notice; its content is kept."""
    department = department_for_request(request)
    if department is not None and not department.is_online:
        html = render_to_string("tenancy/site_offline.html", {"department": department}, request=request)
        return HttpResponse(html, status=410)
    return None


register_tenant_owned(FriendlyLink)
register_snippet(FriendlyLinkViewSet)

hooks.register("construct_homepage_panels", todo.add_todo_panel)

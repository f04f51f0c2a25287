from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import todo
from .models import Department
from .owned import FriendlyLink
from .policies import CentralAdminPermissionPolicy
from .scoping import department_for_request, is_central_admin
from .snippets import FriendlyLinkViewSet, register_tenant_owned
from .views import SITE_INFO_TITLE, DepartmentViewSet, site_info_departments, site_info_edit, site_info_index

# 子站管理 is the central admins' alone: the department model permissions tenant groups may hold
# (to read shared data) do not open it.
register_permission_policy(Department, CentralAdminPermissionPolicy(Department), exact_class=True)


@hooks.register("register_admin_viewset")
def register_department_viewset():
    return DepartmentViewSet("tenancy_department", url_prefix="subsites")


@hooks.register("register_admin_urls")
def register_site_info_urls():
    urls = [path("", site_info_index, name="index"), path("<int:pk>/", site_info_edit, name="edit")]
    return [path("site-info/", include((urls, "tenancy_site_info"), namespace="tenancy_site_info"))]


class SiteInfoMenuItem(MenuItem):
    def is_shown(self, request):
        # Central admins keep every tenant's record in 子站管理.
        return not is_central_admin(request.user) and site_info_departments(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_site_info_menu_item():
    return SiteInfoMenuItem(SITE_INFO_TITLE, reverse("tenancy_site_info:index"), icon_name="site", order=160)


@hooks.register("register_log_actions")
def register_tenancy_log_actions(actions):
    actions.register_action("tenancy.onboard", _("开通子站"), _("子站已开通"))
    actions.register_action("tenancy.offline", _("子站下线"), _("子站已下线"))
    actions.register_action("tenancy.online", _("子站上线"), _("子站已上线"))
    actions.register_action("tenancy.site_info", _("修改本站信息"), _("本站信息已修改"))


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

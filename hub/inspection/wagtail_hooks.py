from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .panels import InspectionPanel
from .views import may_inspect


@hooks.register("register_admin_urls")
def register_urls():
    return [path("inspection/", include(urls, namespace="inspection"))]


class InspectionMenuItem(MenuItem):
    def is_shown(self, request):
        return may_inspect(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    return InspectionMenuItem(_("网站自查"), reverse("inspection:index"), icon_name="clipboard-list", order=170)


@hooks.register("construct_homepage_panels")
def add_inspection_panel(request, panels):
    panels.append(InspectionPanel())

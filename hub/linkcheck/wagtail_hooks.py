from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.tenancy.scoping import departments_for_user

from .views import LinkReportView


@hooks.register("register_admin_urls")
def register_urls():
    return [path("links/", LinkReportView.as_view(), name="linkcheck_report")]


class TenantMenuItem(MenuItem):
    def is_shown(self, request):
        return departments_for_user(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return TenantMenuItem(_("外部链接"), reverse("linkcheck_report"), icon_name="link-external", order=900)

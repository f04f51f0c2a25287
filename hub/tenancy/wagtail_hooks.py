from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .isolation import dashboard, media
from .isolation import forms as isolation_forms
from .isolation import pages as isolation_pages
from .isolation.pages import TenantPageViewSet
from .isolation.redirects import register_redirect_policy
from .isolation.snippets import FriendlyLinkViewSet, register_tenant_owned
from .owned import FriendlyLink
from .scoping import department_for_request
from .views import DepartmentViewSet


@hooks.register("register_admin_viewset")
def register_department_viewset():
    return DepartmentViewSet("tenancy_department", url_prefix="subsites")


@hooks.register("register_log_actions")
def register_tenancy_log_actions(actions):
    actions.register_action("tenancy.onboard", _("开通子站"), _("子站已开通"))
    actions.register_action("tenancy.offline", _("子站下线"), _("子站已下线"))
    actions.register_action("tenancy.online", _("子站上线"), _("子站已上线"))


@hooks.register("before_serve_page")
def refuse_offline_sites(page, request, serve_args, serve_kwargs):
    """An offline tenant's hostname answers 410 Gone with a plain notice; its content is kept."""
    department = department_for_request(request)
    if department is not None and not department.is_online:
        html = render_to_string("tenancy/site_offline.html", {"department": department}, request=request)
        return HttpResponse(html, status=410)
    return None


# Admin isolation between tenants (hub.tenancy.isolation) ------------------------------------------
# Hooks that replace or extend Wagtail's own registrations run after them (order=100).

register_tenant_owned(FriendlyLink)
register_redirect_policy()
register_snippet(FriendlyLinkViewSet)


@hooks.register("register_admin_viewset", order=100)
def register_tenant_page_viewset():
    return TenantPageViewSet()


hooks.register("construct_explorer_page_queryset", isolation_pages.explorer_queryset)
hooks.register("construct_page_chooser_queryset", isolation_pages.page_chooser_queryset)
hooks.register("construct_image_chooser_queryset", media.image_chooser_queryset)
hooks.register("construct_document_chooser_queryset", media.document_chooser_queryset)
hooks.register("construct_admin_api", media.construct_admin_api, order=100)
hooks.register("construct_homepage_summary_items", dashboard.construct_summary_items, order=100)
hooks.register("filter_form_submissions_for_user", isolation_forms.form_pages_for_user)

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from hub.tenancy.scoping import departments_for_user

from . import todo, urls  # noqa: F401  (todo registers this app's section of the dashboard's to-do panel)
from .actions import can_review, can_submit
from .models import Submission


@hooks.register("register_admin_urls")
def register_syndication_urls():
    return [path("syndication/", include((urls.urlpatterns, "syndication"), namespace="syndication"))]


class SubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user) or departments_for_user(request.user).exists()

    def render_component(self, request):
        # Reviewers see how many submissions wait for them.
        component = super().render_component(request)
        if can_review(request.user):
            waiting = Submission.objects.pending().count()
            if waiting:
                component.label = f"{self.label} ({waiting})"
        return component


@hooks.register("register_admin_menu_item")
def register_submissions_menu_item():
    return SubmissionsMenuItem(_("信息报送"), reverse("syndication:index"), icon_name="upload", order=250)


@hooks.register("register_page_header_buttons")
def submit_to_portal_button(page, user, view_name, next_url=None):
    if view_name == "edit" and can_submit(user, page):
        yield Button(_("报送到门户"), reverse("syndication:submit", args=[page.pk]), icon_name="upload", priority=58)


@hooks.register("register_log_actions")
def register_syndication_log_actions(actions):
    actions.register_action("syndication.submit", _("报送门户网站"), _("已报送门户网站"))
    actions.register_action("syndication.accept", _("采用到门户网站"), _("同步副本已放到门户网站"))
    actions.register_action("syndication.reject", _("退回"), _("报送已退回"))
    actions.register_action("syndication.withdraw", _("撤回"), _("报送已撤回"))

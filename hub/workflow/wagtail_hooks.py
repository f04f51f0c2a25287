import functools

from django.contrib import messages as django_messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import PagePermissionTester, WorkflowState
from wagtail_localize.views.edit_translation import edit_translation

from hub.tenancy.scoping import is_central_admin

from . import todo, urls  # noqa: F401  (todo registers this app's section of the dashboard's to-do panel)
from .access import can_view_record
from .models.tasks import latest_check
from .panels import ReviewQueuePanel
from .publishing import review_required
from .record import user_label
from .translations import page_translation
from .views.actions import land_after_editor_action
from .views.translations import submit_from_request

REVIEW_REQUIRED_MESSAGE = _("本页须经审核流程（三审）通过后才能发布，请使用“提交审核”。")


@hooks.register("register_admin_urls")
def register_urls():
    return [path("review/", include(urls, namespace="workflow"))]


class CentralAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_central_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu():
    menu = Menu(
        items=[
            MenuItem(_("待我审核"), reverse("workflow:queue"), icon_name="tasks", order=100),
            MenuItem(_("审核记录导出"), reverse("workflow:export"), icon_name="download", order=200),
            CentralAdminMenuItem(_("审核流程设置"), reverse("workflow:chains"), icon_name="cogs", order=300),
            CentralAdminMenuItem(_("审校词库"), reverse("workflow:wordlists"), icon_name="spell-check", order=400),
        ]
    )
    return SubmenuMenuItem(_("三审"), menu, icon_name="clipboard-list", name="review", order=160)


@hooks.register("construct_homepage_panels")
def add_review_queue_panel(request, panels):
    # Our panel lists the same task states as Wagtail's "Awaiting your review", with tenant, age,
    # overdue flag and check results, so it replaces it.
    panels[:] = [p for p in panels if not isinstance(p, WorkflowObjectsToModeratePanel)]
    panels.append(ReviewQueuePanel())


@hooks.register("register_log_actions")
def register_workflow_log_actions(actions):
    actions.register_action("workflow.assign_chain", _("设置审核流程"), _("审核流程已设置"))


hooks.register("after_edit_page", land_after_editor_action)


# Publishing goes through the chain: the direct "Publish" action is withdrawn and refused.


@hooks.register("construct_page_action_menu")
def withdraw_publish_action(menu_items, request, context):
    page = context.get("page")
    target = page if page is not None and page.pk else context.get("parent_page")
    if target is not None and review_required(target.specific, request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_publish_page")
def refuse_direct_publish(request, page):
    if review_required(page, request.user):
        saved = _("（修改已保存为草稿）")
        messages.error(request, f"{REVIEW_REQUIRED_MESSAGE}{saved}")
        return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    if request.method == "POST" and "action-publish" in request.POST:
        if review_required(parent_page.specific, request.user):
            messages.error(request, REVIEW_REQUIRED_MESSAGE)
            return redirect(
                "wagtailadmin_pages:add", page_class._meta.app_label, page_class._meta.model_name, parent_page.pk
            )


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    if any(review_required(obj.specific, request.user) for obj in objects):
        django_messages.error(request, REVIEW_REQUIRED_MESSAGE)
        return redirect(request.GET.get("next") or "wagtailadmin_explore_root")


@hooks.register("before_copy_page")
def refuse_publishing_copies(request, page):
    if request.method == "POST" and request.POST.get("publish_copies") and review_required(page.specific, request.user):
        messages.error(request, _("复制后的页面须经审核流程发布，不能在复制时直接发布。"))
        return redirect("wagtailadmin_pages:copy", page.pk)


# The editor shows where the page stands: the comment it came back with, or the check's findings.


# Runs before wagtail-localize's hook of the same name (which takes over the translation editor).
@hooks.register("before_edit_page", order=-1)
def show_review_status(request, page):
    if request.method != "GET":
        return None
    state = page.current_workflow_state
    if state is None or state.current_task_state is None:
        return None
    record_url = reverse("workflow:page_record", args=[page.pk])
    buttons = [messages.button(record_url, _("审核记录与机审结果"))]
    task_state = state.current_task_state
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        who = _("（%(name)s）") % {"name": user_label(task_state.finished_by)} if task_state.finished_by_id else ""
        message = _("%(step)s%(who)s退回修改：%(comment)s") % {
            "step": task_state.task.name,
            "who": who,
            "comment": task_state.comment,
        }
        messages.warning(request, message, buttons=buttons)
    elif state.status == WorkflowState.STATUS_IN_PROGRESS:
        check = latest_check(page)
        if check is not None and (check.must_fix_count or check.advisory_count):
            notify = messages.error if check.blocks_approval else messages.warning
            notify(request, check.summary(), buttons=buttons)
    return None


class ChainPagePermissionTester(PagePermissionTester):
    """A page's permissions in its translation editor while a chain applies: no direct publishing."""

    def can_publish(self):
        return False


@hooks.register("before_edit_page", order=-1)
def review_translation_editor(request, page):
    """wagtail-localize's translation editor of a page under a chain: its publish button is withdrawn
    and a posted "publish" saves the translation as a draft and submits it; the editor offers 提交审核."""
    if page.alias_of_id or {"localize-restart-translation", "localize-convert-to-alias"} & set(request.POST):
        return None  # wagtail-localize's own screens for these publish nothing
    translation = page_translation(page)
    if translation is None or not review_required(page, request.user):
        return None
    if request.method == "POST":
        if request.POST.get("action") == "publish":
            return submit_from_request(request, translation, page)
        return None
    state = page.current_workflow_state
    submit_url = reverse("workflow:submit_translation", args=[translation.pk])
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.info(
            request,
            _("本译文正在审核（%(step)s），审核通过后发布。") % {"step": state.current_task_state.task.name},
        )
    elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        resubmit = messages.button(submit_url, _("重新提交审核"))
        messages.info(request, _("按退回意见修改译文后，请重新提交审核。"), buttons=[resubmit])
    else:
        chain = page.get_workflow().name
        messages.info(
            request,
            _("本译文须经审核流程（%(chain)s）通过后才能发布：译完后请提交审核。") % {"chain": chain},
            buttons=[messages.button(submit_url, _("提交审核"))],
        )
    # The editor reads the publish permission from the page it is given; this request's copy says no.
    page.permissions_for_user = functools.partial(ChainPagePermissionTester, page=page)
    return edit_translation(request, translation, page)


class ReviewRecordButton(PageMenuItem):
    label = _("审核记录")
    icon_name = "clipboard-list"
    url_name = "workflow:page_record"
    priority = 66

    def __init__(self, *, page, user, **kwargs):
        super().__init__(page=page, **kwargs)
        self.user = user

    def is_shown(self, user):
        return self.page.depth >= 2 and can_view_record(user, self.page)


@hooks.register("register_page_header_buttons")
def page_header_review_button(page, user, view_name, next_url=None):
    yield ReviewRecordButton(page=page, user=user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_review_button(page, user, next_url=None):
    yield ReviewRecordButton(page=page, user=user)

"""Task types of the review chain: the machine check, the tenant's own review and the group-wide reviews."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState

from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.scoping import page_department

from ..forms import ReturnForm, ReviewCommentForm


class ApprovalBlocked(PermissionDenied):
    """Approval refused because the page still has must-fix findings."""


def latest_check(page):
    """The check of the page's latest revision under the current rules (run now if there is none)."""
    from ..screening.runner import check_revision

    revision = page.get_latest_revision()
    return check_revision(revision) if revision else None


class ReviewGateMixin:
    """Shared behaviour of the human steps: eligibility decides access, must-fix findings block
    approval, a rejection needs a comment, and each step re-runs the checks when it starts (so a
    resubmission after a rejection is checked again)."""

    def user_can_review(self, obj, user):
        raise NotImplementedError

    def start(self, workflow_state, user=None):
        from ..screening.runner import check_revision

        task_state = super().start(workflow_state, user=user)
        # Usually the machine check has just checked this revision; after a resubmission that
        # resumes at this step, the edited revision is checked here.
        check_revision(task_state.revision, task_state=task_state)
        return task_state

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        actions = [("reject", _("退回修改"), True)]
        check = latest_check(obj)
        if check is None or not check.blocks_approval:
            actions += [("approve", _("通过"), False), ("approve", _("通过并填写意见"), True)]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..screening.runner import check_revision

        page = task_state.workflow_state.content_object
        # The task state comes from the URL: check the user against its own page, not the one in the path.
        if not self.user_can_review(page, user):
            raise PermissionDenied
        if action_name == "approve":
            check = check_revision(page.get_latest_revision(), task_state=task_state, user=user, force=True)
            if check.blocks_approval:
                raise ApprovalBlocked(check.summary())
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_form_for_action(self, action):
        return ReturnForm if action == "reject" else ReviewCommentForm

    def get_template_for_action(self, action):
        return "workflow/review_action_modal.html"

    def _cached(self, user, key, compute):
        # Eligibility is asked many times per request (menus, locks, buttons): cache it on the user.
        cache = user.__dict__.setdefault("_hub_review_checks", {})
        full_key = (self.pk, *key)
        if full_key not in cache:
            cache[full_key] = compute()
        return cache[full_key]


class ContentCheckTask(Task):
    """机器检查: runs the content checks on submission; passes by itself when only advisory findings
    remain, returns the page to its author when a must-fix finding is present."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("机器检查")
        verbose_name_plural = _("机器检查")

    def start(self, workflow_state, user=None):
        from ..screening.runner import check_revision

        task_state = super().start(workflow_state, user=user)
        check = check_revision(task_state.revision, task_state=task_state, force=True)
        # update=False: the workflow state that started this task moves on (or back) by itself.
        if check.blocks_approval:
            task_state.reject(update=False, comment=check.comment_text())
        else:
            task_state.approve(update=False, comment=check.summary())
        return task_state

    def get_actions(self, obj, user):
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _("自动检查禁用及错误用语、站内链接、图片和公开要素；有必须修改的问题时退回作者")


class TenantReviewTask(ReviewGateMixin, Task):
    """初审: reviewed by the holders of one role (reviewers) in the page's own tenant."""

    role = models.CharField(
        _("页面所属站点中的角色"),
        max_length=20,
        choices=TenantGroup.Role.choices,
        default=TenantGroup.Role.REVIEWER,
    )

    admin_form_fields = Task.admin_form_fields + ["role"]

    class Meta:
        verbose_name = _("初审")
        verbose_name_plural = _("初审")

    def start(self, workflow_state, user=None):
        # Like Wagtail's group approval: a lock held by someone who does not review here is released,
        # or the reviewers could not edit the page they are asked to review.
        page = workflow_state.content_object
        if page.locked_by_id and not self.user_can_review(page, page.locked_by):
            page.locked, page.locked_by, page.locked_at = False, None, None
            page.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_review(self, obj, user):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True

        def compute():
            from hub.tenancy.scoping import roles_for_user

            department = page_department(obj)
            return department is not None and self.role in roles_for_user(user, department)

        return self._cached(user, ("page", obj.pk), compute)

    def departments_for(self, user):
        return Department.objects.filter(tenant_groups__role=self.role, tenant_groups__group__user=user).select_related(
            "site__root_page"
        )

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from hub.tenancy.scoping import pages_q

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        departments = list(self.departments_for(user))
        if not departments:
            return TaskState.objects.none()
        # WorkflowState.object_id is text: compare with page ids cast to text (PostgreSQL will not mix them).
        page_ids = Page.objects.filter(pages_q(departments)).annotate(key=Cast("pk", CharField())).values("key")
        return states.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=page_ids,
        )

    @classmethod
    def get_description(cls):
        return _("由页面所属单位的审核员审核；其他单位的人员不能处理")


class CentralReviewTask(ReviewGateMixin, AbstractGroupApprovalTask):
    """复审 / 终审: reviewed by group-wide groups (e-government centre editors, government-office leaders)."""

    class Meta:
        verbose_name = _("复审 / 终审")
        verbose_name_plural = _("复审 / 终审")

    def user_can_review(self, obj, user):
        return user.is_active and (user.is_superuser or self._user_in_groups(user))

    @classmethod
    def get_description(cls):
        return _("由指定的全站审核组（电子政务中心编辑、政府办领导）审核")

"""Email notifications of the chain.

Wagtail already mails the group-wide steps' groups when a page reaches them (复审, 终审: their
task type is a group approval task), the requester when a page is returned or approved, and
superusers on submission. What it cannot know is who reviews at 初审: that depends on the page's
tenant, so this notifier mails the holders of that role in the page's own tenant.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.signals import task_submitted

from .models import TenantReviewTask
from .models.tasks import page_department


class TenantReviewSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, self.valid_classes) and isinstance(instance.task.specific, TenantReviewTask)

    def get_recipient_users(self, task_state, **kwargs):
        task = task_state.task.specific
        department = page_department(task_state.workflow_state.content_object)
        users = get_user_model().objects.none()
        if department is not None:
            users = get_user_model().objects.filter(
                groups__tenant_group__department=department, groups__tenant_group__role=task.role
            )
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            users = users | get_user_model().objects.filter(is_superuser=True)
        triggering_user = kwargs.get("user")
        if triggering_user is not None:
            users = users.exclude(pk=triggering_user.pk)
        return set(users.distinct())


tenant_review_notifier = TenantReviewSubmissionNotifier()


def register_signal_handlers():
    from wagtail.models import TaskState

    task_submitted.connect(tenant_review_notifier, sender=TaskState, dispatch_uid="workflow_tenant_review_submitted")

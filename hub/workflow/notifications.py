"""Email notifications of the chain.

Wagtail already mails the group-wide steps' groups when a page reaches them (复审, 终审: their
task type is a group approval task), the requester when a page is returned or approved, and
superusers on submission. What it cannot know is who reviews at 初审: that depends on the page's
tenant, so this notifier mails the holders of that role in the page's own tenant.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier, send_mail
from wagtail.signals import task_submitted

from hub.tenancy.scoping import page_department

from .models import TenantReviewTask


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


def reviewers():
    """Everyone who reviews at some step: the tenants' reviewer groups and the group-wide groups."""
    from .access import central_reviewer_groups

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(groups__tenant_group__role__in=TenantReviewTask.objects.values("role"))
            | Q(groups__name__in=central_reviewer_groups())
        )
        .distinct()
    )


def send_overdue_reminders():
    """Mail each reviewer a list of the pages overdue at their steps; returns the number of mails sent."""
    from .queue import overdue_after, pending_for

    sent = 0
    for user in reviewers():
        overdue = [item for item in pending_for(user) if item.overdue]
        if not overdue:
            continue
        context = {"user": user, "items": overdue, "days": overdue_after().days, "settings": settings}
        subject = render_to_string("workflow/notifications/overdue_subject.txt", context).strip()
        body = render_to_string("workflow/notifications/overdue.txt", context)
        send_mail(subject, body, [user.email])
        sent += 1
    return sent

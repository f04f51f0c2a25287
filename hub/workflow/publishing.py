"""Publishing under the review chain: the chain's last approval publishes, nobody else does.

The final approvers (government-office leaders) hold no page permissions of their own, so the
finish action publishes without Wagtail's per-user permission check: completing the chain is the
authority. Direct publishing in the admin is refused for pages under a chain (superusers excepted).
"""

from django.conf import settings


def publish_approved(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish (or schedule, if a go-live date is set) the revision
    the last step approved."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


def review_required(page, user):
    """Whether this user must send this page through its review chain instead of publishing it."""
    if not getattr(settings, "HUB_REVIEW_REQUIRED", True) or user.is_superuser:
        return False
    return page.get_workflow() is not None

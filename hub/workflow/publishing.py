"""Publishing under the review chain: the chain's last approval publishes, nobody else does.

The final approvers (government-office leaders) hold no page permissions of their own, so the
finish action publishes without Wagtail's per-user permission check: completing the chain is the
authority. Direct publishing in the admin is refused for pages under a chain (superusers excepted).
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def publish_approved(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish (or schedule, if a go-live date is set) the revision
    the last step approved."""
    page = workflow_state.content_object
    if getattr(page, "alias_of_id", None):
        # A translation turned back into an alias while under review shows its source's own
        # (reviewed) live version; the draft it was submitted with is not published over it.
        logger.info("Review of %s finished after it became an alias: nothing published", page)
        return
    revision = page.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)


def under_chain(page):
    """Whether a review chain applies to this page (whoever acts)."""
    return getattr(settings, "HUB_REVIEW_REQUIRED", True) and page.get_workflow() is not None


def review_required(page, user):
    """Whether this user must send this page through its review chain instead of publishing it."""
    return not user.is_superuser and under_chain(page)

"""Keeping synced copies in step with their originals when the original leaves the public site.

Wagtail republishes aliases when the original is published and unpublishes them with it; here
a waiting submission whose original is unpublished leaves the queue, and deleting an original
deletes its synced copy (Wagtail would otherwise turn the alias into an ordinary portal page).
"""

import logging

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_unpublished

from .models import Submission

logger = logging.getLogger(__name__)

ORIGINAL_UNPUBLISHED = "原文已撤销发布"
COPY_DELETED = "门户上的转载已删除"


@receiver(page_unpublished)
def follow_unpublished_original(sender, instance, **kwargs):
    withdrawn = (
        Submission.objects.pending()
        .filter(page_id=instance.pk)
        .update(status=Submission.Status.WITHDRAWN, reason=ORIGINAL_UNPUBLISHED, decided_at=timezone.now())
    )
    # Wagtail unpublishes aliases itself; this also covers a copy some other path had left live.
    for copy in Page.objects.filter(alias_of_id=instance.pk, live=True, syndication_submission__isnull=False):
        copy.specific.unpublish(log_action=False)
    if withdrawn:
        logger.info("Page %s unpublished: %s waiting submission(s) withdrawn", instance.pk, withdrawn)


@receiver(pre_delete)
def follow_deleted_page(sender, instance, **kwargs):
    if not isinstance(instance, Page) or getattr(instance, "_syndication_delete_seen", False):
        return
    instance._syndication_delete_seen = True
    # The page is a synced copy: its submission no longer stands.
    Submission.objects.filter(copy_id=instance.pk).update(
        status=Submission.Status.WITHDRAWN, reason=COPY_DELETED, copy=None, decided_at=timezone.now()
    )
    # The page is an original: its synced copies go with it (its submissions are deleted by cascade).
    copies = Page.objects.filter(alias_of_id=instance.pk, syndication_submission__isnull=False)
    for copy in copies:
        logger.info("Original %s deleted: deleting its synced copy %s", instance.pk, copy.pk)
        copy.delete()

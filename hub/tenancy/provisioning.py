"""Locale roots added after onboarding join their tenant.

Translating a site's root creates a sibling root at depth 2 that would otherwise belong to nobody:
no group could edit under it and no review workflow would apply to it.
"""

import logging

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, WorkflowPage

from .models import Department
from .onboarding import grant_page_permissions

logger = logging.getLogger(__name__)


def department_for_root(page):
    """The tenant whose site root is this depth-2 page or a translation of it."""
    return Department.objects.filter(site__root_page__translation_key=page.translation_key).first()


@receiver(post_save)
def provision_new_locale_root(sender, instance, created, raw=False, **kwargs):
    """A site root created in another locale joins its tenant at once: the tenant's groups get their
    page permissions on it, and it takes the same review workflow as the site's own root."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    department = department_for_root(instance)
    if department is None:
        return
    grant_page_permissions(department)
    site_root_workflow = WorkflowPage.objects.filter(page_id=department.site.root_page_id).first()
    if site_root_workflow is not None and not WorkflowPage.objects.filter(page=instance).exists():
        WorkflowPage.objects.create(page=instance, workflow=site_root_workflow.workflow)
    logger.info("Locale root %s (locale %s) joined tenant %s", instance.pk, instance.locale_id, department.code)

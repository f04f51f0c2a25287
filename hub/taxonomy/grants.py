"""Permissions on shared data that only the central admin group (中心管理员) holds.

The group is created by `hub.tenancy.onboarding.ensure_central_admin_group`; apps that add shared
data register their permissions here, and they are granted when the group is created and again
after every migrate (so a group made before an app was installed catches up).
"""

import logging

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from hub.tenancy.scoping import CENTRAL_ADMIN_GROUP

logger = logging.getLogger(__name__)

_registered = []


def grant_to_central_admins(*pairs):
    """Register (app_label, codename) pairs the central admin group must hold."""
    _registered.extend(pairs)


def central_admin_permissions():
    if not _registered:
        return Permission.objects.none()
    query = Q()
    for app_label, codename in _registered:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def apply_grants(group):
    permissions = list(central_admin_permissions())
    group.permissions.add(*permissions)
    return permissions


@receiver(post_save, sender=Group)
def grant_on_group_creation(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.name == CENTRAL_ADMIN_GROUP:
        apply_grants(instance)


@receiver(post_migrate)
def grant_after_migrate(sender, using="default", **kwargs):
    # post_migrate is sent once per app; the last one sent suffices, but granting is idempotent.
    group = Group.objects.using(using).filter(name=CENTRAL_ADMIN_GROUP).first()
    if group is not None:
        apply_grants(group)

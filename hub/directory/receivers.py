"""Every tenant has a directory entry from the moment it is onboarded; a leader's profile page follows
the leader's record (title on a rename, search index on every change; see profiles.py); the tenant's
functions pages are found by the entry's main functions (search index on every change of the entry)."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from hub.tenancy.signals import tenant_onboarded

from .models import DirectoryEntry, DirectoryLeader
from .profiles import reindex_function_pages, reindex_profiles, retitle_profiles


@receiver(tenant_onboarded)
def create_directory_entry(sender, department, steps, **kwargs):
    category = DirectoryEntry.Category.GOVERNMENT if department.is_portal else DirectoryEntry.Category.CONSTITUENT
    _entry, created = DirectoryEntry.objects.get_or_create(department=department, defaults={"category": category})
    if created:
        steps.append("directory entry")


@receiver(pre_save, sender=DirectoryLeader)
def remember_previous_record(sender, instance, **kwargs):
    previous = sender.objects.filter(pk=instance.pk).values("name", "profile_page_id").first() if instance.pk else None
    instance._previous = previous or {}


@receiver(post_save, sender=DirectoryLeader)
def update_profile_after_save(sender, instance, **kwargs):
    previous = getattr(instance, "_previous", {})
    retitle_profiles(instance, previous.get("name"))
    reindex_profiles({instance.profile_page_id, previous.get("profile_page_id")})


@receiver(post_delete, sender=DirectoryLeader)
def reindex_after_delete(sender, instance, **kwargs):
    reindex_profiles({instance.profile_page_id})


@receiver(post_save, sender=DirectoryEntry)
def reindex_function_pages_after_save(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_function_pages(instance.department)

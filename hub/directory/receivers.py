"""Every tenant has a directory entry from the moment it is onboarded."""

from django.dispatch import receiver

from hub.tenancy.signals import tenant_onboarded

from .models import DirectoryEntry


@receiver(tenant_onboarded)
def create_directory_entry(sender, department, steps, **kwargs):
    category = DirectoryEntry.Category.GOVERNMENT if department.is_portal else DirectoryEntry.Category.CONSTITUENT
    _entry, created = DirectoryEntry.objects.get_or_create(department=department, defaults={"category": category})
    if created:
        steps.append("directory entry")

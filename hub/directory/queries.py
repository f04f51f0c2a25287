"""Reading the directory: one query for the entries with their tenants and sites, one for all leaders."""

from django.db.models import Prefetch

from .models import DirectoryEntry, DirectoryLeader


def directory_entries(departments=None, *, online_only=True):
    """Directory entries in the department bar's order, tenants, sites and leaders joined."""
    entries = DirectoryEntry.objects.select_related("department__site").prefetch_related(
        Prefetch("leaders", queryset=DirectoryLeader.objects.select_related("photo", "profile_page"))
    )
    if online_only:
        entries = entries.filter(department__is_online=True)
    if departments is not None:
        entries = entries.filter(department__in=departments)
    return entries.order_by("department__sort_order", "department__code")


def entry_for(department):
    """A tenant's directory entry (leaders joined), or None; never creates one."""
    if department is None:
        return None
    return directory_entries([department], online_only=False).first()

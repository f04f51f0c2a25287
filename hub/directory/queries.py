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


def leader_for_profile(page):
    """The directory leader whose profile page this page is (or a translation of it is), or None."""
    if page is None or page.pk is None:
        return None
    leaders = list(
        DirectoryLeader.objects.select_related("photo", "entry__department").filter(
            profile_page__translation_key=page.translation_key
        )
    )
    # Translations share the link to the Chinese page; a leader linked to this very version comes first.
    leaders.sort(key=lambda leader: leader.profile_page_id != page.pk)
    return leaders[0] if leaders else None

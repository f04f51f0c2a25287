"""Keeping the pages that read the directory in step with it: a leader's profile page with the leader's
record, a department's functions pages with its entry.

The page holds no copy of the leader's data; it reads it. Two things about the page do depend on
it: the search index (the page is found by the leader's name, position and duties) and the page
title, which names the leader in the browser title, breadcrumbs and column lists. When a leader
is renamed in the directory, a profile page titled with the old name takes the new one.

Page types declare what they are to the directory with a `directory_role` class attribute:
"leader_profile" (a leader's profile page, offered by the leader's page chooser) or "functions"
(found by the tenant's main functions, so re-indexed when its entry changes).
"""

from wagtail.models import Page, get_page_models
from wagtail.search import index

LEADER_PROFILE = "leader_profile"
FUNCTIONS = "functions"


def page_types_with_role(role):
    """The page models that declare this directory role."""
    return [model for model in get_page_models() if vars(model).get("directory_role") == role]


def profile_versions(page_ids):
    """The profile pages with these ids and their translations (specific)."""
    page_ids = {page_id for page_id in page_ids if page_id}
    if not page_ids:
        return Page.objects.none()
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    return Page.objects.filter(translation_key__in=keys).specific()


def reindex_profiles(page_ids):
    """Rewrite the index rows of these profile pages and their translations."""
    for page in profile_versions(page_ids):
        index.insert_or_update_object(page)


def retitle_profiles(leader, old_name):
    """Give the leader's profile page(s) titled `old_name` the leader's new name, live and in the draft."""
    if not leader.profile_page_id or not old_name or old_name == leader.name:
        return
    for page in profile_versions([leader.profile_page_id]):
        if old_name not in (page.title, page.draft_title):
            continue  # a title of the editor's own choosing stays
        had_draft = page.has_unpublished_changes
        latest = page.get_latest_revision_as_object()
        latest.title = latest.draft_title = leader.name
        revision = latest.save_revision(clean=False)
        if page.live and not had_draft:
            revision.publish()
        elif page.live:
            # Unpublished edits wait for review; only the live title changes now.
            Page.objects.filter(pk=page.pk).update(title=leader.name)


def reindex_function_pages(department):
    """Rewrite the index rows of a tenant's functions pages (every locale): they are found by the entry's functions."""
    from hub.tenancy.scoping import pages_q

    if department is None or department.site_id is None:
        return
    for model in page_types_with_role(FUNCTIONS):
        for page in model.objects.filter(pages_q([department])):
            index.insert_or_update_object(page)

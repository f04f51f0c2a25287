"""Who may see what of the review chain (beyond what Wagtail's own permissions decide)."""

from hub.tenancy.scoping import departments_for_user, is_central_admin, page_department

from .chains import STEPS


def central_reviewer_groups():
    return [step.group for step in STEPS.values() if step.kind == "central"]


def _cached(user, name, compute):
    # Asked once per row in page listings: remember the answer on the user for the request.
    cache = user.__dict__.setdefault("_hub_review_access", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def is_central_reviewer(user):
    """Members of the group-wide steps' groups review every tenant's pages."""
    return _cached(user, "central_reviewer", lambda: user.groups.filter(name__in=central_reviewer_groups()).exists())


def can_view_record(user, page):
    """The approval record and check findings of a page: its tenant's people, the group-wide
    reviewers, central admins, and anyone who may edit it (which includes the current step's reviewers)."""
    if not user.is_active:
        return False
    if _cached(user, "central_admin", lambda: is_central_admin(user)) or is_central_reviewer(user):
        return True
    if page.permissions_for_user(user).can_edit():
        return True
    department = page_department(page)
    return department is not None and departments_for_user(user).filter(pk=department.pk).exists()


def exportable_departments(user):
    """Tenants whose approval record this user may export."""
    return departments_for_user(user)

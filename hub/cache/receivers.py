"""Every change that can show on a public page invalidates the page cache; this module is the one place
that says so.

The rule is short so that it cannot fall behind: *any* row saved, deleted or re-linked bumps the
generation of the tenants that show it, unless its model is listed in INVISIBLE below (rows the public
never sees: drafts, logs, sessions, search statistics, workflow state). A new model is therefore
covered the day it is added. Who shows a row:

- a page: its tenant, the tenants of its aliases (synced copies on the portal), and the portal, whose
  aggregate panels, topic pages, disclosure catalogue and feeds list every tenant's pages;
- a tenant-owned row (a site setting such as mourning mode, a mailbox, a link, an image): its tenant
  and the portal (``hub.tenancy.scoping.tenant_of``);
- shared data (SHARED below: the departments themselves, sites, locales, each site's languages and
  translated names, the directory, the taxonomy) and anything outside every tenant: every tenant, since
  the department bar, footer and panels of every site read them.

Pages are also covered by Wagtail's own signals (published, unpublished, moved), and deletions are
seen before the row goes (pre_delete), while its tenant can still be found.
"""

from django.apps import apps as global_apps
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .generations import ALL, invalidate

# Rows that never show on a public page (app label, or app_label.model).
INVISIBLE = {
    "admin",
    "auth",
    "contenttypes",
    "sessions",
    "taggit.taggeditem",  # saved with a page's revision; the publish bumps
    "wagtailadmin",  # editing sessions, pinged while an editor has a page open
    "wagtailusers",
    "wagtailsearch",  # index entries
    "wagtail_localize",  # translation sources and strings; the translated page's publish bumps
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.task",
    "wagtailcore.workflow",
    "wagtailcore.workflowtask",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowcontenttype",
    "wagtailimages.rendition",  # made while a page renders
    "wagtailforms.formsubmission",
    "search.querydailyhits",  # counted on every search; hot searches may lag by the cache timeout
    "search.indexingproblem",
    "tenancy.tenantgroup",
    "tenancy.indexnumbercounter",
    "tenancy.issuedindexnumber",  # issued on a draft's first save; shown once the page is published
    "workflow",
}

# Rows every tenant shows.
SHARED = {
    "tenancy.department",
    "wagtailcore.site",
    "wagtailcore.locale",
    "i18n.sitelanguages",
    "i18n.siteidentity",
    "directory",
    "taxonomy",
}

# Fields Wagtail writes on a page row for drafts, locks and reviews; a save of these alone changes
# nothing public.
DRAFT_FIELDS = {
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def _label(model):
    meta = model._meta
    return meta.app_label, f"{meta.app_label}.{meta.model_name}"


def _listed(model, names):
    if model._meta.apps is not global_apps:
        return True  # a migration's historical model: the cache is not read while migrating
    app_label, label = _label(model)
    return app_label in names or label in names


def _portals():
    from hub.tenancy.models import Department

    return list(Department.objects.filter(kind=Department.Kind.PORTAL))


def scope(instance):
    """The tenants whose pages may show this row: a list of Departments, or ALL."""
    from hub.tenancy.scoping import tenant_of

    model = type(instance)
    if _listed(model, SHARED):
        return ALL
    if isinstance(instance, Page):
        tenants = [tenant_of(instance)]
        tenants += [tenant_of(alias) for alias in Page.objects.filter(alias_of_id=instance.pk)]
    else:
        tenants = [tenant_of(instance)]
    if None in tenants:
        return ALL
    return tenants + _portals()


def _reason(action, instance):
    return f"{action} {_label(type(instance))[1]}:{instance.pk}"


@receiver(post_save, dispatch_uid="pagecache.saved")
def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or _listed(sender, INVISIBLE):
        return
    if isinstance(instance, Page):
        if not instance.live or (update_fields and set(update_fields) <= DRAFT_FIELDS):
            return
    invalidate(scope(instance), _reason("save", instance))


@receiver(pre_delete, dispatch_uid="pagecache.deleted")
def deleted(sender, instance, **kwargs):
    if _listed(sender, INVISIBLE):
        return
    invalidate(scope(instance), _reason("delete", instance))


@receiver(m2m_changed, dispatch_uid="pagecache.linked")
def linked(sender, instance, action, **kwargs):
    if action.startswith("post_") and not _listed(type(instance), INVISIBLE):
        invalidate(scope(instance), _reason("link", instance))


@receiver(page_published, dispatch_uid="pagecache.page_published")
@receiver(page_unpublished, dispatch_uid="pagecache.page_unpublished")
@receiver(published, dispatch_uid="pagecache.published")
@receiver(unpublished, dispatch_uid="pagecache.unpublished")
def published_or_unpublished(sender, instance, **kwargs):
    if not _listed(type(instance), INVISIBLE):
        invalidate(scope(instance), _reason("publish", instance))


@receiver(post_page_move, dispatch_uid="pagecache.moved")
def moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    from hub.tenancy.scoping import tenant_of

    tenants = [tenant_of(page) for page in (instance, parent_page_before, parent_page_after) if page is not None]
    invalidate(ALL if None in tenants else tenants + _portals(), _reason("move", instance))

"""Submitting a page to the portal and deciding on it, each as a check() + execute() action.

The admin views, the demo loader and the tests all go through these. A synced copy is a Wagtail
alias of the original placed under a portal column: Wagtail republishes it with the original's
content whenever the original is published, and unpublishes it with the original.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.log_actions import log
from wagtail.models import Page

from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.scoping import department_for_page, is_central_admin, roles_for_user

from .models import Submission

logger = logging.getLogger(__name__)

# Roles on the portal tenant whose holders work the submission queue.
REVIEWING_ROLES = {TenantGroup.Role.WEBMASTER, TenantGroup.Role.EDITOR}


class SyndicationError(ValidationError):
    """The action cannot be done in the present state; the message says why, for the user."""


def portal_department():
    return Department.objects.filter(kind=Department.Kind.PORTAL).select_related("site__root_page").first()


def submittable_models():
    return tuple(apps.get_model(label) for label in settings.HUB_SYNDICATION_PAGE_MODELS)


def portal_columns(portal=None, locale_id=None, page_model=None):
    """Live columns of the portal a synced copy may be placed in, in tree order.

    With `page_model`, only the columns that accept that kind of page (by the column's own rules, as
    for any new child: news columns for an article, document columns for a document).
    """
    portal = portal or portal_department()
    if portal is None:
        return Page.objects.none()
    root = portal.site.root_page
    column_model = apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)
    columns = Page.objects.descendant_of(root).type(column_model).live()
    columns = columns.filter(locale_id=locale_id or root.locale_id).order_by("path")
    if page_model is not None:
        accepting = [
            column.pk
            for column in column_model.objects.filter(pk__in=columns.values("pk"))
            if page_model.can_exist_under(column)
        ]
        columns = columns.filter(pk__in=accepting)
    return columns


def can_review(user, portal=None):
    """Central admins, holders of syndication.review_submission, and the portal's webmasters and editors."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_central_admin(user) or user.has_perm("syndication.review_submission"):
        return True
    portal = portal or portal_department()
    return portal is not None and bool(roles_for_user(user, portal) & REVIEWING_ROLES)


def can_submit(user, page, department=None):
    """Whether the user may offer this page: it is a live original of a department site they may edit."""
    department = department or department_for_page(page)
    return (
        department is not None
        and not department.is_portal
        and page.live
        and page.alias_of_id is None
        and issubclass(page.specific_class, submittable_models())
        and page.permissions_for_user(user).can_edit()
    )


def _check_column(page, column, portal):
    if column is None:
        raise SyndicationError(_("请选择门户网站栏目。"))
    if not portal_columns(portal, locale_id=page.locale_id).filter(pk=column.pk).exists():
        raise SyndicationError(_("%(column)s不是门户网站的栏目。") % {"column": column.title})
    if not page.specific_class.can_exist_under(column.specific):
        raise SyndicationError(
            _("%(type)s不能放在%(column)s中。")
            % {"type": page.specific_class._meta.verbose_name, "column": column.title}
        )


class SubmitToPortal:
    """A department editor offers a published page to the portal; it waits in the portal editors' queue."""

    def __init__(self, page, *, user, suggested_column=None, note=""):
        self.page = page.specific
        self.user = user
        self.suggested_column = suggested_column
        self.note = (note or "").strip()
        self.department = department_for_page(page)
        self.portal = portal_department()

    def check(self):
        if self.portal is None:
            raise SyndicationError(_("站群中没有可报送的门户网站。"))
        if not can_submit(self.user, self.page, self.department):
            if self.department is not None and not self.department.is_portal and not self.page.live:
                raise SyndicationError(_("只有已发布的页面才能报送到门户网站。"))
            raise PermissionDenied(_("你不能把这个页面报送到门户网站。"))
        standing = Submission.objects.active().filter(page=self.page).first()
        if standing is not None:
            raise SyndicationError(_("这个页面已报送（%(status)s）。") % {"status": standing.get_status_display()})
        if self.suggested_column is not None:
            _check_column(self.page, self.suggested_column, self.portal)

    @transaction.atomic
    def execute(self):
        self.check()
        submission = Submission.objects.create(
            department=self.department,
            page=self.page,
            title=self.page.title,
            suggested_column=self.suggested_column,
            note=self.note,
            submitted_by=self.user,
        )
        log(self.page, "syndication.submit", user=self.user, data={"submission": submission.pk})
        logger.info(
            "Submission %s: %s offered page %s to the portal", submission.pk, self.department.code, self.page.pk
        )
        return submission


class _Decision:
    def __init__(self, submission, *, user):
        self.submission = submission
        self.user = user
        self.portal = portal_department()

    def check_reviewer(self):
        if not can_review(self.user, self.portal):
            raise PermissionDenied(_("只有门户网站的编辑才能处理报送。"))

    def check_pending(self):
        if self.submission.status != Submission.Status.PENDING:
            raise SyndicationError(
                _("这条报送已处理（%(status)s）。") % {"status": self.submission.get_status_display()}
            )

    def _decided(self, status, **fields):
        submission = self.submission
        submission.status = status
        submission.decided_by = self.user
        submission.decided_at = timezone.now()
        for name, value in fields.items():
            setattr(submission, name, value)
        submission.save()
        return submission


def free_slug(column, slug):
    """The original's slug, or it with -2, -3 … when the column already has a page of that slug."""
    taken = set(Page.objects.child_of(column).values_list("slug", flat=True))
    base = slug or slugify(str(timezone.now().timestamp()))
    candidate, serial = base, 1
    while candidate in taken:
        serial += 1
        candidate = f"{base}-{serial}"
    return candidate


class AcceptSubmission(_Decision):
    """A portal editor accepts: a synced copy of the original appears in the chosen portal column."""

    def __init__(self, submission, *, user, column=None):
        super().__init__(submission, user=user)
        self.column = column or submission.suggested_column

    def check(self):
        self.check_reviewer()
        self.check_pending()
        original = self.submission.page
        if not original.live:
            raise SyndicationError(_("原文已不再发布。"))
        _check_column(original, self.column, self.portal)

    @transaction.atomic
    def execute(self):
        self.check()
        original = self.submission.page.specific
        column = self.column
        copy = CreatePageAliasAction(
            original,
            parent=column,
            update_slug=free_slug(column, original.slug),
            user=self.user,
            log_action="syndication.accept",
        ).execute(skip_permission_checks=True)
        submission = self._decided(Submission.Status.ACCEPTED, column=column, copy=copy, reason="")
        logger.info("Submission %s accepted: copy %s in column %s", submission.pk, copy.pk, column.pk)
        return submission


class RejectSubmission(_Decision):
    """A portal editor sends a submission back with a reason the department sees."""

    def __init__(self, submission, *, user, reason):
        super().__init__(submission, user=user)
        self.reason = (reason or "").strip()

    def check(self):
        self.check_reviewer()
        self.check_pending()
        if not self.reason:
            raise SyndicationError(_("请说明退回的理由。"))

    @transaction.atomic
    def execute(self):
        self.check()
        submission = self._decided(Submission.Status.REJECTED, reason=self.reason)
        log(self.submission.page, "syndication.reject", user=self.user, data={"reason": self.reason})
        return submission


class WithdrawSubmission(_Decision):
    """The department withdraws a waiting submission, or the portal takes an accepted copy down."""

    def __init__(self, submission, *, user, reason=""):
        super().__init__(submission, user=user)
        self.reason = (reason or "").strip()

    def check(self):
        status = self.submission.status
        if status == Submission.Status.PENDING:
            # Whoever may submit the page (or decide on it) may take it back from the queue.
            if not (can_review(self.user, self.portal) or can_submit(self.user, self.submission.page)):
                raise PermissionDenied(_("你不能撤回这条报送。"))
        elif status == Submission.Status.ACCEPTED:
            self.check_reviewer()
        else:
            raise SyndicationError(_("只有待处理或已采用的报送才能撤回。"))

    @transaction.atomic
    def execute(self):
        self.check()
        copy = self.submission.copy
        submission = self._decided(Submission.Status.WITHDRAWN, reason=self.reason, copy=None)
        if copy is not None:
            copy.delete()
        log(submission.page, "syndication.withdraw", user=self.user, data={"reason": self.reason})
        return submission

"""Submissions to the portal (信息报送): a department offers a published page, portal editors decide."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Submission.Status.PENDING)

    def active(self):
        """Submissions that still stand: waiting, or accepted with a synced copy on the portal."""
        return self.filter(status__in=[Submission.Status.PENDING, Submission.Status.ACCEPTED])


class Submission(models.Model):
    """One offer of one page to the portal, and what became of it.

    An accepted submission has a synced copy: a Wagtail alias of the original under a portal
    column, which Wagtail republishes whenever the original is published and unpublishes with it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("待审")
        ACCEPTED = "accepted", _("已采用")
        REJECTED = "rejected", _("已退回")
        WITHDRAWN = "withdrawn", _("已撤回")

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("department site"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("original page"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255, help_text=_("The original's title when it was offered."))
    suggested_column = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("suggested column"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note to the portal editors"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why it was sent back or withdrawn."))
    column = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("portal column"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    copy = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("synced copy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syndication_submission",
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("submission to the portal (信息报送)")
        verbose_name_plural = _("submissions to the portal (信息报送)")
        constraints = [
            # A page stands in the queue or on the portal once at a time; it may be offered again after a refusal.
            models.UniqueConstraint(
                fields=["page"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="syndication_one_active_submission_per_page",
            )
        ]
        permissions = [("review_submission", "Can accept or reject submissions to the portal")]

    def __str__(self):
        return self.title

    @classmethod
    def tenant_field(cls):
        """The lookup from a submission to the tenant that made it (see hub.tenancy.scoping.tenant_of)."""
        return "department"

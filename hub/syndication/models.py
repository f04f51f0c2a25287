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
        "tenancy.Department", verbose_name=_("部门网站"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("原文页面"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("标题"), max_length=255, help_text=_("报送时原文的标题。"))
    suggested_column = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("建议栏目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("给门户网站编辑的留言"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("报送人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("报送时间"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    reason = models.TextField(_("理由"), blank=True, help_text=_("退回或撤回的理由。"))
    column = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("门户网站栏目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    copy = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("同步副本"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syndication_submission",
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("信息报送")
        verbose_name_plural = _("信息报送")
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

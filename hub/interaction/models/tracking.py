"""What every citizen submission that can be followed up has: a tracking code, a query password and a deadline."""

from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.tenancy.owned import TenantOwned


class ReplyStatus(models.TextChoices):
    """Where a letter or a disclosure request stands: both are received, handled, then answered or refused."""

    RECEIVED = "received", _("待受理")
    PROCESSING = "processing", _("办理中")
    REPLIED = "replied", _("已答复")
    REJECTED = "rejected", _("不予受理")


class TrackedSubmission(TenantOwned):
    """A submission the citizen follows with a tracking code and a password (stored hashed only).

    `department` is the tenant whose staff handle it now; only they see the personal data.
    """

    tracking_code = models.CharField(_("查询码"), max_length=24, unique=True, editable=False)
    password_hash = models.CharField(max_length=128, editable=False)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True, editable=False)
    deadline = models.DateField(_("答复期限"), db_index=True, editable=False)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True, editable=False)
    closed_late = models.BooleanField(_("超期办结"), default=False, editable=False)

    # The first letters of every tracking code of this kind (信件 XJ, 申请公开 YS, 办件 BJ …).
    tracking_prefix = "XX"

    class Meta:
        abstract = True

    def __str__(self):
        return self.tracking_code

    def set_password(self, raw_password):
        self.password_hash = make_password(raw_password)

    def check_password(self, raw_password):
        return bool(self.password_hash) and check_password(raw_password, self.password_hash)

    @property
    def is_closed(self):
        return self.closed_at is not None

    def mark_closed(self, when=None):
        self.closed_at = when or timezone.now()
        self.closed_late = timezone.localdate(self.closed_at) > self.deadline

    def is_overdue(self, today=None):
        """Past the deadline: still open after it, or closed later than it."""
        if self.closed_at is not None:
            return self.closed_late
        return (today or timezone.localdate()) > self.deadline

    is_overdue.boolean = True
    is_overdue.short_description = _("超期")

    @property
    def overdue(self):
        return self.is_overdue()

    @classmethod
    def overdue_q(cls, today=None):
        """A Q matching the overdue rows (for listings and filters)."""
        today = today or timezone.localdate()
        return models.Q(closed_at__isnull=True, deadline__lt=today) | models.Q(closed_late=True)

"""Mailboxes (州长信箱, 局长信箱) and the letters citizens write to them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from hub.tenancy.owned import TenantOwned

from .. import conf
from ..uploads import private_storage, upload_path
from .tracking import ReplyStatus, TrackedSubmission


def default_reply_days():
    return conf.letter_reply_days()


class Mailbox(TenantOwned):
    """A mailbox a tenant answers; the portal's is the 州长信箱, each department has its own."""

    name = models.CharField(_("名称"), max_length=50)
    reply_days = models.PositiveSmallIntegerField(
        _("答复时限"),
        default=default_reply_days,
        help_text=_("超过这么多个工作日未答复的来信标记为超期。"),
    )
    notify_email = models.EmailField(_("通知邮箱"), blank=True, help_text=_("每有新来信即通知（不含来信内容）。"))
    is_open = models.BooleanField(_("接受来信"), default=True)

    panels = [
        FieldPanel("department"),
        FieldPanel("name"),
        FieldPanel("reply_days"),
        FieldPanel("notify_email"),
        FieldPanel("is_open"),
    ]

    class Meta:
        ordering = ["department", "name"]
        verbose_name = _("信箱")
        verbose_name_plural = _("信箱")
        constraints = [models.UniqueConstraint(fields=["department", "name"], name="interaction_mailbox_unique_name")]

    def __str__(self):
        return self.name


class Letter(TrackedSubmission):
    """A citizen's letter. Name, phone, e-mail and the original text are personal data: only the staff
    of the tenant the letter is assigned to (`department`) see them; the public sees the published
    version (`public_subject`, `public_body`, `public_reply` and the follow-ups' `public_version`), and only
    if the writer allowed it."""

    tracking_prefix = "XJ"

    class Category(models.TextChoices):
        CONSULTATION = "consultation", _("咨询")
        SUGGESTION = "suggestion", _("建议")
        COMPLAINT = "complaint", _("投诉")
        REQUEST = "request", _("求助")
        REPORT = "report", _("举报")
        OTHER = "other", _("其他")

    Status = ReplyStatus

    mailbox = models.ForeignKey(Mailbox, verbose_name=_("信箱"), on_delete=models.PROTECT, related_name="letters")
    name = models.CharField(_("姓名"), max_length=50)
    phone = models.CharField(_("电话"), max_length=30, blank=True)
    email = models.EmailField(_("电子邮箱"), max_length=254, blank=True)
    subject = models.CharField(_("标题"), max_length=100)
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices)
    body = models.TextField(_("内容"))
    publish_allowed = models.BooleanField(_("同意公开"), default=False)
    attachment = models.FileField(_("附件"), storage=private_storage, upload_to=upload_path, blank=True, max_length=200)
    attachment_name = models.CharField(_("附件文件名"), max_length=120, blank=True)
    attachment_size = models.PositiveIntegerField(_("附件大小"), null=True, blank=True)

    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    reply = models.TextField(_("答复"), blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    reply_department = models.ForeignKey(
        "tenancy.Department",
        verbose_name=_("答复单位"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    is_published = models.BooleanField(_("已公开"), default=False)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    public_subject = models.CharField(_("公开的标题"), max_length=100, blank=True)
    public_body = models.TextField(_("公开的内容"), blank=True)
    public_reply = models.TextField(_("公开的答复"), blank=True)
    # Archived by the tenant's staff: kept, out of the default list; reversible.
    archived_at = models.DateTimeField(_("归档时间"), null=True, blank=True, db_index=True, editable=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("来信")
        verbose_name_plural = _("来信")
        constraints = [
            # Nothing is published that the writer did not allow, and nothing before it is answered.
            models.CheckConstraint(
                condition=models.Q(is_published=False) | models.Q(publish_allowed=True, status="replied"),
                name="interaction_letter_published_only_if_allowed",
            )
        ]

    def __str__(self):
        return f"{self.tracking_code} {self.subject}"


class LetterEvent(models.Model):
    """One step in a letter's life: what the writer sees (`public_text`) and what only staff see (`note`)."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("来信已提交")
        ACCEPTED = "accepted", _("已受理")
        FORWARDED = "forwarded", _("已转办")
        REPLIED = "replied", _("已答复")
        REJECTED = "rejected", _("不予受理")
        PUBLISHED = "published", _("已公开")
        UNPUBLISHED = "unpublished", _("已撤销公开")
        CITIZEN_MESSAGE = "citizen_message", _("来信人补充")
        STAFF_MESSAGE = "staff_message", _("工作人员回复")
        ARCHIVED = "archived", _("已归档")
        RESTORED = "restored", _("已取消归档")

    # Kinds whose text is part of the published letter (as its masked `public_version`).
    FOLLOW_UPS = {Kind.CITIZEN_MESSAGE, Kind.STAFF_MESSAGE}

    # Kinds the writer sees when looking the letter up.
    CITIZEN_VISIBLE = {
        Kind.SUBMITTED,
        Kind.ACCEPTED,
        Kind.FORWARDED,
        Kind.REPLIED,
        Kind.REJECTED,
        Kind.CITIZEN_MESSAGE,
        Kind.STAFF_MESSAGE,
    }

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    public_text = models.TextField(blank=True)
    # The masked text the public page shows, set when the letter is published (follow-ups only).
    public_version = models.TextField(blank=True)
    note = models.TextField(blank=True)
    from_department = models.ForeignKey(
        "tenancy.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_department = models.ForeignKey(
        "tenancy.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("来信处理记录")

    def __str__(self):
        return f"{self.letter_id} {self.kind}"

"""What staff do with a letter: accept, forward, reply, publish, answer a follow-up, reject, archive.

Each action is an object with `check()` (may this user do it now?) and `execute()` (one
transaction: the change, the event the writer sees, the audit log entry, the e-mail), the shape of
Wagtail's own actions. The admin views, the demo loader and the tests all go through them.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from . import notifications
from .letters import follow_ups, public_version
from .models import Letter, LetterEvent


def can_handle(user, letter):
    """Whether the user may act on the letter: a change permission valid for the tenant it is assigned to."""
    policy = policy_registry.get_by_type(Letter)
    return policy.user_has_permission_for_instance(user, "change", letter)


def can_read(user, letter):
    policy = policy_registry.get_by_type(Letter)
    return policy.user_has_any_permission_for_instance(user, ["view", "change"], letter)


class LetterAction:
    """Base: holds the letter and the acting user; subclasses say which states they apply to."""

    allowed_statuses = ()
    log_action = ""

    def __init__(self, letter, user, **data):
        self.letter = letter
        self.user = user
        self.data = data

    def check(self):
        if not can_handle(self.user, self.letter):
            raise PermissionDenied(_("只有来信所属单位的工作人员可以处理这封来信。"))
        if self.allowed_statuses and self.letter.status not in self.allowed_statuses:
            raise ValidationError(
                _("这封来信当前状态为“%(status)s”，不能执行此操作。") % {"status": self.letter.get_status_display()}
            )

    def execute(self, skip_check=False):
        with transaction.atomic():
            # Lock the row so two staff members cannot, say, forward and reply at the same time, and
            # decide on its current state (the caller's copy is refreshed in place).
            Letter.objects.select_for_update().filter(pk=self.letter.pk).first()
            self.letter.refresh_from_db()
            if not skip_check:
                self.check()
            result = self._execute()
            log(instance=self.letter, action=self.log_action, user=self.user, data=self.log_data())
        return result

    def _event(self, kind, **fields):
        return LetterEvent.objects.create(letter=self.letter, kind=kind, user=self.user, **fields)

    def log_data(self):
        return {"code": self.letter.tracking_code}


OPEN = (Letter.Status.RECEIVED, Letter.Status.PROCESSING)


class AcceptLetter(LetterAction):
    allowed_statuses = (Letter.Status.RECEIVED,)
    log_action = "interaction.letter.accept"

    def _execute(self):
        self.letter.status = Letter.Status.PROCESSING
        self.letter.save(update_fields=["status"])
        self._event(LetterEvent.Kind.ACCEPTED, note=self.data.get("note", ""))


class ForwardLetter(LetterAction):
    """Hand the letter to another tenant: from now on only that tenant's staff see it."""

    allowed_statuses = OPEN
    log_action = "interaction.letter.forward"

    def check(self):
        super().check()
        target = self.data.get("department")
        if target is None or target.pk == self.letter.department_id:
            raise ValidationError(_("请选择另一个承办单位。"))

    def _execute(self):
        source = self.letter.department
        target = self.data["department"]
        self.letter.department = target
        self.letter.status = Letter.Status.PROCESSING
        self.letter.save(update_fields=["department", "status"])
        self._event(
            LetterEvent.Kind.FORWARDED, from_department=source, to_department=target, note=self.data.get("note", "")
        )
        notifications.forwarded(self.letter, target)

    def log_data(self):
        return {**super().log_data(), "to": self.data["department"].code}


class ReplyLetter(LetterAction):
    """The official answer. If the writer allowed it and staff choose to, it is published at once."""

    allowed_statuses = OPEN
    log_action = "interaction.letter.reply"

    def check(self):
        super().check()
        if not (self.data.get("reply") or "").strip():
            raise ValidationError(_("请填写答复内容。"))
        if self.data.get("publish") and not self.letter.publish_allowed:
            raise ValidationError(_("来信人未同意公开，不能公开这封来信。"))

    def _execute(self):
        now = timezone.now()
        letter = self.letter
        letter.reply = self.data["reply"].strip()
        letter.replied_at = now
        letter.reply_department = letter.department
        letter.replied_by = self.user
        letter.status = Letter.Status.REPLIED
        letter.mark_closed(now)
        letter.save()
        self._event(LetterEvent.Kind.REPLIED, public_text=letter.reply)
        notifications.answered(letter, letter.mailbox.name)
        if self.data.get("publish"):
            PublishLetter(
                letter,
                self.user,
                public_subject=self.data.get("public_subject"),
                public_body=self.data.get("public_body"),
                public_reply=self.data.get("public_reply"),
                publish_follow_ups=self.data.get("publish_follow_ups", True),
            )._execute()


class PublishLetter(LetterAction):
    """Show an answered letter in the public list (or update what it shows): subject, text, reply and
    follow-ups as staff checked them, every one masked, so no personal data reaches the public page."""

    allowed_statuses = (Letter.Status.REPLIED,)
    log_action = "interaction.letter.publish"

    def check(self):
        super().check()
        if not self.letter.publish_allowed:
            raise ValidationError(_("来信人未同意公开，不能公开这封来信。"))

    def _execute(self):
        letter = self.letter
        include = bool(self.data.get("publish_follow_ups", True))
        # Whatever staff typed, the writer's name and contacts never reach the public page.
        version = public_version(
            letter,
            subject=self.data.get("public_subject"),
            body=self.data.get("public_body"),
            reply=self.data.get("public_reply"),
            include_follow_ups=include,
        )
        letter.public_subject = version["subject"]
        letter.public_body = version["body"]
        letter.public_reply = version["reply"]
        letter.is_published = True
        letter.published_at = timezone.now()
        letter.save(update_fields=["public_subject", "public_body", "public_reply", "is_published", "published_at"])
        masked = dict((event.pk, text) for event, text in version["follow_ups"])
        for event in follow_ups(letter):
            event.public_version = masked.get(event.pk, "")
            event.save(update_fields=["public_version"])
        self._event(LetterEvent.Kind.PUBLISHED)


class UnpublishLetter(LetterAction):
    allowed_statuses = (Letter.Status.REPLIED,)
    log_action = "interaction.letter.unpublish"

    def _execute(self):
        self.letter.is_published = False
        self.letter.save(update_fields=["is_published"])
        self._event(LetterEvent.Kind.UNPUBLISHED, note=self.data.get("note", ""))


class AnswerFollowUp(LetterAction):
    """A further message to the writer (after a follow-up); the official reply stays as it was."""

    log_action = "interaction.letter.message"

    def check(self):
        super().check()
        if not (self.data.get("text") or "").strip():
            raise ValidationError(_("请填写回复内容。"))

    def _execute(self):
        self._event(LetterEvent.Kind.STAFF_MESSAGE, public_text=self.data["text"].strip())
        notifications.answered(self.letter, self.letter.mailbox.name)


class RejectLetter(LetterAction):
    """不予受理 (abusive, not a matter for government, a duplicate …); the writer is told why."""

    allowed_statuses = OPEN
    log_action = "interaction.letter.reject"

    def check(self):
        super().check()
        if not (self.data.get("reason") or "").strip():
            raise ValidationError(_("请填写不予受理的理由。"))

    def _execute(self):
        self.letter.status = Letter.Status.REJECTED
        self.letter.mark_closed()
        self.letter.save(update_fields=["status", "closed_at", "closed_late"])
        self._event(LetterEvent.Kind.REJECTED, public_text=self.data["reason"].strip())
        notifications.answered(self.letter, self.letter.mailbox.name)


CLOSED = (Letter.Status.REPLIED, Letter.Status.REJECTED)


class ArchiveLetter(LetterAction):
    """Take a closed letter out of the working list; it is kept, can be found by the filter and restored.

    This is what staff do instead of deleting a letter: nobody but the central admins removes one.
    """

    allowed_statuses = CLOSED
    log_action = "interaction.letter.archive"

    def check(self):
        super().check()
        if self.letter.archived_at is not None:
            raise ValidationError(_("这封来信已归档。"))

    def _execute(self):
        self.letter.archived_at = timezone.now()
        self.letter.save(update_fields=["archived_at"])
        self._event(LetterEvent.Kind.ARCHIVED, note=self.data.get("note", ""))


class RestoreLetter(LetterAction):
    """Bring an archived letter back into the working list."""

    log_action = "interaction.letter.restore"

    def check(self):
        super().check()
        if self.letter.archived_at is None:
            raise ValidationError(_("这封来信没有归档。"))

    def _execute(self):
        self.letter.archived_at = None
        self.letter.save(update_fields=["archived_at"])
        self._event(LetterEvent.Kind.RESTORED, note=self.data.get("note", ""))


ACTIONS = {
    "accept": AcceptLetter,
    "forward": ForwardLetter,
    "reply": ReplyLetter,
    "publish": PublishLetter,
    "unpublish": UnpublishLetter,
    "message": AnswerFollowUp,
    "reject": RejectLetter,
    "archive": ArchiveLetter,
    "restore": RestoreLetter,
}

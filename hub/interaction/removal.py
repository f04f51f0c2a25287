"""Removing a citizen's record: the central admins' act alone, with a reason, kept in the audit log.

Letters, disclosure requests, applications and consultation comments are records the government
keeps: no tenant role deletes them (their permission policy refuses "delete" to everyone, see
`hub.tenancy.policies.KeptRecordPolicy`); staff archive or close them instead. When one
must go (a writer's withdrawn consent, a court order, a test entry), a central admin removes it by its
tracking code. The log entry names the record by its code and keeps the reason; never the citizen's
name, contacts or text.

Apps register their kept records with `register(model, code_field, files)`.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from hub.tenancy.scoping import is_central_admin

from . import tracking
from .uploads import delete_stored

LOG_ACTION = "interaction.record.remove"


@dataclass(frozen=True)
class KeptRecord:
    model: type
    code_field: str
    files: object  # record -> its stored files (deleted with it)


KEPT = []


def register(model, code_field="tracking_code", files=None):
    KEPT.append(KeptRecord(model, code_field, files or (lambda record: [])))


def find(code):
    """(the registered kind, the record) for a tracking or receipt code, or (None, None)."""
    code = tracking.normalise_code(code)
    if not code:
        return None, None
    for kind in KEPT:
        record = kind.model._default_manager.filter(**{kind.code_field: code}).first()
        if record is not None:
            return kind, record
    return None, None


def can_remove(user):
    return bool(user and user.is_authenticated and user.is_active and is_central_admin(user))


class RemoveRecord:
    """check() + execute(): remove the record with this code, logging the reason."""

    def __init__(self, user, *, code, reason):
        self.user = user
        self.code = tracking.normalise_code(code)
        self.reason = (reason or "").strip()
        self.kind, self.record = find(self.code)

    def check(self):
        if not can_remove(self.user):
            raise PermissionDenied(_("只有中心管理员可以删除来信、申请和意见记录。"))
        if not self.reason:
            raise ValidationError(_("请填写删除理由。"))
        if self.record is None:
            raise ValidationError(_("没有找到查询码为 %(code)s 的记录。") % {"code": self.code or "—"})

    def execute(self):
        self.check()
        record = self.record
        files = list(self.kind.files(record))
        with transaction.atomic():
            # Earlier entries about the record name it by its code only from now on (their labels
            # were the record's title, which may quote the citizen).
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(record), object_id=str(record.pk)
            ).update(label=self.code)
            log(
                instance=record,
                action=LOG_ACTION,
                user=self.user,
                title=self.code,
                deleted=True,
                data={
                    "code": self.code,
                    "kind": str(self.kind.model._meta.verbose_name),
                    "department": record.department.code,
                    "reason": self.reason,
                },
            )
            record.delete()
            transaction.on_commit(lambda: delete_stored(files))
        return self.code

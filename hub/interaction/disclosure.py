"""Disclosure on application (依申请公开): storing a request and answering it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from . import conf, notifications, tracking
from .models import DisclosureRequest
from .uploads import attach, delete_stored
from .workdays import add_working_days

FIELDS = [
    "applicant_kind",
    "name",
    "id_number",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "document_hint",
    "medium",
    "delivery",
]


def submit_request(department, data, *, attachment=None, now=None):
    """Save a request in one transaction; returns (request, password)."""
    now = now or timezone.now()
    password = tracking.new_password()
    request = DisclosureRequest(
        department=department,
        submitted_at=now,
        deadline=add_working_days(timezone.localdate(now), conf.disclosure_reply_days()),
        **{field: data.get(field) or "" for field in FIELDS},
    )
    request.set_password(password)
    try:
        with transaction.atomic():
            attach(request, attachment)
            tracking.save_with_new_code(request)
    except BaseException:
        delete_stored([request.attachment])
        raise
    return request, password


def can_handle(user, request):
    return policy_registry.get_by_type(DisclosureRequest).user_has_permission_for_instance(user, "change", request)


class AnswerRequest:
    """Accept, answer (with one of the decisions the regulations name) or decline a request."""

    def __init__(self, request, user, *, action, decision="", reply="", note=""):
        self.request = request
        self.user = user
        self.action = action
        self.decision = decision
        self.reply = (reply or "").strip()
        self.note = note

    def check(self):
        if not can_handle(self.user, self.request):
            raise PermissionDenied(_("只有受理单位的工作人员可以处理这份申请。"))
        if self.request.is_closed:
            raise ValidationError(_("这份申请已经办结。"))
        if self.action == "accept" and self.request.status != DisclosureRequest.Status.RECEIVED:
            raise ValidationError(_("这份申请已经受理。"))
        if self.action == "reply" and (self.decision not in DisclosureRequest.Decision.values or not self.reply):
            raise ValidationError(_("请选择答复类型并填写答复内容。"))
        if self.action == "reject" and not self.reply:
            raise ValidationError(_("请填写不予受理的理由。"))
        if self.action not in ("accept", "reply", "reject"):
            raise ValidationError(_("未知的操作。"))

    def execute(self):
        with transaction.atomic():
            DisclosureRequest.objects.select_for_update().filter(pk=self.request.pk).first()
            self.request.refresh_from_db()
            request = self.request
            self.check()
            if self.note:
                request.staff_note = "\n".join(filter(None, [request.staff_note, self.note]))
            if self.action == "accept":
                request.status = DisclosureRequest.Status.PROCESSING
            else:
                request.status = (
                    DisclosureRequest.Status.REPLIED if self.action == "reply" else DisclosureRequest.Status.REJECTED
                )
                request.decision = self.decision if self.action == "reply" else ""
                request.reply = self.reply
                request.replied_at = timezone.now()
                request.replied_by = self.user
                request.mark_closed(request.replied_at)
                notifications.answered(request, _("依申请公开栏目"))
            request.save()
            log(
                instance=request,
                action=f"interaction.disclosure.{self.action}",
                user=self.user,
                data={"code": request.tracking_code},
            )
        return request

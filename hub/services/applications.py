"""Online applications (网上申请): storing one with its files, and staff moving it along."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from hub.interaction import notifications, tracking
from hub.interaction.uploads import attach, delete_stored
from hub.interaction.workdays import add_working_days

from .models import ApplicationFile, ServiceApplication

# When an item states no time limit, an application is due within this many working days.
DEFAULT_LIMIT_DAYS = 20


def submit_application(item, data, uploads, now=None):
    """Save the application and every file in one transaction; returns (application, password).

    If anything fails, no row stays and the files already written are removed.
    """
    if not item.accepts_online_applications or not item.is_published:
        raise ValidationError(_("该事项暂不支持网上申请。"))
    now = now or timezone.now()
    password = tracking.new_password()
    application = ServiceApplication(
        department_id=item.department_id,
        item=item,
        item_title=item.title[:200],
        applicant_name=data["applicant_name"],
        id_number=data["id_number"],
        phone=data["phone"],
        email=data.get("email") or "",
        note=data.get("note") or "",
        submitted_at=now,
        updated_at=now,
        deadline=add_working_days(timezone.localdate(now), item.limit_days or DEFAULT_LIMIT_DAYS),
    )
    application.set_password(password)
    stored = []
    try:
        with transaction.atomic():
            tracking.save_with_new_code(application)
            for material, upload in uploads:
                record = ApplicationFile(application=application, material=material[:200])
                attach(record, upload, field="file")
                stored.append(record.file)
                record.save()
    except BaseException:
        delete_stored(stored)
        raise
    return application, password


def can_handle(user, application):
    return policy_registry.get_by_type(ServiceApplication).user_has_permission_for_instance(user, "change", application)


class HandleApplication:
    """Accept, ask for more materials, complete or decline an application; the applicant sees the message."""

    def __init__(self, application, user, *, status, message=""):
        self.application = application
        self.user = user
        self.status = status
        self.message = (message or "").strip()

    def check(self):
        if not can_handle(self.user, self.application):
            raise PermissionDenied(_("只有事项所属部门的工作人员可以办理这份申请。"))
        if self.application.status in ServiceApplication.CLOSED_STATUSES:
            raise ValidationError(_("这份申请已经办结。"))
        if self.status not in ServiceApplication.Status.values or self.status == ServiceApplication.Status.SUBMITTED:
            raise ValidationError(_("请选择办理状态。"))
        if (
            self.status in (ServiceApplication.Status.NEEDS_MORE, ServiceApplication.Status.REJECTED)
            and not self.message
        ):
            raise ValidationError(_("请告诉申请人需要补正什么，或不予受理的理由。"))

    def execute(self):
        with transaction.atomic():
            ServiceApplication.objects.select_for_update().filter(pk=self.application.pk).first()
            self.application.refresh_from_db()
            application = self.application
            self.check()
            application.status = self.status
            if self.message:
                application.message = self.message
            application.updated_at = timezone.now()
            application.handled_by = self.user
            if self.status in ServiceApplication.CLOSED_STATUSES:
                application.mark_closed(application.updated_at)
            application.save()
            notifications.answered(application, _("办事服务栏目"))
            log(
                instance=application,
                action="services.application.handle",
                user=self.user,
                data={"code": application.tracking_code, "status": self.status},
            )
        return application

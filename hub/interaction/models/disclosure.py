"""Requests for government information (依申请公开, 政府信息公开条例 chapter 4)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..uploads import private_storage, upload_path
from .tracking import ReplyStatus, TrackedSubmission


class DisclosureRequest(TrackedSubmission):
    """A request to disclose government information, answered within 20 working days by default."""

    tracking_prefix = "YS"

    class ApplicantKind(models.TextChoices):
        CITIZEN = "citizen", _("公民")
        ORGANISATION = "organisation", _("法人或其他组织")

    class Medium(models.TextChoices):
        PAPER = "paper", _("纸质")
        ELECTRONIC = "electronic", _("电子")

    class Delivery(models.TextChoices):
        POST = "post", _("邮寄")
        EMAIL = "email", _("电子邮件")
        COLLECT = "collect", _("当面领取")
        ONLINE = "online", _("网上查询")

    Status = ReplyStatus

    class Decision(models.TextChoices):
        DISCLOSED = "disclosed", _("予以公开")
        PARTIAL = "partial", _("部分公开")
        WITHHELD = "withheld", _("不予公开")
        NOT_HELD = "not_held", _("本机关不掌握相关政府信息")
        NOT_OURS = "not_ours", _("非本机关负责公开")
        PUBLISHED = "published", _("信息已主动公开")
        NOT_INFORMATION = "not_information", _("不属于政府信息公开范围")

    applicant_kind = models.CharField(
        _("申请人类型"), max_length=12, choices=ApplicantKind.choices, default=ApplicantKind.CITIZEN
    )
    name = models.CharField(_("姓名/名称"), max_length=100)
    id_number = models.CharField(_("证件号码"), max_length=40)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    description = models.TextField(_("所需信息内容描述"))
    document_hint = models.CharField(_("文件名称、文号"), max_length=200, blank=True)
    medium = models.CharField(_("载体形式"), max_length=12, choices=Medium.choices, default=Medium.ELECTRONIC)
    delivery = models.CharField(_("获取方式"), max_length=12, choices=Delivery.choices, default=Delivery.EMAIL)
    attachment = models.FileField(
        _("身份证明"), storage=private_storage, upload_to=upload_path, blank=True, max_length=200
    )
    attachment_name = models.CharField(max_length=120, blank=True)
    attachment_size = models.PositiveIntegerField(null=True, blank=True)

    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    decision = models.CharField(_("答复类型"), max_length=20, choices=Decision.choices, blank=True)
    reply = models.TextField(_("答复内容"), blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    staff_note = models.TextField(_("内部备注"), blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("依申请公开申请")
        verbose_name_plural = _("依申请公开申请")

    def __str__(self):
        return f"{self.tracking_code} {self.description[:30]}"

"""The service catalogue (办事指南): items owned by departments, life events, online applications."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from hub.interaction.models import TrackedSubmission
from hub.interaction.uploads import private_storage, upload_path
from hub.tenancy.owned import TenantOwned


class Audience(models.TextChoices):
    INDIVIDUAL = "individual", _("个人办事")
    ORGANISATION = "organisation", _("法人办事")


class LifeEvent(models.Model):
    """A life event (出生、上学、就业、开办企业 …) shared by every department's items."""

    name = models.CharField(_("名称"), max_length=30, unique=True)
    slug = models.SlugField(_("缩略名"), max_length=40, unique=True, allow_unicode=False)
    audience = models.CharField(_("服务对象"), max_length=12, choices=Audience.choices)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("audience"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["audience", "sort_order", "name"]
        verbose_name = _("主题")
        verbose_name_plural = _("主题")

    def __str__(self):
        return self.name


class ServiceItemQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_audience(self, audience):
        if audience == Audience.INDIVIDUAL:
            return self.filter(for_individuals=True)
        if audience == Audience.ORGANISATION:
            return self.filter(for_organisations=True)
        return self


class ServiceItem(index.Indexed, TenantOwned, ClusterableModel):
    """A service item (政务服务事项) as the national standard describes it; `department` implements it."""

    class Kind(models.TextChoices):
        LICENSING = "licensing", _("行政许可")
        CONFIRMATION = "confirmation", _("行政确认")
        PAYMENT = "payment", _("行政给付")
        REWARD = "reward", _("行政奖励")
        ADJUDICATION = "adjudication", _("行政裁决")
        OTHER_POWER = "other_power", _("其他行政权力")
        PUBLIC_SERVICE = "public_service", _("公共服务")

    title = models.CharField(_("事项名称"), max_length=200)
    code = models.CharField(_("事项编码"), max_length=60, blank=True)
    kind = models.CharField(_("事项类型"), max_length=20, choices=Kind.choices, default=Kind.PUBLIC_SERVICE)
    for_individuals = models.BooleanField(_("个人"), default=True)
    for_organisations = models.BooleanField(_("法人"), default=False)
    life_events = models.ManyToManyField(LifeEvent, verbose_name=_("主题"), blank=True, related_name="items")
    legal_basis = models.TextField(_("设定依据"), blank=True)
    conditions = models.TextField(_("受理条件"), blank=True)
    procedure = models.TextField(_("办理流程"), blank=True, help_text=_("每行一个步骤。"))
    statutory_limit_days = models.PositiveSmallIntegerField(_("法定办结时限（工作日）"), null=True, blank=True)
    promised_limit_days = models.PositiveSmallIntegerField(_("承诺办结时限（工作日）"), null=True, blank=True)
    fees = models.CharField(_("收费标准"), max_length=200, default="不收费")
    place = models.CharField(_("办理地点"), max_length=200, blank=True)
    hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=100, blank=True)
    online_url = models.URLField(_("网上办理地址"), blank=True)
    accepts_online_applications = models.BooleanField(
        _("本站受理网上申请"),
        default=False,
        help_text=_("群众可在此填表、上传材料提出申请，并凭查询码跟踪办理进度。"),
    )
    is_published = models.BooleanField(_("已公开"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = ServiceItemQuerySet.as_manager()

    panels = [
        FieldPanel("department"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("for_individuals"), FieldPanel("for_organisations")]),
        FieldPanel("life_events"),
        MultiFieldPanel(
            [FieldPanel("legal_basis"), FieldPanel("conditions"), FieldPanel("procedure")], heading=_("办事指南")
        ),
        InlinePanel("materials", label=_("申请材料")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("statutory_limit_days"), FieldPanel("promised_limit_days")]),
                FieldPanel("fees"),
                FieldPanel("place"),
                FieldPanel("hours"),
                FieldPanel("phone"),
            ],
            heading=_("时限、收费和地点"),
        ),
        MultiFieldPanel(
            [FieldPanel("online_url"), FieldPanel("accepts_online_applications"), FieldPanel("is_published")],
            heading=_("网上办理"),
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("code"),
        index.SearchField("conditions"),
        index.SearchField("legal_basis"),
        index.SearchField("procedure"),
        index.SearchField("materials_text"),
        index.SearchField("department_name"),
        index.FilterField("is_published"),
        index.FilterField("department"),
        index.FilterField("for_individuals"),
        index.FilterField("for_organisations"),
    ]

    class Meta:
        ordering = ["department", "title"]
        verbose_name = _("办事事项")
        verbose_name_plural = _("办事事项")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The search index was written on post_save, before the materials (child rows) were saved.
        index.insert_or_update_object(self)

    def materials_text(self):
        return " ".join(material.name for material in self.materials.all())

    def department_name(self):
        return f"{self.department.name} {self.department.short_name}" if self.department_id else ""

    @property
    def limit_days(self):
        """The time limit an application is answered within: the promised one, else the statutory one."""
        return self.promised_limit_days or self.statutory_limit_days

    def procedure_steps(self):
        return [line.strip() for line in self.procedure.splitlines() if line.strip()]

    @property
    def audiences(self):
        return [
            label for flag, label in ((self.for_individuals, _("个人")), (self.for_organisations, _("法人"))) if flag
        ]


class ServiceMaterial(Orderable):
    """A document an applicant must bring or upload."""

    class Form(models.TextChoices):
        ORIGINAL = "original", _("原件")
        COPY = "copy", _("复印件")
        BOTH = "both", _("原件和复印件")
        ELECTRONIC = "electronic", _("电子版")

    item = ParentalKey(ServiceItem, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("材料"), max_length=200)
    form = models.CharField(_("材料形式"), max_length=12, choices=Form.choices, default=Form.ORIGINAL)
    copies = models.PositiveSmallIntegerField(_("份数"), default=1)
    required = models.BooleanField(_("必需"), default=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("form"), FieldPanel("copies"), FieldPanel("required")]),
        FieldPanel("note"),
    ]

    def __str__(self):
        return self.name


class ServiceApplication(TrackedSubmission):
    """An application made on the site for an item that accepts them; handled by the item's department."""

    tracking_prefix = "BJ"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("已提交")
        ACCEPTED = "accepted", _("已受理")
        NEEDS_MORE = "needs_more", _("需补正材料")
        APPROVED = "approved", _("已办结")
        REJECTED = "rejected", _("不予受理")

    CLOSED_STATUSES = (Status.APPROVED, Status.REJECTED)

    item = models.ForeignKey(
        ServiceItem, verbose_name=_("办事事项"), on_delete=models.PROTECT, related_name="applications"
    )
    item_title = models.CharField(_("事项名称"), max_length=200)
    applicant_name = models.CharField(_("申请人"), max_length=100)
    id_number = models.CharField(_("证件号码"), max_length=40)
    phone = models.CharField(_("电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    note = models.TextField(_("申请说明"), blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    message = models.TextField(_("办理意见"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("网上申请")
        verbose_name_plural = _("网上申请")

    def __str__(self):
        return f"{self.tracking_code} {self.item_title}"


class ApplicationFile(models.Model):
    """A material uploaded with an application, kept in private storage."""

    application = models.ForeignKey(ServiceApplication, on_delete=models.CASCADE, related_name="files")
    material = models.CharField(_("材料"), max_length=200, blank=True)
    file = models.FileField(_("文件"), storage=private_storage, upload_to=upload_path, max_length=200)
    file_name = models.CharField(_("文件名"), max_length=120)
    file_size = models.PositiveIntegerField(_("大小"))

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.file_name

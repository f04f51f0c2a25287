"""Tenants of the site group: every department site, the prefecture portal included."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

HOSTNAME_RE = r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
hostname_validator = RegexValidator(
    HOSTNAME_RE,
    _("请输入有效的主机名：小写字母、数字、连字符和点，例如 jyj.localhost。"),
)
code_validator = RegexValidator(
    r"^[a-z][a-z0-9-]{1,29}$",
    _("代码为 2–30 个小写字母、数字或连字符，以字母开头，例如 jyj。"),
)


def theme_variant_choices():
    return [(key, label) for key, label, _colour in settings.HUB_THEME_VARIANTS]


class DepartmentQuerySet(models.QuerySet):
    def online(self):
        return self.filter(is_online=True)


class Department(models.Model):
    """A tenant: one department (or the portal) bound to exactly one Wagtail Site."""

    class Kind(models.TextChoices):
        PORTAL = "portal", _("州门户网站")
        DEPARTMENT = "department", _("部门")

    code = models.CharField(_("编码"), max_length=30, unique=True, validators=[code_validator])
    name = models.CharField(_("全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=30)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    hostname = models.CharField(_("主机名"), max_length=253, unique=True, validators=[hostname_validator])
    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("站点"), on_delete=models.PROTECT, related_name="department"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("媒体集合"),
        on_delete=models.PROTECT,
        related_name="department",
    )
    org_code = models.CharField(
        _("机构代码"),
        max_length=30,
        help_text=_("统一社会信用代码或组织机构代码，是本站所发每个索引号的第一段。"),
    )
    is_online = models.BooleanField(_("在线"), default=True)
    sort_order = models.PositiveIntegerField(_("在部门栏中的顺序"), default=100)

    # Look
    theme_variant = models.CharField(_("主题样式"), max_length=20, default="red", choices=theme_variant_choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("标志"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Contact
    address = models.CharField(_("地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    phone = models.CharField(_("电话"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=100, blank=True)

    # Footer items a Chinese government website must show
    site_identifier = models.CharField(_("网站标识码"), max_length=20, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=50, blank=True)
    police_record_number = models.CharField(_("公安机关备案号"), max_length=50, blank=True)
    sponsor = models.CharField(_("主办单位"), max_length=100, blank=True)
    organizer = models.CharField(_("承办单位"), max_length=100, blank=True)
    party_gov_label_url = models.URLField(_("党政机关网站标识链接"), blank=True)

    objects = DepartmentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("org_code"), FieldPanel("sort_order")],
            heading=_("标识"),
        ),
        MultiFieldPanel([FieldPanel("theme_variant"), FieldPanel("logo")], heading=_("外观")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("site_identifier"),
                FieldPanel("icp_number"),
                FieldPanel("police_record_number"),
                FieldPanel("sponsor"),
                FieldPanel("organizer"),
                FieldPanel("party_gov_label_url"),
            ],
            heading=_("页脚规范信息"),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("部门网站")
        verbose_name_plural = _("部门网站")

    def __str__(self):
        return self.name

    def get_is_online_display(self):
        """The admin's list and inspect views show this status word instead of True/False."""
        return _("在线") if self.is_online else _("已下线")

    @property
    def is_portal(self):
        return self.kind == self.Kind.PORTAL

    @property
    def theme_colour(self):
        colours = {key: colour for key, _label, colour in settings.HUB_THEME_VARIANTS}
        return colours.get(self.theme_variant, settings.HUB_THEME_VARIANTS[0][2])

    @property
    def root_url(self):
        return self.site.root_url


class TenantGroup(models.Model):
    """Links a Django auth group to the tenant it serves and the role it plays there."""

    class Role(models.TextChoices):
        WEBMASTER = "webmaster", _("网站管理员")
        EDITOR = "editor", _("编辑")
        REVIEWER = "reviewer", _("审核员")

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="tenant_groups")
    role = models.CharField(max_length=20, choices=Role.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="tenant_group")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "role"], name="tenancy_one_group_per_role")]

    def __str__(self):
        return f"{self.department.short_name} · {self.get_role_display()}"


class IndexNumberCounter(models.Model):
    """The last serial a tenant issued in a year; rows are locked while a number is issued."""

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "year"], name="tenancy_one_counter_per_year")]

    def __str__(self):
        return f"{self.department_id}/{self.year}: {self.last_serial}"


class IssuedIndexNumber(models.Model):
    """Every 索引号 ever issued; one per document (all its translations share it), never reused."""

    number = models.CharField(max_length=60, unique=True)
    translation_key = models.UUIDField(unique=True)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.number


# Tenant-owned data outside the page tree lives in its own module; imported here so Django finds it.
from .owned import FriendlyLink, SiteOptions, TenantOwned  # noqa: E402, F401

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
    _("Enter a valid hostname: lower-case letters, digits, hyphens and dots, e.g. jyj.localhost."),
)
code_validator = RegexValidator(
    r"^[a-z][a-z0-9-]{1,29}$",
    _("A code is 2–30 lower-case letters, digits or hyphens and starts with a letter, e.g. jyj."),
)


def theme_variant_choices():
    return [(key, label) for key, label, _colour in settings.HUB_THEME_VARIANTS]


class DepartmentQuerySet(models.QuerySet):
    def online(self):
        return self.filter(is_online=True)


class Department(models.Model):
    """A tenant: one department (or the portal) bound to exactly one Wagtail Site."""

    class Kind(models.TextChoices):
        PORTAL = "portal", _("Prefecture portal")
        DEPARTMENT = "department", _("Department")

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[code_validator])
    name = models.CharField(_("full name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=30)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    hostname = models.CharField(_("hostname"), max_length=253, unique=True, validators=[hostname_validator])
    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.PROTECT, related_name="department"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("media collection"),
        on_delete=models.PROTECT,
        related_name="department",
    )
    org_code = models.CharField(
        _("organisation code"),
        max_length=30,
        help_text=_("统一社会信用代码 or 组织机构代码; the first part of every 索引号 this tenant issues."),
    )
    is_online = models.BooleanField(_("online"), default=True)
    sort_order = models.PositiveIntegerField(_("order in the department bar"), default=100)

    # Look
    theme_variant = models.CharField(_("theme variant"), max_length=20, default="red", choices=theme_variant_choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Contact
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=100, blank=True)

    # Footer items a Chinese government website must show
    site_identifier = models.CharField(_("website identifier (网站标识码)"), max_length=20, blank=True)
    icp_number = models.CharField(_("ICP record (ICP备案号)"), max_length=50, blank=True)
    police_record_number = models.CharField(_("public security record (公安机关备案号)"), max_length=50, blank=True)
    sponsor = models.CharField(_("sponsor (主办单位)"), max_length=100, blank=True)
    organizer = models.CharField(_("organiser (承办单位)"), max_length=100, blank=True)
    party_gov_label_url = models.URLField(_("party and government website label link (党政机关网站标识)"), blank=True)

    objects = DepartmentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("org_code"), FieldPanel("sort_order")],
            heading=_("Identity"),
        ),
        MultiFieldPanel([FieldPanel("theme_variant"), FieldPanel("logo")], heading=_("Look")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
            ],
            heading=_("Contact"),
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
            heading=_("Footer compliance items"),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("department site")
        verbose_name_plural = _("department sites")

    def __str__(self):
        return self.name

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
        WEBMASTER = "webmaster", _("Webmasters")
        EDITOR = "editor", _("Editors")
        REVIEWER = "reviewer", _("Reviewers")

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

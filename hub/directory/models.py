"""The department directory (部门名录): one record per tenant, shared by every site.

Which data lives where: a tenant's name, website and contact details (address, postcode, phone,
email, office hours) are fields of `tenancy.Department`, which the footer already reads; the
directory adds what only the directory needs — the kind of body, its functions and its leaders.
The directory's edit form edits both, so the central admin keeps everything in one place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .profiles import LEADER_PROFILE, page_types_with_role

# Contact fields kept on the tenant (`tenancy.Department`) and edited through the directory form.
CONTACT_FIELDS = ["address", "postcode", "phone", "email", "office_hours"]
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class DirectoryEntry(ClusterableModel):
    """A tenant's directory record: category, functions (职能) and leaders (领导), edited centrally."""

    class Category(models.TextChoices):
        GOVERNMENT = "government", _("州人民政府")
        CONSTITUENT = "constituent", _("政府工作部门")
        DIRECT = "direct", _("直属机构")
        ADMINISTERED = "administered", _("部门管理机构")
        INSTITUTION = "institution", _("直属事业单位")
        OTHER = "other", _("其他单位")

    department = models.OneToOneField(
        "tenancy.Department",
        verbose_name=_("部门网站"),
        on_delete=models.CASCADE,
        related_name="directory_entry",
    )
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices, default=Category.CONSTITUENT)
    functions = RichTextField(_("主要职责"), blank=True, features=RICH_TEXT_FEATURES)
    summary = models.CharField(
        _("摘要"), max_length=200, blank=True, help_text=_("在门户网站部门名录中显示的一句话介绍。")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("department"), FieldPanel("category"), FieldPanel("summary"), FieldPanel("functions")],
            heading=_("名录"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("phone")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("office_hours")]),
            ],
            heading=_("联系方式（显示在本站每个页面的页脚）"),
        ),
        InlinePanel("leaders", heading=_("领导"), label=_("领导")),
    ]

    class Meta:
        ordering = ["department__sort_order", "department__code"]
        verbose_name = _("部门名录条目")
        verbose_name_plural = _("部门名录")

    def __str__(self):
        return self.department.name

    @property
    def name(self):
        return self.department.name

    @property
    def website(self):
        """The tenant's own site: the one place its address is kept is Wagtail's Site."""
        return self.department.site.root_url


class ProfilePageChooserPanel(PageChooserPanel):
    """Chooses among the page types that declare themselves a leader's profile (hub names none)."""

    def get_form_options(self):
        options = super().get_form_options()
        widget = AdminPageChooser(target_models=page_types_with_role(LEADER_PROFILE) or None)
        options.setdefault("widgets", {})[self.field_name] = widget
        return options


class DirectoryLeader(Orderable):
    """One leader of a department: who holds which position and what they are responsible for."""

    entry = ParentalKey(DirectoryEntry, related_name="leaders", on_delete=models.CASCADE)
    name = models.CharField(_("名称"), max_length=50)
    position = models.CharField(_("职务"), max_length=100)
    responsibilities = models.TextField(_("分工"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("照片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    profile_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("个人页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("领导的个人页面（含简历和讲话），如本站有的话。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldPanel("responsibilities"),
        FieldPanel("photo"),
        ProfilePageChooserPanel("profile_page"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("领导")
        verbose_name_plural = _("领导")

    def __str__(self):
        return f"{self.position} {self.name}"

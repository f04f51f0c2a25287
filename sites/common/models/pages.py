"""Page types shared by every tenant: columns and the content that fills them."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from hub.directory.panels import DirectoryFunctionsPanel
from hub.directory.queries import entry_for
from hub.taxonomy.panels import topic_panel
from hub.workflow.panels import PairingPanel

from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from .directory import DirectoryPageMixin
from .mixins import AttachmentsMixin, BasePage, DatedPageMixin, SubjectMixin

CONTENT_PAGE_TYPES = [
    "common.ArticlePage",
    "common.GovernmentDocumentPage",
    "common.PolicyInterpretationPage",
    "common.LeaderProfilePage",
    "common.SpeechPage",
    "common.FunctionPage",
    "common.AppointmentNoticePage",
    "common.SpecialTopicPage",
    "common.StandardPage",
    "common.DisclosureCataloguePage",
    "common.DisclosureGuidePage",
    "common.AnnualReportPage",
    "common.ContactPage",
    "common.LeadershipPage",
    "portal.TopicIndexPage",
    "portal.DepartmentIndexPage",
]

# Citizen channels (sites/common/models/interaction.py): mailbox, consultation, disclosure request, services.
CITIZEN_PAGE_TYPES = [
    "common.MailboxPage",
    "common.ConsultationPage",
    "common.DisclosureRequestPage",
    "common.ServiceIndexPage",
]


class ColumnKind(models.TextChoices):
    """What a column (栏目) is for; the column plan (column_plan.json) gives each standard column its kind."""

    GENERAL = "general", _("综合栏目")
    NEWS = "news", _("新闻动态栏目")
    NOTICES = "notices", _("通知公告栏目")
    DOCUMENTS = "documents", _("政府文件栏目")
    INTERPRETATIONS = "interpretations", _("政策解读栏目")
    SPEECHES = "speeches", _("领导讲话栏目")
    LEADERS = "leaders", _("领导之窗栏目")
    FUNCTIONS = "functions", _("机构职能栏目")
    PERSONNEL = "personnel", _("人事信息栏目")
    DISCLOSURE = "disclosure", _("政府信息公开栏目")
    SERVICES = "services", _("办事服务栏目")
    INTERACTION = "interaction", _("互动交流栏目")
    ABOUT = "about", _("关于我们栏目")
    PAGES = "pages", _("介绍页面栏目")
    TOPICS = "topics", _("专题专栏")


# The child page types each column kind accepts; a general column accepts every type a column may hold.
# Sub-columns only where the column plan has them: under 政府信息公开 and 互动交流.
COLUMN_KIND_PAGE_TYPES = {
    ColumnKind.NEWS: ["common.ArticlePage"],
    ColumnKind.NOTICES: ["common.ArticlePage"],
    ColumnKind.DOCUMENTS: ["common.GovernmentDocumentPage", "common.PolicyInterpretationPage"],
    ColumnKind.INTERPRETATIONS: ["common.PolicyInterpretationPage"],
    ColumnKind.SPEECHES: ["common.SpeechPage"],
    ColumnKind.LEADERS: ["common.LeaderProfilePage", "common.LeadershipPage"],
    ColumnKind.FUNCTIONS: ["common.FunctionPage"],
    ColumnKind.PERSONNEL: ["common.AppointmentNoticePage"],
    ColumnKind.DISCLOSURE: [
        "common.ColumnIndexPage",
        "common.DisclosureCataloguePage",
        "common.DisclosureGuidePage",
        "common.AnnualReportPage",
        "common.DisclosureRequestPage",
        "common.LeadershipPage",
        "common.StandardPage",
        "portal.DepartmentIndexPage",
    ],
    ColumnKind.SERVICES: ["common.ServiceIndexPage", "common.StandardPage"],
    ColumnKind.INTERACTION: [
        "common.ColumnIndexPage",
        "common.MailboxPage",
        "common.ConsultationPage",
        "common.DisclosureRequestPage",
        "common.StandardPage",
    ],
    ColumnKind.ABOUT: ["common.StandardPage", "common.ContactPage", "common.LeadershipPage"],
    ColumnKind.PAGES: ["common.StandardPage"],
    ColumnKind.TOPICS: ["common.SpecialTopicPage", "portal.TopicIndexPage"],
}


class ColumnIndexPage(BasePage):
    """A column (栏目): lists its published children, newest first, a page at a time.

    Its kind (`column_kind`) says which child page types it accepts (COLUMN_KIND_PAGE_TYPES), on top
    of Wagtail's type rules: BasePage.can_exist_under asks `accepts_page_type`.
    """

    column_kind = models.CharField(
        _("栏目类型"),
        max_length=20,
        choices=ColumnKind.choices,
        default=ColumnKind.GENERAL,
        help_text=_("决定本栏目下可以添加哪些类型的页面。"),
    )
    intro = RichTextField(_("简介"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("每页条数"), default=20)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    settings_panels = Page.settings_panels + [FieldPanel("column_kind"), FieldPanel("per_page")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    subpage_types = ["common.ColumnIndexPage", *CONTENT_PAGE_TYPES, *CITIZEN_PAGE_TYPES]
    parent_page_types = [
        "common.ColumnIndexPage",
        "portal.PortalHomePage",
        "department.DepartmentHomePage",
        "common.SpecialTopicPage",
    ]

    search_type_label = _("栏目")

    class Meta:
        verbose_name = _("栏目")
        verbose_name_plural = _("栏目")

    def accepts_page_type(self, model):
        """Whether a page of this model may be a child of this column, by the column's kind."""
        labels = COLUMN_KIND_PAGE_TYPES.get(self.column_kind)
        return labels is None or model._meta.label in labels

    def clean(self):
        super().clean()
        if not self.pk:
            return
        refused = sorted(
            {
                str(child_class._meta.verbose_name)
                for child_class in (child.specific_class for child in self.get_children())
                if child_class is not None and not self.accepts_page_type(child_class)
            }
        )
        if refused:
            raise ValidationError(
                {
                    "column_kind": _("本栏目已有此类型不接受的页面：%(types)s。请先移走这些页面，或选择其他栏目类型。")
                    % {"types": "、".join(refused)}
                }
            )

    def listed_pages(self):
        """Published children in this locale, newest first; dated pages by their own date."""
        return self.get_children().live().public().specific().order_by("-first_published_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.listed_pages(), max(self.per_page, 1))
        try:
            items = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            items = paginator.page(1)
        except EmptyPage:
            items = paginator.page(paginator.num_pages)
        context["items"] = items
        context["subcolumns"] = self.get_children().live().public().type(ColumnIndexPage)
        if not paginator.count:
            # A column where nothing arises says why (本栏目暂无信息), as the inspection rules ask.
            from hub.inspection.columns import note_for

            context["no_content_note"] = note_for(self)
        return context


class ArticlePage(DatedPageMixin, SubjectMixin, AttachmentsMixin, BasePage):
    """News (新闻) and notices (通知公告)."""

    class Kind(models.TextChoices):
        NEWS = "news", _("工作动态")
        NOTICE = "notice", _("通知公告")

    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    source = models.CharField(_("来源"), max_length=100, blank=True)
    author = models.CharField(_("作者"), max_length=100, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
                    FieldRowPanel([FieldPanel("source"), FieldPanel("author")]),
                ],
                heading=_("元数据"),
            ),
            FieldPanel("body"),
        ]
        + SubjectMixin.subject_panels
        + [topic_panel()]
        + AttachmentsMixin.attachment_panels
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("source"),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["common.ColumnIndexPage", "common.SpecialTopicPage"]
    subpage_types = []

    search_type_label = _("新闻和公告")

    class Meta:
        ordering = ["-date"]
        verbose_name = _("文章")


class GovernmentDocumentPage(DatedPageMixin, SubjectMixin, AttachmentsMixin, BasePage):
    """A government document (政府文件) with the disclosure metadata of the national catalogue."""

    class Validity(models.TextChoices):
        VALID = "valid", _("有效")
        AMENDED = "amended", _("已修订")
        EXPIRED = "expired", _("失效")
        REPEALED = "repealed", _("废止")

    index_number = models.CharField(
        _("索引号"),
        max_length=60,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("首次保存时自动生成，此后不变。"),
    )
    issuing_authority = models.CharField(_("发文机关"), max_length=100)
    document_number = models.CharField(_("发文字号"), max_length=60, blank=True, db_index=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    validity = models.CharField(_("有效性"), max_length=10, choices=Validity.choices, default=Validity.VALID)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("issuing_authority"), FieldPanel("document_number")]),
                    FieldRowPanel([FieldPanel("written_date"), FieldPanel("date"), FieldPanel("validity")]),
                    FieldPanel("subject"),
                ],
                heading=_("信息公开元数据"),
            ),
            FieldPanel("summary"),
            FieldPanel("body"),
            topic_panel(),
        ]
        + AttachmentsMixin.attachment_panels
        + [PairingPanel(heading=_("相关解读"))]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("document_number"),
        index.SearchField("index_number"),
        index.SearchField("issuing_authority"),
        index.FilterField("date"),
        index.FilterField("validity"),
    ]
    parent_page_types = ["common.ColumnIndexPage", "common.SpecialTopicPage"]
    subpage_types = []

    search_type_label = _("政府文件")
    # Looked up exactly before searching: a query that is the document's 文号 or 索引号 leads to it.
    search_exact_lookups = [("document_number", "document_number"), ("index_number", "index_number")]

    class Meta:
        verbose_name = _("政府文件")

    def related_interpretations(self):
        """Live interpretations (相关解读) of this document in its language."""
        from .interpretation import interpretations_of

        return interpretations_of(self)

    def review_pairing(self):
        """Shown on the review screens: every interpretation of this document, drafts included."""
        from .interpretation import PolicyInterpretationPage

        pages = PolicyInterpretationPage.objects.filter(documents__translation_key=self.translation_key)
        return [
            {
                "heading": _("相关解读"),
                "pages": list(pages.filter(locale_id=self.locale_id).distinct().order_by("-date", "-pk")),
                "empty": _("尚无解读。需要解读的文件应与解读同步发布，最迟不超过3个工作日。"),
            }
        ]

    def search_badges(self):
        """Links shown beside this document in search results: its interpretations (解读)."""
        return [{"label": _("解读"), "page": page} for page in self.related_interpretations()[:3]]

    def save(self, *args, **kwargs):
        if not self.index_number and self.path:
            self.assign_index_number()
        return super().save(*args, **kwargs)

    def assign_index_number(self):
        from hub.tenancy.index_numbers import issue_index_number

        department = self.department
        if department is None:
            return
        year = (self.written_date or self.date).year
        self.index_number = issue_index_number(department, year, self.translation_key)


class SpeechPage(DatedPageMixin, SubjectMixin, BasePage):
    """A leader's speech (领导讲话)."""

    leader = models.ForeignKey(
        "common.LeaderProfilePage",
        verbose_name=_("领导"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speeches",
    )
    speaker = models.CharField(_("讲话人"), max_length=100, blank=True, help_text=_("没有领导个人页面时填写。"))
    occasion = models.CharField(_("场合"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("leader"), FieldPanel("speaker")]),
        FieldRowPanel([FieldPanel("occasion"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("subject"),
        topic_panel(),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("speaker"),
        index.SearchField("occasion"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["common.ColumnIndexPage", "common.LeaderProfilePage"]
    subpage_types = []

    search_type_label = _("领导讲话")

    class Meta:
        verbose_name = _("领导讲话")

    @property
    def speaker_name(self):
        return self.leader.person_name if self.leader_id else self.speaker


class FunctionPage(DirectoryPageMixin, BasePage):
    """A department's functions (部门职能): internal units of its own; the main functions (主要职责),
    leadership (领导班子) and contact details are read from the department directory."""

    internal_units = RichTextField(_("内设机构"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        DirectoryFunctionsPanel(),
        FieldPanel("internal_units"),
        HelpPanel(_("本页的领导班子取自部门名录，请在部门名录中修改。")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("functions_text"),
        index.SearchField("internal_units"),
    ]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []

    search_type_label = _("部门职能")
    # Indexed with the directory entry's main functions: re-indexed when the entry changes.
    directory_role = "functions"

    class Meta:
        verbose_name = _("部门职能")

    def functions_text(self):
        """The directory's main functions as plain text, indexed with the page so a search for them finds it."""
        entry = entry_for(self.department)
        return get_text_for_indexing(entry.functions) if entry is not None and entry.functions else ""


class AppointmentNoticePage(DatedPageMixin, AttachmentsMixin, BasePage):
    """A personnel appointment or removal notice (人事任免)."""

    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldRowPanel([FieldPanel("document_number"), FieldPanel("date")]), FieldPanel("body")]
        + AttachmentsMixin.attachment_panels
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("document_number"),
        index.FilterField("date"),
    ]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = []

    search_type_label = _("人事任免")
    search_exact_lookups = [("document_number", "document_number")]

    class Meta:
        verbose_name = _("人事任免")


class SpecialTopicPage(DatedPageMixin, SubjectMixin, BasePage):
    """A special topic (专题): a banner, an introduction and its own articles and columns."""

    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("横幅图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("banner"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("subject")]),
        topic_panel(),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = [
        "common.ColumnIndexPage",
        "common.ArticlePage",
        "common.GovernmentDocumentPage",
        "common.PolicyInterpretationPage",
        "common.StandardPage",
    ]

    search_type_label = _("专题")

    class Meta:
        verbose_name = _("专题页面")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.get_children().live().public().specific().order_by("-first_published_at")[:30]
        return context


class StandardPage(AttachmentsMixin, BasePage):
    """A plain content page (about us, guides, contact)."""

    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = (
        Page.content_panels + [FieldPanel("summary"), FieldPanel("body")] + AttachmentsMixin.attachment_panels
    )
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = [
        "common.ColumnIndexPage",
        "common.SpecialTopicPage",
        "portal.PortalHomePage",
        "department.DepartmentHomePage",
    ]
    subpage_types = ["common.StandardPage"]

    search_type_label = _("页面")

    class Meta:
        verbose_name = _("普通页面")

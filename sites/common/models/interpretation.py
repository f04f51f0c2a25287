"""Policy interpretation (政策解读): a page that explains one or more government documents.

The rules ask that an interpretation be published with its document, at the latest within three
working days. The interpretation names its documents (`documents`); a document shows its live
interpretations in its own language (相关解读), the interpretation its documents (原文件), the
disclosure catalogue and search results a "解读" link. Each tenant chooses which document genres
need one (InterpretationOptions); `sites.common.indicators` reports those left without.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.blocks import StreamBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.tenancy.scoping import linkable_pages_q
from hub.workflow.panels import PairingPanel

from ..blocks import BodyBlock, ImageBlock
from .mixins import BasePage, DatedPageMixin, SubjectMixin
from .pages import GovernmentDocumentPage


class GraphicsBlock(StreamBlock):
    image = ImageBlock()


class InterpretationForm(WagtailAdminPageForm):
    """Offers only the documents the editor may link: their own tenants' and every live document."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "documents" in self.fields:
            documents = GovernmentDocumentPage.objects.all()
            if self.for_user is not None:
                documents = documents.filter(linkable_pages_q(self.for_user))
            self.fields["documents"].queryset = documents.order_by("-date", "title")


class PolicyInterpretationPage(DatedPageMixin, SubjectMixin, BasePage):
    """An interpretation (政策解读) of government documents: text, 图解 images, later audio and video."""

    class Form(models.TextChoices):
        TEXT = "text", _("文字解读")
        GRAPHIC = "graphic", _("图解")
        MEDIA = "media", _("音视频")

    interpretation_form = models.CharField(_("解读形式"), max_length=10, choices=Form.choices, default=Form.TEXT)
    documents = ParentalManyToManyField(
        "common.GovernmentDocumentPage",
        verbose_name=_("原文件"),
        related_name="interpretations",
        blank=False,
        help_text=_("本解读所解读的政府文件，可选多件。"),
    )
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    graphics = StreamField(GraphicsBlock(), verbose_name=_("图解"), blank=True)

    base_form_class = InterpretationForm
    content_panels = Page.content_panels + [
        FieldPanel("documents", widget=forms.SelectMultiple(attrs={"size": 8})),
        FieldRowPanel([FieldPanel("interpretation_form"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("graphics"),
        FieldPanel("subject"),
        PairingPanel(heading=_("原文件")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("date")]
    parent_page_types = ["common.ColumnIndexPage", "common.SpecialTopicPage"]
    subpage_types = []

    search_type_label = _("政策解读")

    class Meta:
        verbose_name = _("政策解读")

    def review_pairing(self):
        """Shown on the review screens: the documents this explains, with their state."""
        return [
            {
                "heading": _("原文件"),
                "pages": list(self.documents.order_by("-date", "-pk")),
                "empty": _("未选择原文件。"),
            }
        ]

    def original_documents(self):
        """The live documents this explains, each in this page's language where translated."""
        keys = list(self.documents.values_list("translation_key", flat=True))
        shown = {}
        for doc in GovernmentDocumentPage.objects.live().public().filter(translation_key__in=keys):
            if doc.translation_key not in shown or doc.locale_id == self.locale_id:
                shown[doc.translation_key] = doc
        return sorted(shown.values(), key=lambda doc: (doc.date, doc.pk), reverse=True)


def interpretations_of(document):
    """Live interpretations of a document (in any of its languages), in the document's language."""
    return (
        PolicyInterpretationPage.objects.live()
        .public()
        .filter(locale_id=document.locale_id, documents__translation_key=document.translation_key)
        .distinct()
        .order_by("-date", "-pk")
    )


def attach_interpretations(documents, locale_id):
    """Set `interpretation_list` on each document: its live interpretations in that locale (one query,
    plus the view restrictions Wagtail's `public()` reads)."""
    documents = list(documents)
    keys = {doc.translation_key for doc in documents}
    found = {}
    pages = (
        PolicyInterpretationPage.objects.live()
        .public()
        .filter(locale_id=locale_id, documents__translation_key__in=keys)
        .annotate(document_key=models.F("documents__translation_key"))
        .order_by("-date", "-pk")
    )
    for page in pages if keys else []:
        found.setdefault(page.document_key, []).append(page)
    for doc in documents:
        doc.interpretation_list = found.get(doc.translation_key, [])
    return documents


@register_setting(icon="doc-full")
class InterpretationOptions(BaseSiteSetting):
    """Which of a tenant's documents need an interpretation (政策解读) within three working days."""

    genres = models.CharField(
        _("需要解读的文件种类"),
        max_length=200,
        blank=True,
        help_text=_("标题以这些词结尾的文件需要发布解读，用顿号或空格分隔。留空则不检查。"),
    )
    working_days = models.PositiveSmallIntegerField(_("解读发布时限（工作日）"), default=3)

    panels = [FieldPanel("genres"), FieldPanel("working_days")]

    class Meta:
        verbose_name = _("政策解读设置")

    def genre_words(self):
        return [word for word in self.genres.replace("、", " ").replace(",", " ").replace("，", " ").split() if word]

    def needs_interpretation(self, document):
        return any(document.title.endswith(word) for word in self.genre_words())

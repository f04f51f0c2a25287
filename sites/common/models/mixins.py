"""Abstract pieces page types are assembled from; each carries its own panels."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


def today():
    return timezone.localdate()


class BasePage(Page):
    """Every public page type: knows its tenant through the tree."""

    summary = models.TextField(_("摘要"), blank=True, help_text=_("用于列表和搜索结果的一两句话。"))

    search_fields = Page.search_fields + [index.SearchField("summary")]
    # Slugs are identifiers shared by every language version of a page, so an address differs between
    # languages only by its prefix (/ug/…) and a missing translation can fall back to the Chinese page.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta:
        abstract = True

    @classmethod
    def can_exist_under(cls, parent):
        """Wagtail's type rules, then the parent column's own: each column kind accepts what belongs in it.

        Wagtail asks this for the editor's "add child page" choice, the create view (GET and POST),
        moving and copying, so a crafted address cannot put a page where its column does not take it.
        """
        if not super().can_exist_under(parent):
            return False
        parent_class = parent.specific_class
        if not hasattr(parent_class, "accepts_page_type"):
            return True
        column = parent if isinstance(parent, parent_class) else parent.specific_deferred
        return column.accepts_page_type(cls)

    @property
    def department(self):
        if not hasattr(self, "_department"):
            from hub.tenancy.scoping import department_for_page

            self._department = department_for_page(self)
        return self._department

    def get_workflow(self):
        # The review chain (三审) decides: documents and notices always take the full chain.
        from hub.workflow.chains import workflow_for_page

        return workflow_for_page(self, inherited=super().get_workflow)

    @property
    def has_workflow(self):
        return self.get_workflow() is not None


class DatedPageMixin(models.Model):
    """A publication date editors may set, so imported items keep their original date."""

    date = models.DateField(_("发布日期"), default=today, db_index=True)

    date_panels = [FieldPanel("date")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The editable date drives Wagtail's first_published_at, so imported items keep their
        # original date and every listing sorts on one field.
        if isinstance(self.date, datetime.date) and self.first_published_at is not None:
            local = timezone.localtime(self.first_published_at)
            if local.date() != self.date:
                self.first_published_at = timezone.make_aware(datetime.datetime.combine(self.date, local.time()))
        return super().save(*args, **kwargs)

    @property
    def year(self):
        return self.date.year if isinstance(self.date, datetime.date) else None


class SubjectMixin(models.Model):
    """The shared subject classification (主题分类)."""

    subject = models.ForeignKey(
        "taxonomy.Subject",
        verbose_name=_("主题分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    subject_panels = [FieldPanel("subject")]

    class Meta:
        abstract = True


class PageAttachment(Orderable):
    """A document attached to a page (articles, documents, notices)."""

    page = ParentalKey("wagtailcore.Page", related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文档"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("标题"), max_length=200, blank=True, help_text=_("默认为文档的标题。"))

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self):
        return self.title or self.document.title


class AttachmentsMixin(models.Model):
    attachment_panels = [InlinePanel("attachments", label=_("附件"))]

    class Meta:
        abstract = True

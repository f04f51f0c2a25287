"""The shared subject classification (主题分类) every tenant's documents and articles use."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

# The standard top-level categories of the government information-disclosure subject classification.
STANDARD_SUBJECTS = [
    ("01", "国务院组织机构"),
    ("02", "综合政务"),
    ("03", "国民经济管理、国有资产监管"),
    ("04", "财政、金融、审计"),
    ("05", "国土资源、能源"),
    ("06", "农业、林业、水利"),
    ("07", "工业、交通"),
    ("08", "商贸、海关、旅游"),
    ("09", "市场监管、安全生产监管"),
    ("10", "城乡建设、环境保护"),
    ("11", "科技、教育"),
    ("12", "文化、广电、新闻出版"),
    ("13", "卫生、体育"),
    ("14", "人口与计划生育、妇女儿童工作"),
    ("15", "劳动、人事、监察"),
    ("16", "公安、安全、司法"),
    ("17", "民政、扶贫、救灾"),
    ("18", "民族、宗教"),
    ("19", "对外事务"),
    ("20", "港澳台侨工作"),
    ("21", "国防"),
    ("22", "其他"),
]


class Subject(models.Model):
    """A category of 主题分类; shared by every tenant, edited by the central admin only."""

    code = models.CharField(_("编码"), max_length=10, unique=True)
    name = models.CharField(_("名称"), max_length=60, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")

    def __str__(self):
        return self.name


class Topic(models.Model):
    """A free topic (专题) such as 乡村振兴: created by the central admin, attached to any tenant's pages."""

    name = models.CharField(_("名称"), max_length=60, unique=True)
    slug = models.SlugField(
        _("缩略名"), max_length=60, unique=True, allow_unicode=True, help_text=_("专题在门户网站上的地址。")
    )
    description = models.TextField(_("描述"), blank=True)
    is_active = models.BooleanField(_("列出"), default=True, help_text=_("列入门户网站的专题，并供编辑选用。"))
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("专题")
        verbose_name_plural = _("专题")

    def __str__(self):
        return self.name


class PageTopic(Orderable):
    """Links a page of any tenant to a topic; kept in the page's revisions, so drafts carry their topics."""

    page = ParentalKey("wagtailcore.Page", related_name="topic_links", on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, verbose_name=_("专题"), on_delete=models.CASCADE, related_name="page_links")

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "topic"], name="taxonomy_one_link_per_topic")]
        verbose_name = _("专题链接")

    def __str__(self):
        return f"{self.page_id} → {self.topic}"

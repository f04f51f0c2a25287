"""What the search keeps besides the index: best bets, the anonymous query log, indexing problems."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .normalise import normalise_query


class PromotionQuerySet(models.QuerySet):
    def for_query(self, department, query_text):
        return self.filter(department=department, query=normalise_query(query_text))


class Promotion(ClusterableModel):
    """Best bets (推荐结果): pages a site shows first for a search phrase, chosen by its editors."""

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("站点"), on_delete=models.CASCADE, related_name="search_promotions"
    )
    query = models.CharField(
        _("搜索词"),
        max_length=100,
        help_text=_("访问者搜索的正是这个词语时显示（不区分大小写、全半角和空格）。"),
    )

    objects = PromotionQuerySet.as_manager()

    panels = [FieldPanel("department"), FieldPanel("query"), InlinePanel("picks", label=_("推荐页面"), min_num=1)]

    class Meta:
        ordering = ["department", "query"]
        verbose_name = _("推荐搜索结果")
        verbose_name_plural = _("推荐搜索结果")
        constraints = [models.UniqueConstraint(fields=["department", "query"], name="search_one_promotion_per_phrase")]

    def __str__(self):
        return f"{self.department.short_name}: {self.query}"

    def save(self, *args, **kwargs):
        self.query = normalise_query(self.query)
        return super().save(*args, **kwargs)


class PromotedPage(Orderable):
    promotion = ParentalKey(Promotion, on_delete=models.CASCADE, related_name="picks")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("页面"), on_delete=models.CASCADE, related_name="+")
    description = models.CharField(_("描述"), max_length=255, blank=True)

    panels = [FieldPanel("page"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("推荐页面")


class QueryDailyHits(models.Model):
    """How often a phrase was searched on a site in a day; no visitor, address or session is stored."""

    query = models.CharField(max_length=100)
    department = models.ForeignKey("tenancy.Department", null=True, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=15)
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)
    results = models.PositiveIntegerField(default=0, help_text="Result count of the day's last search.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query", "department", "language", "date"], name="search_one_row_per_day")
        ]
        indexes = [models.Index(fields=["date", "department"])]

    def __str__(self):
        return f"{self.date} {self.query} × {self.hits}"


class IndexingProblem(models.Model):
    """An object the search index could not take; removed when it is indexed successfully again."""

    model = models.CharField(_("类型"), max_length=100)
    object_id = models.CharField(_("对象 ID"), max_length=50)
    title = models.CharField(_("标题"), max_length=255, blank=True)
    error = models.TextField(_("错误"))
    first_seen_at = models.DateTimeField(_("首次发现"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("最近发现"), auto_now=True)
    attempts = models.PositiveIntegerField(_("尝试次数"), default=1)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("搜索索引问题")
        verbose_name_plural = _("搜索索引问题")
        constraints = [models.UniqueConstraint(fields=["model", "object_id"], name="search_one_problem_per_object")]

    def __str__(self):
        return f"{self.model} #{self.object_id}: {self.error[:80]}"

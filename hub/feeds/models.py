"""Outside news feeds imported into a column, and the record of every item imported."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel


class FeedSource(models.Model):
    """An outside RSS or Atom feed (the prefecture newspaper, TV or radio) and the column it feeds."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    url = models.CharField(
        _("订阅源地址"), max_length=500, help_text=_("RSS 2.0 或 Atom 订阅源的 http(s) 地址，或本地文件。")
    )
    column = models.ForeignKey("wagtailcore.Page", verbose_name=_("栏目"), on_delete=models.CASCADE, related_name="+")
    source_name = models.CharField(
        _("来源"), max_length=100, blank=True, help_text=_("显示在每个条目上；默认为订阅源的标题。")
    )
    publish = models.BooleanField(_("发布导入的条目"), default=True)
    is_active = models.BooleanField(_("启用"), default=True, help_text=_("由 `import_feed --all` 导入。"))
    last_run_at = models.DateTimeField(_("上次运行"), null=True, blank=True, editable=False)
    last_result = models.CharField(_("上次结果"), max_length=500, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        PageChooserPanel("column"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("publish"), FieldPanel("is_active")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("外部订阅源")
        verbose_name_plural = _("外部订阅源")

    def __str__(self):
        return self.name


class ImportedItem(models.Model):
    """One outside item imported into one column; its key is what makes a re-run skip it."""

    column = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("条目标识"), max_length=500, help_text=_("条目的 guid 或 id，没有时用其链接。"))
    feed_url = models.CharField(_("订阅源地址"), max_length=500)
    link = models.CharField(_("原文地址"), max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_from"
    )
    imported_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["column", "key"], name="feeds_import_each_item_once")]
        verbose_name = _("导入的条目")

    def __str__(self):
        return self.key

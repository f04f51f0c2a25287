"""Outside news feeds imported into a column, and the record of every item imported."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel


class FeedSource(models.Model):
    """An outside RSS or Atom feed (the prefecture newspaper, TV or radio) and the column it feeds."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    url = models.CharField(
        _("feed address"), max_length=500, help_text=_("http(s) address of an RSS 2.0 or Atom feed, or a local file.")
    )
    column = models.ForeignKey("wagtailcore.Page", verbose_name=_("column"), on_delete=models.CASCADE, related_name="+")
    source_name = models.CharField(
        _("source (来源)"), max_length=100, blank=True, help_text=_("Shown on each item; defaults to the feed's title.")
    )
    publish = models.BooleanField(_("publish imported items"), default=True)
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Imported by `import_feed --all`."))
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True, editable=False)
    last_result = models.CharField(_("last result"), max_length=500, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        PageChooserPanel("column"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("publish"), FieldPanel("is_active")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("feed source (外部订阅源)")
        verbose_name_plural = _("feed sources (外部订阅源)")

    def __str__(self):
        return self.name


class ImportedItem(models.Model):
    """One outside item imported into one column; its key is what makes a re-run skip it."""

    column = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("item key"), max_length=500, help_text=_("The item's guid or id, else its link."))
    feed_url = models.CharField(_("feed address"), max_length=500)
    link = models.CharField(_("original address"), max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_from"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["column", "key"], name="feeds_import_each_item_once")]
        verbose_name = _("imported item")

    def __str__(self):
        return self.key

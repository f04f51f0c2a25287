"""The audit trail of edits to the word lists made in the admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WordListEdit(models.Model):
    """One saved edit of a word-list file: who, when, and the text before and after."""

    name = models.CharField(_("列表"), max_length=60)
    edited_at = models.DateTimeField(_("编辑时间"), auto_now_add=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entries_before = models.PositiveIntegerField(default=0)
    entries_after = models.PositiveIntegerField(default=0)
    text_before = models.TextField(blank=True)
    text_after = models.TextField()

    class Meta:
        ordering = ["-edited_at", "-pk"]
        verbose_name = _("词库修改记录")

    def __str__(self):
        return f"{self.name} @ {self.edited_at:%Y-%m-%d %H:%M}"

"""Recorded results of the automatic content checks (机器检查)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Grade(models.TextChoices):
    MUST_FIX = "must_fix", _("必须修改")
    ADVISORY = "advisory", _("提示")


class Category(models.TextChoices):
    WORDING = "wording", _("用语")
    LINK = "link", _("链接")
    IMAGE = "image", _("图片")
    DOCUMENT = "document", _("附件")
    METADATA = "metadata", _("公开要素")
    SYSTEM = "system", _("检查程序")


class ContentCheck(models.Model):
    """One run of the checks over one revision of a page, with its findings."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    task_state = models.ForeignKey(
        "wagtailcore.TaskState", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    department = models.ForeignKey(
        "tenancy.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(_("检查时间"), auto_now_add=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rules_version = models.CharField(max_length=64)
    must_fix_count = models.PositiveIntegerField(default=0)
    advisory_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = _("内容检查")
        verbose_name_plural = _("内容检查")
        indexes = [models.Index(fields=["revision", "rules_version"], name="workflow_check_revision_idx")]

    def __str__(self):
        return f"{self.page_id}@{self.revision_id}: {self.must_fix_count}/{self.advisory_count}"

    @property
    def blocks_approval(self):
        return self.must_fix_count > 0

    def summary(self):
        if not self.must_fix_count and not self.advisory_count:
            return gettext("机器检查通过，未发现问题。")
        if not self.must_fix_count:
            return gettext("机器检查通过，%(advisory)s 条提示供审核参考。") % {"advisory": self.advisory_count}
        return gettext("机器检查发现 %(must_fix)s 处必须修改的问题（另有 %(advisory)s 条提示），请修改后重新提交。") % {
            "must_fix": self.must_fix_count,
            "advisory": self.advisory_count,
        }

    def comment_text(self, limit=20):
        """The summary and the must-fix findings, one a line: what the author reads when the page returns."""
        must_fix = [f.describe() for f in self.findings.all() if f.is_must_fix]
        lines = [self.summary(), *(f"· {line}" for line in must_fix[:limit])]
        if len(must_fix) > limit:
            lines.append(gettext("……另有 %(count)s 处，详见机审结果。") % {"count": len(must_fix) - limit})
        return "\n".join(lines)


class Finding(models.Model):
    """One problem a check found; wording findings keep the matched text and its context."""

    check_run = models.ForeignKey(ContentCheck, on_delete=models.CASCADE, related_name="findings")
    grade = models.CharField(max_length=10, choices=Grade.choices)
    category = models.CharField(max_length=10, choices=Category.choices)
    source = models.CharField(_("规则列表"), max_length=100, blank=True)
    rule = models.CharField(_("规则"), max_length=200, blank=True)
    message = models.CharField(_("提示"), max_length=300)
    suggestion = models.CharField(_("建议"), max_length=200, blank=True)
    field = models.CharField(_("位置"), max_length=200, blank=True)
    before = models.CharField(max_length=100, blank=True)
    matched = models.CharField(max_length=200, blank=True)
    after = models.CharField(max_length=100, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["check_run", "sort_order"]
        verbose_name = _("检查发现")

    def __str__(self):
        return f"{self.get_grade_display()}: {self.message}"

    @property
    def is_must_fix(self):
        return self.grade == Grade.MUST_FIX

    def describe(self):
        """One line for comments and exports: where, what was found, and the suggested wording."""
        parts = [f"[{self.field}]" if self.field else "", self.message]
        if self.matched:
            parts.append(f"“{self.matched}”")
        if self.suggestion:
            parts.append(f"→ {self.suggestion}")
        return " ".join(p for p in parts if p)

"""Admin screens for the citizen channels, built on the tenant-scoped snippet viewset.

Letters and requests are not edited as forms: their edit view is the handling page (read the
letter, forward, reply, publish …); nobody adds them in the admin, and only those who may change
them for their tenant act on them.
"""

import django_filters
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.tenancy.snippets import KeptRecordViewSet, TenantOwnedViewSet

from .models import CalendarDay, ConsultationComment, DisclosureRequest, ErrorReport, Letter, Mailbox
from .views import (
    DisclosureAttachmentView,
    DisclosureHandleView,
    ErrorReportHandleView,
    LetterAttachmentView,
    LetterHandleView,
)


class OverdueColumn(Column):
    """Says 已超期 for overdue records and nothing otherwise (a tick would read as "all is well")."""

    def get_value(self, instance):
        return "已超期" if instance.is_overdue() else ""


class TrackedFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="超期", method="filter_overdue")

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        condition = queryset.model.overdue_q(timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)


class LetterFilterSet(TrackedFilterSet):
    archived = django_filters.BooleanFilter(label=_("已归档"), method="filter_archived")

    class Meta:
        model = Letter
        fields = ["status", "category", "mailbox", "is_published"]

    def filter_archived(self, queryset, name, value):
        return queryset.filter(archived_at__isnull=not value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # Archived letters leave the working list unless asked for.
        if self.form.cleaned_data.get("archived") is None:
            queryset = queryset.filter(archived_at__isnull=True)
        return queryset


class DisclosureFilterSet(TrackedFilterSet):
    class Meta:
        model = DisclosureRequest
        fields = ["status", "decision"]


class HandledRecordViewSet(KeptRecordViewSet):
    """Records citizens submit: listed and handled, never added or edited as a form."""

    handle_view_class = None
    attachment_view_class = None
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_edit_view_kwargs(self, **kwargs):
        return {"attachment_url_name": self.get_url_name("attachment"), **kwargs}

    @property
    def edit_view(self):
        return self.construct_view(self.handle_view_class, **self.get_edit_view_kwargs())

    @property
    def attachment_view(self):
        return self.construct_view(self.attachment_view_class, **self.get_edit_view_kwargs())

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("attachment/<int:pk>/", self.attachment_view, name="attachment"),
        ]


class LetterViewSet(HandledRecordViewSet):
    model = Letter
    handle_view_class = LetterHandleView
    attachment_view_class = LetterAttachmentView
    icon = "mail"
    menu_label = "来信办理"
    menu_order = 100
    list_display = [
        "tracking_code",
        "subject",
        "category",
        Column("status", label="状态", accessor="get_status_display"),
        "deadline",
        OverdueColumn("overdue", label="超期"),
        "submitted_at",
    ]
    filterset_class = LetterFilterSet
    search_fields = ["tracking_code", "subject"]
    ordering = ["-submitted_at"]


class DisclosureRequestViewSet(HandledRecordViewSet):
    model = DisclosureRequest
    handle_view_class = DisclosureHandleView
    attachment_view_class = DisclosureAttachmentView
    icon = "doc-full"
    menu_label = "依申请公开"
    menu_order = 300
    list_display = [
        "tracking_code",
        Column("description", label="申请内容", accessor=lambda obj: obj.description[:40]),
        Column("status", label="状态", accessor="get_status_display"),
        "deadline",
        OverdueColumn("overdue", label="超期"),
        "submitted_at",
    ]
    filterset_class = DisclosureFilterSet
    search_fields = ["tracking_code", "description"]
    ordering = ["-submitted_at"]


class MailboxViewSet(TenantOwnedViewSet):
    model = Mailbox
    icon = "mail"
    menu_label = "信箱设置"
    menu_order = 400
    list_display = ["name", "department", "reply_days", "is_open"]
    list_filter = ["department"]


class ConsultationCommentViewSet(KeptRecordViewSet):
    model = ConsultationComment
    icon = "comment"
    menu_label = "征集意见"
    menu_order = 200
    list_display = [
        "receipt_code",
        "page_title",
        Column("text", label="意见", accessor=lambda obj: obj.text[:40]),
        "submitted_at",
        "is_read",
    ]
    list_filter = ["is_read", "page_title"]
    search_fields = ["receipt_code", "page_title", "text"]
    inspect_view_enabled = True
    copy_view_enabled = False
    # Comments are read, not rewritten: everything but the read mark is shown read-only.
    panels = [
        FieldPanel(name, read_only=True)
        for name in ("page_title", "receipt_code", "submitted_at", "name", "organisation", "contact", "section", "text")
    ] + [FieldPanel("is_read")]
    ordering = ["-submitted_at"]


class ErrorReportViewSet(KeptRecordViewSet):
    """网站纠错: reports about the tenant's pages, handled (reply, close) on their edit view."""

    model = ErrorReport
    icon = "warning"
    menu_label = _("网站纠错")
    menu_order = 250
    list_display = [
        "receipt_code",
        "page_title",
        "kind",
        Column("description", label=_("错误描述"), accessor=lambda obj: obj.description[:40]),
        Column("status", label=_("状态"), accessor="get_status_display"),
        "submitted_at",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["receipt_code", "page_title", "page_url", "description"]
    inspect_view_enabled = False
    copy_view_enabled = False
    ordering = ["-submitted_at"]

    @property
    def edit_view(self):
        return self.construct_view(ErrorReportHandleView)


class CalendarDayViewSet(SnippetViewSet):
    """The holiday list every deadline is counted with (shared by all tenants; central admins keep it)."""

    model = CalendarDay
    icon = "date"
    menu_label = "节假日安排"
    menu_order = 500
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    ordering = ["-date"]


class InteractionViewSetGroup(SnippetViewSetGroup):
    items = (
        LetterViewSet,
        ConsultationCommentViewSet,
        DisclosureRequestViewSet,
        ErrorReportViewSet,
        MailboxViewSet,
        CalendarDayViewSet,
    )
    menu_icon = "mail"
    menu_label = "互动交流"
    menu_name = "interaction"
    menu_order = 250

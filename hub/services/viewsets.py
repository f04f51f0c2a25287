"""Admin screens for the service catalogue (each department keeps its own items) and applications."""

from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.interaction.viewsets import HandledRecordViewSet, OverdueColumn, TrackedFilterSet
from hub.tenancy.snippets import TenantOwnedViewSet

from .models import LifeEvent, ServiceApplication, ServiceItem
from .views import ApplicationFileView, ApplicationHandleView


class ServiceItemViewSet(TenantOwnedViewSet):
    model = ServiceItem
    icon = "list-ul"
    menu_label = "办事事项"
    menu_order = 100
    list_display = [
        "title",
        "department",
        "kind",
        BooleanColumn("accepts_online_applications", label="网上申请"),
        "is_published",
        "updated_at",
    ]
    list_filter = ["department", "kind", "is_published", "accepts_online_applications", "life_events"]
    search_fields = ["title", "code"]
    ordering = ["department", "title"]


class ApplicationFilterSet(TrackedFilterSet):
    class Meta:
        model = ServiceApplication
        fields = ["status"]


class ServiceApplicationViewSet(HandledRecordViewSet):
    model = ServiceApplication
    handle_view_class = ApplicationHandleView
    attachment_view_class = ApplicationFileView
    icon = "form"
    menu_label = "网上申请"
    menu_order = 200
    list_display = [
        "tracking_code",
        "item_title",
        Column("status", label="状态", accessor="get_status_display"),
        "deadline",
        OverdueColumn("overdue", label="超期"),
        "submitted_at",
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["tracking_code", "item_title"]
    ordering = ["-submitted_at"]


class LifeEventViewSet(SnippetViewSet):
    model = LifeEvent
    icon = "tag"
    menu_label = "办事主题"
    menu_order = 300
    list_display = ["name", "audience", "sort_order"]
    list_filter = ["audience"]


class ServicesViewSetGroup(SnippetViewSetGroup):
    items = (ServiceItemViewSet, ServiceApplicationViewSet, LifeEventViewSet)
    menu_icon = "list-ul"
    menu_label = "办事服务"
    menu_name = "services"
    menu_order = 260

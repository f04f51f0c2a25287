from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from hub.tenancy.scoping import departments_for_user, is_central_admin

from . import admin_views
from .models import IndexingProblem, Promotion
from .permissions import SiteSearchPermissionPolicy, managed_departments

register_permission_policy(Promotion, SiteSearchPermissionPolicy(Promotion), exact_class=True)
promotion_viewset = admin_views.PromotionViewSet("search_promotions", url_prefix="search/promotions")


@hooks.register("register_admin_viewset")
def register_promotion_viewset():
    return promotion_viewset


@hooks.register("register_admin_urls")
def register_search_urls():
    return [
        path("search/group/", admin_views.AdminSearchView.as_view(), name="search_admin"),
        path("search/statistics/", admin_views.SearchStatisticsView.as_view(), name="search_statistics"),
        path("search/indexing-problems/", admin_views.IndexingProblemsView.as_view(), name="search_indexing_problems"),
        path(
            "search/indexing-problems/<int:pk>/reindex/",
            admin_views.reindex_problem,
            name="search_reindex_problem",
        ),
    ]


class ShownTo(MenuItem):
    def __init__(self, label, url_name, icon_name, order, test):
        super().__init__(label, reverse(url_name), icon_name=icon_name, order=order)
        self.test = test

    def is_shown(self, request):
        return self.test(request.user)


@hooks.register("register_admin_menu_item")
def register_search_menu():
    menu = Menu(
        items=[
            ShownTo(_("站群检索"), "search_admin", "search", 100, lambda u: departments_for_user(u).exists()),
            ShownTo(_("推荐结果"), "search_promotions:index", "pick", 200, lambda u: managed_departments(u).exists()),
            ShownTo(_("搜索统计"), "search_statistics", "list-ul", 300, lambda u: managed_departments(u).exists()),
            ShownTo(_("索引问题"), "search_indexing_problems", "warning", 400, is_central_admin),
        ]
    )
    return SubmenuMenuItem(_("站群搜索"), menu, icon_name="search", order=250, name="site-group-search")


class IndexingProblemsPanel(Component):
    """On the dashboard of central admins while some objects are missing from the search index."""

    name = "search_indexing_problems"
    template_name = "search/admin/indexing_problems_panel.html"
    order = 50

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse("search_indexing_problems")}


@hooks.register("construct_homepage_panels")
def add_indexing_problems_panel(request, panels):
    if is_central_admin(request.user):
        count = IndexingProblem.objects.count()
        if count:
            panels.append(IndexingProblemsPanel(count))

"""Admin screens: site-group search for editors, best bets, search statistics and indexing problems."""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from modelsearch.index import insert_or_update_object
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from hub.tenancy.choices import limit_choices
from hub.tenancy.scoping import departments_for_user, is_central_admin

from . import querylog
from .models import IndexingProblem, Promotion
from .permissions import managed_departments
from .service import Audience, SearchParams, search
from .views import facet_links, page_links


class AdminSearchView(WagtailAdminTemplateMixin, TemplateView):
    """Search every page, draft or live, of the sites the editor works on; the public search service."""

    page_title = gettext_lazy("站群检索")
    header_icon = "search"
    template_name = "search/admin/search.html"

    def dispatch(self, request, *args, **kwargs):
        if not departments_for_user(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = SearchParams.from_querydict(self.request.GET)
        params.scope = "all"
        outcome = search(params, Audience(user=self.request.user), self.request)
        context.update(outcome=outcome, params=params, facet_groups=facet_links(outcome), page_urls=page_links(outcome))
        return context


class ManagedObjectMixin:
    """Only records of the sites the user manages exist for them (their history and usage too)."""

    def managed(self):
        return managed_departments(self.request.user)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.managed().filter(pk=obj.department_id).exists():
            raise Http404
        return obj


class ManagedDepartmentsMixin(ManagedObjectMixin):
    """Listings and forms of the sites the user manages; the site field offers only those."""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(department__in=self.managed())

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if "department" in form.fields:
            form.fields["department"].queryset = self.managed()
        # A promoted page is one the user may link to: never another tenant's unpublished page.
        return limit_choices(form, self.request.user)


class PromotionIndexView(ManagedDepartmentsMixin, generic.IndexView):
    pass


class PromotionCreateView(ManagedDepartmentsMixin, generic.CreateView):
    pass


class PromotionEditView(ManagedDepartmentsMixin, generic.EditView):
    pass


class PromotionDeleteView(ManagedDepartmentsMixin, generic.DeleteView):
    pass


class PromotionHistoryView(ManagedObjectMixin, history.HistoryView):
    pass


class PromotionUsageView(ManagedObjectMixin, usage.UsageView):
    pass


class PromotionViewSet(ModelViewSet):
    """Best bets (推荐结果) per site: pages shown first when visitors search a phrase."""

    model = Promotion
    icon = "pick"
    menu_label = gettext_lazy("推荐结果")
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = PromotionIndexView
    add_view_class = PromotionCreateView
    edit_view_class = PromotionEditView
    delete_view_class = PromotionDeleteView
    history_view_class = PromotionHistoryView
    usage_view_class = PromotionUsageView
    list_display = ["query", "department"]
    search_fields = ["query"]


class SearchStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """What visitors searched on the user's sites, and what found nothing (candidates for best bets)."""

    page_title = gettext_lazy("搜索统计")
    header_icon = "list-ul"
    template_name = "search/admin/statistics.html"

    def dispatch(self, request, *args, **kwargs):
        if not managed_departments(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        departments = list(managed_departments(self.request.user))
        context["top"] = querylog.top_queries(departments=departments, limit=50)
        context["empty"] = querylog.top_queries(departments=departments, limit=50, without_results=True)
        return context


class IndexingProblemsView(WagtailAdminTemplateMixin, TemplateView):
    """Objects the search index could not take, with the error; each can be indexed again."""

    page_title = gettext_lazy("搜索索引问题")
    header_icon = "warning"
    template_name = "search/admin/indexing_problems.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_central_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["problems"] = IndexingProblem.objects.all()[:500]
        return context


def problem_object(problem):
    """The object a problem is about, or None when it (or its type) no longer exists."""
    try:
        return apps.get_model(problem.model)._default_manager.filter(pk=problem.object_id).first()
    except (LookupError, ValueError, ValidationError):
        return None


@require_POST
def reindex_problem(request, pk):
    """Index a problem's object again; the problem disappears when that succeeds."""
    if not is_central_admin(request.user):
        raise PermissionDenied
    problem = get_object_or_404(IndexingProblem, pk=pk)
    obj = problem_object(problem)
    if obj is None:
        problem.delete()
        messages.success(request, _("该对象已不存在，此问题已移除。"))
    else:
        try:
            insert_or_update_object(obj)
        except Exception as error:  # recorded again by the backend; show it here too
            messages.error(request, _("索引再次失败：%(error)s") % {"error": error})
        else:
            messages.success(request, _("%(title)s 已重新加入搜索索引。") % {"title": problem.title})
    return redirect(reverse("search_indexing_problems"))

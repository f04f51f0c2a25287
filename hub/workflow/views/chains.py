"""审核流程设置: which standard chain each column of a tenant takes (central admins only)."""

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowPage

from hub.tenancy.models import Department
from hub.tenancy.scoping import is_central_admin

from ..chains import CHAINS, FULL_CHAIN_PAGE_TYPES
from ..models import StandardChain
from ..provisioning import assign_chain
from .base import ReviewAdminView


class ChainSettingsView(ReviewAdminView):
    template_name = "workflow/chains.html"
    page_title = _("审核流程设置")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not is_central_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def department(self):
        code = self.request.GET.get("site") or self.request.POST.get("site")
        queryset = Department.objects.select_related("site__root_page")
        return get_object_or_404(queryset, code=code) if code else queryset.first()

    def post(self, request, *args, **kwargs):
        department = self.department()
        page = get_object_or_404(Page, pk=request.POST.get("page"))
        if not page.path.startswith(department.site.root_page.path):
            raise PermissionDenied
        key = request.POST.get("chain") or None
        if key is not None and key not in CHAINS:
            raise PermissionDenied
        if key is None and page.depth == 2:
            messages.error(request, _("站点首页必须有审核流程，不能设为“沿用上级”。"))
        else:
            changed = assign_chain(page, key)
            label = CHAINS[key].name if key else _("沿用上级")
            for each in changed:
                log(each, "workflow.assign_chain", user=request.user, data={"chain": key or ""})
            messages.success(
                request, _("“%(title)s”的审核流程已设为：%(chain)s。") % {"title": page.title, "chain": label}
            )
        return redirect(f"{request.path}?site={department.code}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        department = self.department()
        rows = []
        if department is not None:
            column_model = apps.get_model(settings.HUB_COLUMN_PAGE_MODEL)
            root = department.site.root_page
            pages = [root] + list(
                Page.objects.descendant_of(root).type(column_model).filter(depth__lte=root.depth + 3).order_by("path")
            )
            own = dict(WorkflowPage.objects.filter(page__in=pages).values_list("page_id", "workflow_id"))
            chain_of = dict(StandardChain.objects.values_list("workflow_id", "key"))
            for page in pages:
                effective = page.specific.get_workflow()
                rows.append(
                    {
                        "page": page,
                        "indent": page.depth - root.depth,
                        "own_key": chain_of.get(own.get(page.pk), "custom" if page.pk in own else ""),
                        "effective": effective,
                    }
                )
        context.update(
            departments=Department.objects.all(),
            department=department,
            rows=rows,
            chains=CHAINS.values(),
            full_chain_types=[_type_label(label, rule) for label, rule in FULL_CHAIN_PAGE_TYPES.items()],
        )
        return context


def _type_label(label, rule):
    try:
        name = str(apps.get_model(label)._meta.verbose_name)
    except LookupError:
        name = label
    if rule:
        return f"{name}（{rule[0]} = {rule[1]}）"
    return name

"""The dashboard: its page count covers the user's own tenants.

Wagtail counts every page under the user's explorable root; a tenant whose site has several locale
roots explores from the tree root, so the stock count would include every other tenant's pages.
The other panels (awaiting review, own locked pages, own recent edits, media counts) are already
limited to the user's own tasks, pages and collections.
"""

from wagtail.admin.site_summary import PagesSummaryItem

from hub.tenancy import scoping
from hub.tenancy.models import Department

from .pages import visible_pages


class TenantPagesSummaryItem(PagesSummaryItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        if scoping.is_central_admin(user):
            return context
        context["total_pages"] = visible_pages(user).filter(depth__gt=1).count()
        ids = scoping.department_ids_for_user(user)
        departments = list(Department.objects.filter(pk__in=ids).select_related("site__root_page")[:2])
        if len(departments) == 1:
            context["root_page"] = departments[0].site.root_page
            context["site_name"] = departments[0].name
        return context


def construct_summary_items(request, items):
    """construct_homepage_summary_items: swap Wagtail's page count for the tenant-scoped one."""
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = TenantPagesSummaryItem(request)

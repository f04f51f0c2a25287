"""System checks for settings that tenant isolation relies on."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def page_search_filtered_by_permissions(app_configs, **kwargs):
    if getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
        return []
    return [
        Error(
            "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS is off: the admin page search would list "
            "every tenant's pages.",
            hint="Remove the setting; tenants must search their own pages only.",
            id="isolation.E001",
        )
    ]

"""The isolation layer's registrations with Wagtail's hooks (its shadowed screens are in `urls`).

Hooks that replace or extend Wagtail's own registrations run after them (order=100).
"""

from wagtail import hooks

from . import dashboard, forms, media, pages
from .pages import TenantPageViewSet
from .redirects import register_redirect_policy

register_redirect_policy()


@hooks.register("register_admin_viewset", order=100)
def register_tenant_page_viewset():
    return TenantPageViewSet()


hooks.register("construct_explorer_page_queryset", pages.explorer_queryset)
hooks.register("construct_page_chooser_queryset", pages.page_chooser_queryset)
hooks.register("construct_image_chooser_queryset", media.image_chooser_queryset)
hooks.register("construct_document_chooser_queryset", media.document_chooser_queryset)
hooks.register("construct_admin_api", media.construct_admin_api, order=100)
hooks.register("construct_homepage_summary_items", dashboard.construct_summary_items, order=100)
hooks.register("filter_form_submissions_for_user", forms.form_pages_for_user)

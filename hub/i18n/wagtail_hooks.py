from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from hub.tenancy.snippets import TenantOwnedViewSet, register_tenant_owned

from .fallback import serve_only_in_own_language
from .models import SiteIdentity, SiteLanguages

hooks.register("before_serve_page", serve_only_in_own_language)


class SiteLanguagesViewSet(TenantOwnedViewSet):
    model = SiteLanguages
    icon = "globe"
    menu_label = _("站点语种")
    list_display = ["department", "locales_display"]
    ordering = ["department__sort_order", "department__code"]
    add_to_admin_menu = False


class SiteIdentityViewSet(TenantOwnedViewSet):
    model = SiteIdentity
    icon = "doc-full"
    menu_label = _("站点名称译文")
    list_display = ["name", "department", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "short_name"]
    ordering = ["department__sort_order", "department__code", "locale__language_code"]


class LanguagesViewSetGroup(SnippetViewSetGroup):
    items = (SiteLanguagesViewSet, SiteIdentityViewSet)
    menu_icon = "globe"
    menu_label = _("多语种")
    menu_order = 320


register_tenant_owned(SiteLanguages)
register_tenant_owned(SiteIdentity)
register_snippet(LanguagesViewSetGroup)

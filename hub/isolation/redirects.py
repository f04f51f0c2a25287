"""Redirects per site: a webmaster lists, adds, edits and deletes the redirects of their own sites.

Redirect permissions held through a tenant's group apply to that tenant's site
(`TenantPermissionPolicy` on `site__department`). A redirect for every site (no site) and the
spreadsheet import stay with the central admin.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.contrib.redirects import views as redirect_views
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site
from wagtail.permissions import policy_registry

from hub.tenancy import scoping
from hub.tenancy.choices import limit_choices
from hub.tenancy.filters import ScopedFiltersMixin
from hub.tenancy.policies import TenantPermissionPolicy

SEE_ACTIONS = ["add", "change", "delete"]


def redirect_policy():
    return policy_registry.get_by_type(Redirect)


def register_redirect_policy():
    """Replace the plain model permission policy Wagtail registers for redirects."""
    policy = TenantPermissionPolicy(Redirect, tenant_lookup="site__department")
    policy_registry.register(Redirect, policy, exact_class=True)
    return policy


class TenantRedirectFormMixin:
    """The site field offers the user's own sites, and a target page must be one they may link to
    (their own, or another site's published page)."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        user = self.request.user
        ids = redirect_policy().department_ids(user, ["add" if self.object_is_new else "change"])
        if ids is not None:
            form.fields["site"].queryset = Site.objects.filter(department__in=ids)
            form.fields["site"].required = True
            form.fields["site"].empty_label = None
        return limit_choices(form, user)

    @property
    def object_is_new(self):
        return getattr(getattr(self, "object", None), "pk", None) is None


class TenantRedirectObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not redirect_policy().user_has_any_permission_for_instance(self.request.user, SEE_ACTIONS, obj):
            raise Http404
        return obj


class TenantRedirectIndexView(ScopedFiltersMixin, redirect_views.IndexView):
    def get_base_queryset(self):
        own = redirect_policy().instances_user_has_any_permission_for(self.request.user, SEE_ACTIONS)
        return super().get_base_queryset().filter(pk__in=own.values("pk"))

    @property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if scoping.is_central_admin(self.request.user):
            return buttons
        return [button for button in buttons if "import" not in str(button.url)]


class TenantRedirectCreateView(TenantRedirectFormMixin, redirect_views.CreateView):
    pass


class TenantRedirectEditView(TenantRedirectObjectMixin, TenantRedirectFormMixin, redirect_views.EditView):
    pass


class TenantRedirectDeleteView(TenantRedirectObjectMixin, redirect_views.DeleteView):
    pass


def central_admins_only(view):
    """Import writes redirects for any site: central admins only."""

    def wrapped(request, *args, **kwargs):
        if not scoping.is_central_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


start_import = central_admins_only(redirect_views.start_import)
process_import = central_admins_only(redirect_views.process_import)

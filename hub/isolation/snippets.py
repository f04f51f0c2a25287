"""The snippets overview: its counts of tenant-owned records are the user's tenants' only.

The snippet views themselves are scoped by `hub.tenancy.snippets.TenantOwnedViewSet`.
"""

from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views

from hub.tenancy.filters import SEE_ACTIONS
from hub.tenancy.policies import TenantPermissionPolicy


class TenantSnippetModelIndexView(snippet_views.ModelIndexView):
    """The snippets overview, counting only the records of the user's tenants for tenant-owned models."""

    def _get_snippet_types(self):
        snippet_types = super()._get_snippet_types()
        for snippet_type in snippet_types:
            policy = policy_registry.get_by_type(snippet_type["model"])
            if isinstance(policy, TenantPermissionPolicy):
                snippet_type["count"] = policy.instances_user_has_any_permission_for(
                    self.request.user, SEE_ACTIONS
                ).count()
        return snippet_types

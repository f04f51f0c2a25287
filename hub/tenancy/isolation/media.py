"""Images and documents: each tenant's media live in its own collection.

Wagtail already scopes the media listings and choosers by collection permissions, which onboarding
grants on each tenant's collection only. Two more guards close what collection permissions leave
open: the choosers also drop anything outside the user's tenants' collections (so a group that is
later given the root collection still sees only its own media), and the admin API's image and
document endpoints, which list every file whatever the collection, answer with the user's own only.
"""

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from .. import scoping

# The media actions that let a user see a file in some admin screen.
SEE_ACTIONS = ["add", "change", "delete", "choose"]


def own_media(queryset, user):
    """Media in the collections of the user's tenants (everything for central admins)."""
    if scoping.is_central_admin(user):
        return queryset
    return queryset.filter(collection__in=scoping.collections_for_user(user))


def image_chooser_queryset(images, request):
    """construct_image_chooser_queryset."""
    return own_media(images, request.user)


def document_chooser_queryset(documents, request):
    """construct_document_chooser_queryset."""
    return own_media(documents, request.user)


class TenantImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        permitted = policy_registry.get_by_type(get_image_model()).instances_user_has_any_permission_for(
            self.request.user, SEE_ACTIONS
        )
        return own_media(super().get_queryset().filter(pk__in=permitted.values("pk")), self.request.user)


class TenantDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        permitted = policy_registry.get_by_type(get_document_model()).instances_user_has_any_permission_for(
            self.request.user, SEE_ACTIONS
        )
        return own_media(super().get_queryset().filter(pk__in=permitted.values("pk")), self.request.user)


def construct_admin_api(router):
    """construct_admin_api (registered after Wagtail's own): replace the media endpoints."""
    router.register_endpoint("images", TenantImagesAPIViewSet)
    router.register_endpoint("documents", TenantDocumentsAPIViewSet)

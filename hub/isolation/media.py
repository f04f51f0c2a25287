"""Images and documents: each tenant's media live in its own collection.

Wagtail already scopes the media listings and choosers by collection permissions, which onboarding
grants on each tenant's collection only. Two more guards close what collection permissions leave
open: the choosers also drop anything outside the user's tenants' collections (so a group that is
later given the root collection still sees only its own media), and the admin API's image and
document endpoints, which list every file whatever the collection, answer with the user's own only.
Tag suggestions and the "popular tags" filters likewise offer only the tags on the user's own media.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import JsonResponse
from taggit.models import Tag, TaggedItem
from wagtail.admin.views import tags
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import documents as documents_views
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import chooser as image_chooser
from wagtail.images.views import images as images_views
from wagtail.permissions import policy_registry

from hub.tenancy import scoping
from hub.tenancy.filters import ScopedFiltersMixin, own_ids, own_media, popular_tags_for_user

# The media actions that let a user see a file in some admin screen.
SEE_ACTIONS = ["add", "change", "delete", "choose"]


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


def tag_autocomplete(request, app_name=None, model_name=None):
    """Tag suggestions: for central admins every tag; for others the tags on their own media only
    (tags are shared by every tagged object, so Wagtail would suggest other tenants' tags)."""
    shared_tags = app_name is None or (app_name, model_name) == ("taggit", "tag")
    if not shared_tags or scoping.is_central_admin(request.user):
        # A custom tag model belongs to one tagged model and is left to that model's own admin.
        return tags.autocomplete(request, app_name, model_name)
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    own = Q(pk__in=[])
    for model in (get_image_model(), get_document_model()):
        own |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=own_ids(model, request.user))
    own = TaggedItem.objects.filter(own)
    names = (
        Tag.objects.filter(pk__in=own.values("tag_id"), name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


# Listings and the image chooser, with their tag filters narrowed ---------------------------------------


class TenantImagesIndexView(ScopedFiltersMixin, images_views.IndexView):
    pass


class TenantDocumentsIndexView(ScopedFiltersMixin, documents_views.IndexView):
    pass


class OwnPopularTagsMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "popular_tags" in context:
            context["popular_tags"] = popular_tags_for_user(self.model, self.request.user)
        return context


class TenantImageChooserViewSet(image_chooser.ImageChooserViewSet):
    choose_view_class = type("TenantImageChooseView", (OwnPopularTagsMixin, image_chooser.ImageChooseView), {})


# Not registered: Wagtail's own chooser viewset keeps its URLs and names; isolation.urls sends the
# chooser's listing to these views.
tenant_image_chooser = TenantImageChooserViewSet(
    "wagtailimages_chooser", model=get_image_model(), url_prefix="images/chooser"
)

"""Translation screens (wagtail-localize).

Editing, previewing and stopping a page's translation require permission to edit that page, which
tenants hold on their own trees only. Submitting and updating translations ask only for
wagtail-localize's global permission, and two screens list objects whatever their owner; those are
served here: submitting or updating needs the right to edit the source, the translations report
lists translations of the user's tenants' pages, and the snippet API behind the translation editor
offers the user's tenants' records of tenant-owned snippets.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import submit_translations, update_translations
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetAPI

from hub.tenancy import scoping
from hub.tenancy.owned import TenantOwned
from hub.workflow.views.translations import ReviewedUpdateTranslationsMixin

from .pages import visible_pages


class TenantTranslationsReportView(TranslationsReportView):
    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if scoping.is_central_admin(user):
            return queryset
        keys = visible_pages(user).values("translation_key")
        return queryset.filter(
            source__object__content_type=ContentType.objects.get_for_model(Page),
            source__object__translation_key__in=keys,
        )


class TenantLocalizeSnippetAPI(LocalizeSnippetAPI):
    def get_queryset(self):
        queryset = super().get_queryset()
        model = self.get_model()
        if issubclass(model, TenantOwned):
            own = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
                self.request.user, ["add", "change", "delete", "view"]
            )
            queryset = queryset.filter(pk__in=own.values("pk"))
        return queryset


def user_may_translate(user, instance):
    """Submitting or updating a translation writes pages (or records) in the source's own tenant:
    wagtail-localize asks only for its global permission, so also require the right to edit the source."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


class SourceEditableMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        source = obj.get_source_instance() if isinstance(obj, TranslationSource) else obj
        if not user_may_translate(self.request.user, source):
            raise Http404
        return obj


class TenantSubmitPageTranslationView(SourceEditableMixin, submit_translations.SubmitPageTranslationView):
    pass


class TenantSubmitSnippetTranslationView(SourceEditableMixin, submit_translations.SubmitSnippetTranslationView):
    pass


class TenantUpdateTranslationsView(
    SourceEditableMixin, ReviewedUpdateTranslationsMixin, update_translations.UpdateTranslationsView
):
    """Also: "Publish immediately" submits translated pages under a review chain to it (hub.workflow)."""

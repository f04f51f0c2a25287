"""Wagtail admin screens that offer no hook for scoping, served by tenant-aware subclasses.

Included under the admin's prefix *before* Wagtail's own URLs, so the same addresses (and the
URL names Wagtail reverses) reach these views. Everything here requires admin access, as the
admin's own URLs do.
"""

import functools

from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from hub.workflow.views.translations import convert_to_alias

from . import bulk, forms, localize, media, pages, redirects, reports, snippets

urlpatterns = [
    # Media listings and the image chooser (their tag filters)
    path("images/", media.TenantImagesIndexView.as_view()),
    path("images/results/", media.TenantImagesIndexView.as_view(results_only=True)),
    path("documents/", media.TenantDocumentsIndexView.as_view()),
    path("documents/results/", media.TenantDocumentsIndexView.as_view(results_only=True)),
    path("images/chooser/", media.tenant_image_chooser.choose_view),
    path("images/chooser/results/", media.tenant_image_chooser.choose_results_view),
    # Bulk actions and tag suggestions
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", bulk.bulk_action),
    path("tag-autocomplete/", media.tag_autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", media.tag_autocomplete),
    # Page chooser (also the link chooser of rich text)
    path("choose-page/", pages.TenantPageBrowseView.as_view()),
    path("choose-page/search/", pages.TenantPageSearchChooserView.as_view()),
    path("choose-page/chosen-multiple/", pages.TenantPageChosenMultipleView.as_view()),
    path("choose-page/<int:parent_page_id>/", pages.TenantPageBrowseView.as_view()),
    # Reports
    path("reports/locked/", reports.TenantLockedPagesView.as_view()),
    path("reports/locked/results/", reports.TenantLockedPagesView.as_view(results_only=True)),
    path("reports/workflow/", reports.TenantWorkflowView.as_view()),
    path("reports/workflow/results/", reports.TenantWorkflowView.as_view(results_only=True)),
    path("reports/workflow_tasks/", reports.TenantWorkflowTasksView.as_view()),
    path("reports/workflow_tasks/results/", reports.TenantWorkflowTasksView.as_view(results_only=True)),
    path("reports/site-history/", reports.TenantLogEntriesView.as_view()),
    path("reports/site-history/results/", reports.TenantLogEntriesView.as_view(results_only=True)),
    path("reports/aging-pages/", reports.TenantAgingPagesView.as_view()),
    path("reports/aging-pages/results/", reports.TenantAgingPagesView.as_view(results_only=True)),
    path("reports/page-types-usage/", reports.TenantPageTypesUsageReportView.as_view()),
    path("reports/page-types-usage/results/", reports.TenantPageTypesUsageReportView.as_view(results_only=True)),
    # Redirects
    path("redirects/", redirects.TenantRedirectIndexView.as_view()),
    path("redirects/results/", redirects.TenantRedirectIndexView.as_view(results_only=True)),
    path("redirects/add/", redirects.TenantRedirectCreateView.as_view()),
    path("redirects/<int:redirect_id>/", redirects.TenantRedirectEditView.as_view()),
    path("redirects/<int:redirect_id>/delete/", redirects.TenantRedirectDeleteView.as_view()),
    path("redirects/import/", redirects.start_import),
    path("redirects/import/process/", redirects.process_import),
    # Form pages listing (submissions are scoped by the filter_form_submissions_for_user hook)
    path("forms/", forms.TenantFormPagesListView.as_view()),
    path("forms/results/", forms.TenantFormPagesListView.as_view(results_only=True)),
    # Snippets overview (its counts)
    path("snippets/", snippets.TenantSnippetModelIndexView.as_view()),
    # Translations (wagtail-localize)
    path("localize/submit/page/<int:page_id>/", localize.TenantSubmitPageTranslationView.as_view()),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        localize.TenantSubmitSnippetTranslationView.as_view(),
    ),
    path("localize/update/<int:translation_source_id>/", localize.TenantUpdateTranslationsView.as_view()),
    # Converting a translation under review to an alias ends its review (the review chain's)
    path("localize/page/<int:page_id>/convert_to_alias/", convert_to_alias),
    path("localize/reports/translations/", localize.TenantTranslationsReportView.as_view()),
    path(
        "localize/reports/translations/results/",
        localize.TenantTranslationsReportView.as_view(results_only=True),
    ),
    path(
        "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
        localize.TenantLocalizeSnippetAPI.as_view({"get": "list"}),
    ),
    path(
        "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        localize.TenantLocalizeSnippetAPI.as_view({"get": "retrieve"}),
    ),
]


def admin_404(view_func):
    """Answer "not found" with the admin's own 404 page, as Wagtail's admin URLs do."""

    @functools.wraps(view_func)
    def wrapper(request, *args, **kwargs):
        try:
            return view_func(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, "", template_name="wagtailadmin/404.html")

    return wrapper


urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, admin_404)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)

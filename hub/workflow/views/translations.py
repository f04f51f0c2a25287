"""提交译文审核: wagtail-localize's translation screens under a review chain.

The translation editor's "Publish" and the confirmation screen offered next to it both save the
translation as a draft and submit it to the page's chain; "Sync translated pages" with its publish
option does the same for every translated page under a chain.
"""

import contextlib

from django.contrib import messages as django_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert as localize_convert

from ..chains import chain_key_for_workflow
from ..publishing import under_chain
from ..translations import SubmitRefused, submit_translation, target_page, translation_review_required
from .base import PageReviewAdminView


def submit_from_request(request, translation, page):
    """Submit the translation on behalf of the request's user and say how it went; returns where to go."""
    language = translation.target_locale.get_display_name()
    try:
        page = submit_translation(translation, request.user)
    except SubmitRefused as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, _("译文未能保存，请检查后再提交：%(errors)s") % {"errors": "；".join(error.messages)})
    else:
        workflow = page.get_workflow()
        messages.success(
            request,
            _("“%(title)s”的%(language)s译文已保存并提交%(chain)s，审核通过后发布。")
            % {"title": page.get_admin_display_title(), "language": language, "chain": workflow.name},
            buttons=[messages.button(reverse("workflow:page_record", args=[page.pk]), _("审核记录"))],
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


class SubmitTranslationView(PageReviewAdminView):
    """Confirm, then save a page translation as a draft and submit it to the page's chain."""

    template_name = "workflow/submit_translation.html"
    header_icon = "clipboard-list"
    page_title = gettext_lazy("提交译文审核")

    def dispatch(self, request, *args, translation_id, **kwargs):
        self.translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"), pk=translation_id, enabled=True
        )
        self.page = target_page(self.translation)
        if self.page is None or not under_chain(self.page):
            raise Http404
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        total, translated = self.translation.get_progress()
        workflow = self.page.get_workflow()
        context.update(
            page=self.page,
            translation=self.translation,
            language=self.translation.target_locale.get_display_name(),
            workflow=workflow,
            chain_key=chain_key_for_workflow(workflow),
            total=total,
            translated=translated,
            missing=total - translated,
            state=self.page.current_workflow_state,
        )
        return context

    def post(self, request, *args, **kwargs):
        return submit_from_request(request, self.translation, self.page)


@transaction.atomic
def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", ending a review the page was under.

    An alias shows its source's live version, which passed the source's own chain, and follows it
    from then on; the translation that was under review is no longer the page's content.
    """
    response = localize_convert.convert_to_alias(request, page_id)
    if request.method == "POST":
        page = Page.objects.filter(pk=page_id, alias_of__isnull=False).first()
        state = page.current_workflow_state if page is not None else None
        if state is not None:
            state.cancel(user=request.user)
    return response


class ReviewedUpdateTranslationsMixin:
    """ "Sync translated pages": with "Publish immediately", translated pages under a chain are saved
    as drafts and submitted to it (the others are published as wagtail-localize does)."""

    def reviewed_translations(self):
        if not hasattr(self, "_reviewed"):
            enabled = self.object.translations.filter(enabled=True).select_related("source", "target_locale")
            self._reviewed = [t for t in enabled if translation_review_required(t, self.request.user)]
        return self._reviewed

    def get_form(self):
        form = super().get_form()
        if self.reviewed_translations():
            field = form.fields["publish_translations"]
            field.label = _("更新后提交审核")
            field.help_text = _(
                "受审核流程（三审）管理的译文页保存为草稿并提交审核，审核通过后发布；其余译文立即发布。"
                "未翻译的内容暂用原文。"
            )
        return form

    @transaction.atomic
    def form_valid(self, form):
        reviewed = self.reviewed_translations()
        if not (form.cleaned_data.get("publish_translations") and reviewed):
            return super().form_valid(form)
        # Let wagtail-localize refresh the source and save the rest without publishing, then publish
        # or submit each translation here (inside its transaction).
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        reviewed_ids = {t.pk for t in reviewed}
        for translation in self.object.translations.filter(enabled=True).select_related("source", "target_locale"):
            if translation.pk not in reviewed_ids:
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=self.request.user, publish=True)
                continue
            language = translation.target_locale.get_display_name()
            try:
                page = submit_translation(translation, self.request.user)
            except (SubmitRefused, ValidationError) as problem:
                reason = str(problem) if isinstance(problem, SubmitRefused) else _("译文未能保存")
                django_messages.warning(
                    self.request,
                    _("%(language)s译文未提交审核：%(reason)s") % {"language": language, "reason": reason},
                )
            else:
                title, chain = page.get_admin_display_title(), page.get_workflow().name
                django_messages.info(
                    self.request,
                    _("%(language)s译文“%(title)s”已提交%(chain)s，审核通过后发布。")
                    % {"language": language, "title": title, "chain": chain},
                )
        return response

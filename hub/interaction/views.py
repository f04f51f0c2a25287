"""Admin views: handling a letter or a disclosure request, and downloading a citizen's file."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from . import actions, admin_forms, error_reports, letters, removal
from .disclosure import AnswerRequest
from .disclosure import can_handle as can_handle_request
from .models import DisclosureRequest, ErrorReport, Letter
from .public import private


def serve_private_file(field_file, filename):
    """A stored citizen's file as a download, never rendered inline by the browser."""
    if not field_file or not field_file.name:
        raise Http404
    try:
        handle = field_file.storage.open(field_file.name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=filename or "attachment")
    response["Content-Type"] = "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return private(response)


class TenantRecordView(WagtailAdminTemplateMixin, TemplateView):
    """One record of a tenant-owned model, for users whose permission covers its tenant (else 404)."""

    model = None
    index_url_name = None
    edit_url_name = None
    header_icon = ""
    _show_breadcrumbs = True

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        if not self.can_read(request.user, self.object):
            # Another tenant's record does not exist, as far as this user can tell.
            raise Http404

    def can_read(self, user, obj):
        policy = policy_registry.get_by_type(self.model)
        return policy.user_has_any_permission_for_instance(user, ["view", "change"], obj)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_title(self):
        return str(self.object.tracking_code)

    def done(self, message):
        messages.success(self.request, message)
        return redirect(self.request.path)

    def run_action(self, form, make_action, message):
        """Execute the action a valid form asks for and return to the record; None when the form shows errors."""
        if not form.is_valid():
            return None
        try:
            make_action(**form.cleaned_data).execute()
        except PermissionDenied as error:
            messages.error(self.request, str(error))
            return redirect(self.request.path)
        except ValidationError as error:
            form.add_error(None, error)
            return None
        return self.done(message)

    def run_form(self, form, make_action, message):
        """A handling form posted: the record again with a message, or the form with its errors (400)."""
        response = self.run_action(form, make_action, message)
        if response is not None:
            return response
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PrivateFileMixin:
    """A view over one record that serves a citizen's stored file (`stored_file()`) and accepts no posts."""

    def stored_file(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        return serve_private_file(*self.stored_file())

    def post(self, request, *args, **kwargs):
        raise Http404


class LetterHandleView(TenantRecordView):
    model = Letter
    template_name = "interaction/admin/letter_handle.html"
    header_icon = "mail"
    attachment_url_name = None

    def can_read(self, user, obj):
        return actions.can_read(user, obj)

    def forms(self, bound=None, data=None):
        letter = self.object
        version = letters.public_version(letter)
        initial = {
            "public_subject": letter.public_subject or version["subject"],
            "public_body": letter.public_body or version["body"],
            "public_reply": letter.public_reply or version["reply"],
            "publish_follow_ups": True,
        }
        built = {
            "accept": admin_forms.NoteForm(prefix="accept"),
            "forward": admin_forms.ForwardForm(prefix="forward", letter=letter),
            "reply": admin_forms.ReplyForm(
                prefix="reply", initial={**initial, "public_reply": "", "publish": letter.publish_allowed}
            ),
            "publish": admin_forms.PublishForm(prefix="publish", initial=initial),
            "unpublish": admin_forms.NoteForm(prefix="unpublish"),
            "message": admin_forms.MessageForm(prefix="message"),
            "reject": admin_forms.RejectForm(prefix="reject"),
            "archive": admin_forms.NoteForm(prefix="archive"),
            "restore": admin_forms.NoteForm(prefix="restore"),
        }
        if bound is not None:
            form_class = type(built[bound])
            kwargs = {"letter": letter} if bound == "forward" else {}
            built[bound] = form_class(data, prefix=bound, **kwargs)
        return built

    def preview(self, form=None):
        """The public version of everything about the letter: from a posted reply or publish form, or as
        the letter would be published now (prefilled texts), or as it is published."""
        letter = self.object
        if form is not None and form.is_valid():
            data = form.cleaned_data
            reply = data.get("public_reply") or data.get("reply") or ""
            return letters.public_version(
                letter,
                subject=data.get("public_subject"),
                body=data.get("public_body"),
                reply=reply,
                include_follow_ups=data.get("publish_follow_ups"),
            )
        if letter.is_published:
            return {
                "subject": letter.public_subject,
                "body": letter.public_body,
                "reply": letter.public_reply,
                "follow_ups": [(event, event.public_version) for event in letters.published_follow_ups(letter)],
            }
        return letters.public_version(letter)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        letter = self.object
        can_handle = actions.can_handle(self.request.user, letter)
        forms = kwargs.get("forms") or self.forms()
        available = {
            name: forms[name]
            for name, action_class in actions.ACTIONS.items()
            if can_handle and (not action_class.allowed_statuses or letter.status in action_class.allowed_statuses)
        }
        if not letter.publish_allowed:
            available.pop("publish", None)
        if not letter.is_published:
            available.pop("unpublish", None)
        available.pop("restore" if letter.archived_at is None else "archive", None)
        context.update(
            letter=letter,
            events=letter.events.select_related("from_department", "to_department", "user"),
            forms=available,
            can_handle=can_handle,
            status_label=letters.status_label(letter),
            attachment_url=reverse(self.attachment_url_name, args=[letter.pk]) if letter.attachment else None,
            public_preview=self.preview(kwargs.get("preview_form")) if letter.publish_allowed else None,
            previewed=kwargs.get("preview_form") is not None,
        )
        return context

    def post(self, request, *args, **kwargs):
        name = request.POST.get("action", "")
        if name not in actions.ACTIONS:
            raise Http404
        forms = self.forms(bound=name, data=request.POST)
        if "preview" in request.POST and name in ("reply", "publish"):
            # Show the public version of what was typed, publishing nothing.
            form = forms[name]
            status = 200 if form.is_valid() else 400
            return self.render_to_response(self.get_context_data(forms=forms, preview_form=form), status=status)
        action_class = actions.ACTIONS[name]
        response = self.run_action(
            forms[name],
            lambda **data: action_class(self.object, request.user, **data),
            f"{self.object.tracking_code}：操作已完成。",
        )
        if response is not None:
            return response
        return self.render_to_response(self.get_context_data(forms=forms), status=400)


class LetterAttachmentView(PrivateFileMixin, LetterHandleView):
    def stored_file(self):
        return self.object.attachment, self.object.attachment_name


class DisclosureHandleView(TenantRecordView):
    model = DisclosureRequest
    template_name = "interaction/admin/disclosure_handle.html"
    header_icon = "doc-full"
    attachment_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request_obj = self.object
        context.update(
            item=request_obj,
            form=kwargs.get("form") or admin_forms.DisclosureAnswerForm(),
            can_handle=can_handle_request(self.request.user, request_obj) and not request_obj.is_closed,
            attachment_url=reverse(self.attachment_url_name, args=[request_obj.pk]) if request_obj.attachment else None,
        )
        return context

    def post(self, request, *args, **kwargs):
        return self.run_form(
            admin_forms.DisclosureAnswerForm(request.POST),
            lambda **data: AnswerRequest(self.object, request.user, **data),
            f"{self.object.tracking_code}：已保存。",
        )


class DisclosureAttachmentView(PrivateFileMixin, DisclosureHandleView):
    def stored_file(self):
        return self.object.attachment, self.object.attachment_name


class ErrorReportHandleView(TenantRecordView):
    """One 纠错 report: read it, reply and close it (the page's tenant's staff only)."""

    model = ErrorReport
    template_name = "interaction/admin/error_report_handle.html"
    header_icon = "warning"

    def can_read(self, user, obj):
        return error_reports.can_read(user, obj)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        context.update(
            item=report,
            form=kwargs.get("form") or admin_forms.ErrorReportReplyForm(initial={"reply": report.reply}),
            can_handle=error_reports.can_handle(self.request.user, report) and report.status == ErrorReport.Status.OPEN,
        )
        return context

    def post(self, request, *args, **kwargs):
        return self.run_form(
            admin_forms.ErrorReportReplyForm(request.POST),
            lambda **data: error_reports.HandleReport(self.object, request.user, **data),
            self.object.receipt_code + "：" + _("已保存。"),
        )


class RemoveRecordView(WagtailAdminTemplateMixin, TemplateView):
    """删除记录: a central admin removes a citizen's record by its code, giving a reason (logged)."""

    template_name = "interaction/admin/remove_record.html"
    page_title = gettext_lazy("删除记录")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not removal.can_remove(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", admin_forms.RemoveRecordForm())
        return context

    def post(self, request, *args, **kwargs):
        form = admin_forms.RemoveRecordForm(request.POST)
        if form.is_valid():
            try:
                code = removal.RemoveRecord(
                    request.user, code=form.cleaned_data["code"], reason=form.cleaned_data["reason"]
                ).execute()
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("记录 %(code)s 已删除，删除理由已记入操作日志。") % {"code": code})
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form), status=400)

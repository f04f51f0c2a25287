"""Admin views: handling an online application and downloading its files."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from wagtail.permissions import policy_registry

from hub.interaction.views import TenantRecordView, serve_private_file

from .applications import HandleApplication, can_handle
from .forms import HandleApplicationForm
from .models import ServiceApplication


class ApplicationHandleView(TenantRecordView):
    model = ServiceApplication
    template_name = "services/admin/application_handle.html"
    header_icon = "form"
    attachment_url_name = None

    def can_read(self, user, obj):
        policy = policy_registry.get_by_type(ServiceApplication)
        return policy.user_has_any_permission_for_instance(user, ["view", "change"], obj)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        context.update(
            item=application,
            files=[(f, reverse(self.attachment_url_name, args=[f.pk])) for f in application.files.all()],
            form=kwargs.get("form") or HandleApplicationForm(initial={"status": application.status}),
            can_handle=can_handle(self.request.user, application)
            and application.status not in ServiceApplication.CLOSED_STATUSES,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = HandleApplicationForm(request.POST)
        if form.is_valid():
            try:
                HandleApplication(self.object, request.user, **form.cleaned_data).execute()
            except PermissionDenied as error:
                messages.error(request, str(error))
                return redirect(request.path)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return self.done(f"{self.object.tracking_code}：已保存。")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ApplicationFileView(ApplicationHandleView):
    """One file of an application; the URL carries the file's id, the check is on its application."""

    def setup(self, request, *args, **kwargs):
        from .models import ApplicationFile

        self.file = get_object_or_404(ApplicationFile.objects.select_related("application"), pk=kwargs["pk"])
        super().setup(request, *args, pk=self.file.application_id)

    def get(self, request, *args, **kwargs):
        return serve_private_file(self.file.file, self.file.file_name)

    def post(self, request, *args, **kwargs):
        raise Http404

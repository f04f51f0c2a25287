"""Admin views: handling an online application and downloading its files."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from hub.interaction.views import PrivateFileMixin, TenantRecordView

from .applications import HandleApplication, can_handle
from .forms import HandleApplicationForm
from .models import ServiceApplication


class ApplicationHandleView(TenantRecordView):
    model = ServiceApplication
    template_name = "services/admin/application_handle.html"
    header_icon = "form"
    attachment_url_name = None

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
        return self.run_form(
            HandleApplicationForm(request.POST),
            lambda **data: HandleApplication(self.object, request.user, **data),
            f"{self.object.tracking_code}：已保存。",
        )


class ApplicationFileView(PrivateFileMixin, ApplicationHandleView):
    """One file of an application; the URL carries the file's id, the check is on its application."""

    def setup(self, request, *args, **kwargs):
        from .models import ApplicationFile

        self.file = get_object_or_404(ApplicationFile.objects.select_related("application"), pk=kwargs["pk"])
        super().setup(request, *args, pk=self.file.application_id)

    def stored_file(self):
        return self.file.file, self.file.file_name

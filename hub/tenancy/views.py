"""Admin screens for the site group: onboarding a subsite and taking it offline (central admins only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .forms import OnboardingForm
from .models import Department
from .onboarding import onboard_site, set_online
from .scoping import is_central_admin


class OnboardSubsiteView(generic.CreateView):
    """The create view runs the one onboarding function instead of saving a bare record."""

    def form_valid(self, form):
        self.form = form
        data = {name: form.cleaned_data[name] for name in OnboardingForm.Meta.fields}
        theme_variant = data.pop("theme_variant")
        try:
            result = onboard_site(port=form.cleaned_data["port"], theme_variant=theme_variant, **data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        self.object = result.department
        log(self.object, "tenancy.onboard", user=self.request.user, data={"steps": result.steps})
        messages.success(
            self.request,
            _("子站%(name)s已在 %(url)s 就绪。") % {"name": self.object.name, "url": self.object.root_url},
        )
        return redirect(self.get_success_url())


@require_POST
def set_online_view(request, pk, state):
    if not is_central_admin(request.user):
        raise PermissionDenied
    department = get_object_or_404(Department, pk=pk)
    set_online(department, state == "on")
    log(department, "tenancy.online" if department.is_online else "tenancy.offline", user=request.user)
    messages.success(
        request,
        (_("%(name)s已重新上线。") if department.is_online else _("%(name)s已下线，其内容予以保留。"))
        % {"name": department.name},
    )
    return redirect("tenancy_department:index")


class DepartmentViewSet(ModelViewSet):
    model = Department
    icon = "site"
    menu_label = "子站管理"
    menu_order = 150
    add_to_admin_menu = True
    add_view_class = OnboardSubsiteView
    list_display = ["name", "code", "hostname", "kind", "is_online"]
    list_filter = ["kind", "is_online"]
    search_fields = ["name", "code", "hostname"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return super().get_form_class(for_update) if for_update else OnboardingForm

    def get_urlpatterns(self):
        from django.urls import path

        return super().get_urlpatterns() + [
            path("<int:pk>/online/<str:state>/", set_online_view, name="set_online"),
        ]

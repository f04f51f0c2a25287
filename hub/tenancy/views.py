"""Admin screens for the site group: 子站管理 (onboarding a subsite, editing it, taking it offline;
central admins only) and 本站信息 (a tenant's own contact details, kept by its webmasters)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log

from .forms import EDIT_PANELS, ONBOARDING_PANELS, OnboardingForm, SiteInfoForm
from .models import Department
from .onboarding import change_address, onboard_site, public_checklist, set_online
from .scoping import department_for_request, departments_for_user, is_central_admin, tenant_roles
from .site_info import UpdateSiteInfo


def default_port(request):
    """The port a new subsite answers on: the one this admin was opened on (as the browser addressed
    it), or else the portal's own."""
    host = request.get_host()
    if not host.endswith("]") and ":" in host:
        try:
            return int(host.rsplit(":", 1)[1])
        except ValueError:
            pass
    portal = Department.objects.filter(kind=Department.Kind.PORTAL).select_related("site").first()
    if portal is not None:
        return portal.site.port
    return 443 if request.is_secure() else 80


def _checklist_context(department):
    checklist = public_checklist(department)
    return {"checklist": checklist, "checklist_complete": all(done for _name, _label, done in checklist)}


class OnboardSubsiteView(generic.CreateView):
    """The create view runs the one onboarding function instead of saving a bare record."""

    def get_initial(self):
        return {**super().get_initial(), "port": default_port(self.request)}

    def form_valid(self, form):
        self.form = form
        data = {name: form.cleaned_data[name] for name in OnboardingForm.Meta.fields}
        try:
            result = onboard_site(port=form.cleaned_data["port"], new=True, **data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        self.object = result.department
        log(self.object, "tenancy.onboard", user=self.request.user, data={"steps": result.steps})
        if self.object.is_online:
            message = _("子站“%(name)s”已建成，访问地址：%(url)s。")
            messages.success(self.request, message % {"name": self.object.name, "url": self.object.root_url})
        else:
            messages.warning(
                self.request,
                _("子站“%(name)s”已建成，但暂不上线：尚缺%(missing)s。补齐后即可上线。")
                % {"name": self.object.name, "missing": "、".join(result.missing)},
            )
        return redirect(reverse("tenancy_department:inspect", args=[self.object.pk]))


class SubsiteEditView(generic.EditView):
    """Editing a subsite also moves its Wagtail Site when the hostname or port changes."""

    def save_instance(self):
        instance = super().save_instance()
        change_address(instance, hostname=self.form.cleaned_data["hostname"], port=self.form.cleaned_data["port"])
        return instance

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **_checklist_context(self.object)}


class SubsiteInspectView(generic.InspectView):
    def get_field_display_value(self, field_name, field):
        # An empty choice (no logo, no theme variant) reads 无, not Python's None.
        if field is not None and getattr(self.object, field_name, "") is None:
            return _("无")
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        department = self.object
        context = super().get_context_data(**kwargs)
        context.update(_checklist_context(department))
        context["online_url"] = reverse("tenancy_department:set_online", args=[department.pk, _next_state(department)])
        return context


class SubsiteIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        state = _next_state(instance)
        label = _("让%(name)s上线") if state == "on" else _("让%(name)s下线")
        buttons.append(
            ListingButton(
                _("上线") if state == "on" else _("下线"),
                reverse("tenancy_department:set_online", args=[instance.pk, state]),
                icon_name="globe" if state == "on" else "cross",
                attrs={"aria-label": label % {"name": instance}},
                priority=30,
            )
        )
        return buttons


def _next_state(department):
    return "off" if department.is_online else "on"


def set_online_view(request, pk, state):
    """GET asks to confirm, POST takes the subsite offline or brings it online (refused while incomplete)."""
    if not is_central_admin(request.user):
        raise PermissionDenied
    department = get_object_or_404(Department, pk=pk)
    online = state == "on"
    if request.method == "POST":
        try:
            set_online(department, online)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("tenancy_department:inspect", department.pk)
        log(department, "tenancy.online" if department.is_online else "tenancy.offline", user=request.user)
        messages.success(
            request,
            (_("%(name)s已重新上线。") if department.is_online else _("%(name)s已下线，其内容予以保留。"))
            % {"name": department.name},
        )
        return redirect("tenancy_department:index")
    title = _("让子站上线") if online else _("让子站下线")
    context = {
        "department": department,
        "online": online,
        "page_title": title,
        "header_title": title,
        "header_icon": "site",
        **_checklist_context(department),
    }
    return TemplateResponse(request, "tenancy/set_online.html", context)


class DepartmentViewSet(ModelViewSet):
    model = Department
    icon = "site"
    menu_label = "子站管理"
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = SubsiteIndexView
    add_view_class = OnboardSubsiteView
    edit_view_class = SubsiteEditView
    inspect_view_class = SubsiteInspectView
    list_display = ["name", "code", "hostname", "kind", "is_online"]
    list_filter = ["kind", "is_online"]
    search_fields = ["name", "code", "hostname"]
    inspect_view_enabled = True
    inspect_template_name = "tenancy/department_inspect.html"
    edit_template_name = "tenancy/department_edit.html"

    def get_add_view_kwargs(self, **kwargs):
        panel = ONBOARDING_PANELS.bind_to_model(Department)
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        panel = EDIT_PANELS.bind_to_model(Department)
        return super().get_edit_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_form_class(self, for_update=False):
        return (EDIT_PANELS if for_update else ONBOARDING_PANELS).bind_to_model(Department).get_form_class()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/online/<str:state>/", set_online_view, name="set_online"),
        ]


# 本站信息: a tenant's own record, the fields its webmasters keep --------------------------------------

SITE_INFO_TITLE = gettext_lazy("本站信息")


def site_info_departments(user):
    """The tenants whose 本站信息 the user may edit: those they are webmaster of (every one for central admins)."""
    if is_central_admin(user):
        return departments_for_user(user)
    ids = [pk for pk, roles in tenant_roles(user).items() if "webmaster" in roles]
    return Department.objects.filter(pk__in=ids)


def site_info_index(request):
    """Straight to the user's site when they keep one (or the one this admin was opened on), else a list."""
    departments = list(site_info_departments(request.user).select_related("site"))
    if not departments:
        raise PermissionDenied
    here = department_for_request(request)
    if len(departments) == 1 or here in departments:
        return redirect("tenancy_site_info:edit", (here if here in departments else departments[0]).pk)
    context = {"departments": departments, "page_title": SITE_INFO_TITLE, "header_title": SITE_INFO_TITLE}
    return TemplateResponse(request, "tenancy/site_info_index.html", {**context, "header_icon": "site"})


def site_info_edit(request, pk):
    department = get_object_or_404(Department, pk=pk)
    action = UpdateSiteInfo(department, user=request.user)
    if not action.is_allowed():
        raise PermissionDenied
    # The form works on its own copy: the action compares what was posted with the stored record.
    form = SiteInfoForm(request.POST or None, instance=Department.objects.get(pk=department.pk))
    if request.method == "POST" and form.is_valid():
        action.execute(form.cleaned_data)
        messages.success(request, _("%(name)s的本站信息已保存。") % {"name": department.name})
        return redirect("tenancy_site_info:edit", department.pk)
    title = SITE_INFO_TITLE
    context = {
        "department": department,
        "form": form,
        "page_title": title,
        "header_title": title,
        "page_subtitle": department.name,
        "header_icon": "site",
        "many": site_info_departments(request.user).count() > 1,
    }
    return TemplateResponse(request, "tenancy/site_info.html", context)

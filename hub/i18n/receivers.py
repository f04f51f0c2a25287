"""Per-tenant language setup on onboarding, the Chinese site identity kept in step with the
department, translations kept in step with their sources, and the locale cache kept fresh."""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.signals import page_published

from hub.tenancy.models import Department, TenantGroup
from hub.tenancy.signals import tenant_onboarded

from .identity import mirror_department
from .languages import forget_locales
from .sync import sync_on_publish

# Model permissions of this app a tenant's webmasters hold (valid on their own tenant only, see
# hub.tenancy.scoping.permitted_department_ids): choosing the site's languages, translating its name.
WEBMASTER_PERMISSIONS = ["view_sitelanguages", "change_sitelanguages", "view_siteidentity", "change_siteidentity"]


def provision_tenant(sender, department, created, steps, **kwargs):
    """tenant_onboarded receiver: the tenant's language setting (Chinese only until it chooses more),
    its Chinese site identity, and its webmasters' permissions on both."""
    from .models import SiteLanguages

    _setting, setting_created = SiteLanguages.objects.get_or_create(department=department)
    if setting_created:
        steps.append("site languages")
    mirror_department(department)
    permissions = Permission.objects.filter(content_type__app_label="i18n", codename__in=WEBMASTER_PERMISSIONS)
    for tenant_group in department.tenant_groups.filter(role=TenantGroup.Role.WEBMASTER).select_related("group"):
        tenant_group.group.permissions.add(*permissions)


def mirror_saved_department(sender, instance, raw=False, **kwargs):
    if not raw:
        mirror_department(instance)


def connect():
    tenant_onboarded.connect(provision_tenant, dispatch_uid="i18n_provision_tenant")
    post_save.connect(mirror_saved_department, sender=Department, dispatch_uid="i18n_mirror_department")
    page_published.connect(sync_on_publish, dispatch_uid="i18n_sync_on_publish")
    post_save.connect(forget_locales, sender=Locale, dispatch_uid="i18n_forget_locales_saved")
    post_delete.connect(forget_locales, sender=Locale, dispatch_uid="i18n_forget_locales_deleted")

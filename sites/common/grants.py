"""Onboarding hook: a tenant's webmasters may change their own site's 政策解读设置 (Wagtail's GroupSitePermission)."""

from django.contrib.auth.models import Permission


def grant_interpretation_options(sender, department, steps, **kwargs):
    from wagtail.models import GroupSitePermission

    from hub.tenancy.models import TenantGroup

    permission = Permission.objects.get(content_type__app_label="common", codename="change_interpretationoptions")
    for tenant_group in TenantGroup.objects.filter(department=department, role=TenantGroup.Role.WEBMASTER):
        GroupSitePermission.objects.get_or_create(group=tenant_group.group, site=department.site, permission=permission)

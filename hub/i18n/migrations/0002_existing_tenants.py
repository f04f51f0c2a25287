"""Tenants onboarded before languages were configurable: Chinese only, their Chinese site identity,
and their webmasters' permissions on both (new tenants get these on onboarding)."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

IDENTITY_FIELDS = ("name", "short_name", "sponsor", "organizer", "address", "office_hours")
WEBMASTER_PERMISSIONS = ["view_sitelanguages", "change_sitelanguages", "view_siteidentity", "change_siteidentity"]


def forwards(apps, schema_editor):
    Department = apps.get_model("tenancy", "Department")
    TenantGroup = apps.get_model("tenancy", "TenantGroup")
    Locale = apps.get_model("wagtailcore", "Locale")
    SiteLanguages = apps.get_model("i18n", "SiteLanguages")
    SiteIdentity = apps.get_model("i18n", "SiteIdentity")
    Permission = apps.get_model("auth", "Permission")

    app_config = apps.get_app_config("i18n")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    permissions = list(Permission.objects.filter(content_type__app_label="i18n", codename__in=WEBMASTER_PERMISSIONS))

    chinese = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for department in Department.objects.all():
        SiteLanguages.objects.get_or_create(department=department)
        if chinese is not None:
            SiteIdentity.objects.get_or_create(
                department=department,
                locale=chinese,
                defaults={name: getattr(department, name) or "" for name in IDENTITY_FIELDS},
            )
        for tenant_group in TenantGroup.objects.filter(department=department, role="webmaster").select_related("group"):
            tenant_group.group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("i18n", "0001_initial"),
        ("tenancy", "0005_remove_stock_tree_wide_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

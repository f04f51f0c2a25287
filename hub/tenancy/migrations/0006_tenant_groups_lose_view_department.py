from django.db import migrations


def remove_view_department(apps, schema_editor):
    """Tenant groups were given tenancy.view_department as shared data; the tenants' records (子站管理)
    are the central admins' alone, so the groups that serve a tenant no longer hold it."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="tenancy", codename="view_department").first()
    if permission is not None:
        for group in Group.objects.filter(tenant_group__isnull=False, permissions=permission):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0005_remove_stock_tree_wide_groups")]
    operations = [migrations.RunPython(remove_view_department, migrations.RunPython.noop)]

from django.db import migrations

STOCK_GROUPS = ("Editors", "Moderators")


def remove_stock_groups(apps, schema_editor):
    """Wagtail's first migrations create "Editors" and "Moderators" with rights on the whole page tree
    and the root media collection, i.e. on every tenant at once. Tenants get their own groups at
    onboarding; the stock ones are removed while nobody belongs to them (a group in use is kept)."""
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=STOCK_GROUPS):
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tenancy", "0004_tenant_owned_links_and_site_options"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]
    operations = [migrations.RunPython(remove_stock_groups, migrations.RunPython.noop)]

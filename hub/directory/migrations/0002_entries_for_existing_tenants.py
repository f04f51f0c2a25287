from django.db import migrations


def create_entries(apps, schema_editor):
    Department = apps.get_model("tenancy", "Department")
    DirectoryEntry = apps.get_model("directory", "DirectoryEntry")
    for department in Department.objects.filter(directory_entry__isnull=True):
        category = "government" if department.kind == "portal" else "constituent"
        DirectoryEntry.objects.create(department=department, category=category)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(create_entries, migrations.RunPython.noop)]

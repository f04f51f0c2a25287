# The main functions (主要职责) of a department's functions page are the department directory's. Where a
# tenant's directory entry has no functions yet, its functions page's text becomes them; where it has
# some, the directory's text stands. Reversing copies the directory's text back into every page.

import wagtail.fields
from django.db import migrations
from django.utils.html import strip_tags

# Depth-2 pages (a site's root in each locale) have paths of two 4-character steps.
ROOT_PATH_LENGTH = 8


def tenants_by_root_path(apps):
    Department = apps.get_model("tenancy", "Department")
    Page = apps.get_model("wagtailcore", "Page")
    tenants = {}
    for department in Department.objects.filter(site__isnull=False).select_related("site__root_page"):
        key = department.site.root_page.translation_key
        for path in Page.objects.filter(depth=2, translation_key=key).values_list("path", flat=True):
            tenants[path] = department
    return tenants


def is_empty(rich_text):
    return not strip_tags(rich_text or "").strip()


def move_to_directory(apps, schema_editor):
    FunctionPage = apps.get_model("common", "FunctionPage")
    DirectoryEntry = apps.get_model("directory", "DirectoryEntry")
    tenants = tenants_by_root_path(apps)
    # The Chinese page (created first) before its translations; the first page with text wins.
    for page in FunctionPage.objects.order_by("pk"):
        if is_empty(page.main_functions):
            continue
        department = tenants.get(page.path[:ROOT_PATH_LENGTH])
        if department is None:
            continue
        entry, _created = DirectoryEntry.objects.get_or_create(
            department=department,
            defaults={"category": "government" if department.kind == "portal" else "constituent"},
        )
        if is_empty(entry.functions):
            entry.functions = page.main_functions
            entry.save(update_fields=["functions"])


def copy_back_to_pages(apps, schema_editor):
    FunctionPage = apps.get_model("common", "FunctionPage")
    DirectoryEntry = apps.get_model("directory", "DirectoryEntry")
    tenants = tenants_by_root_path(apps)
    functions = dict(DirectoryEntry.objects.values_list("department_id", "functions"))
    for page in FunctionPage.objects.all():
        department = tenants.get(page.path[:ROOT_PATH_LENGTH])
        text = functions.get(department.pk, "") if department is not None else ""
        FunctionPage.objects.filter(pk=page.pk).update(main_functions=text)


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0005_function_page_leadership_from_the_directory"),
        ("directory", "0002_entries_for_existing_tenants"),
        ("tenancy", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_to_directory, copy_back_to_pages),
        # A default only so that reversing can add the column back before filling it in.
        migrations.AlterField(
            model_name="functionpage",
            name="main_functions",
            field=wagtail.fields.RichTextField(default="", verbose_name="main functions (主要职责)"),
        ),
        migrations.RemoveField(model_name="functionpage", name="main_functions"),
    ]

# The 领导班子 of a department's functions page is the department directory's list of leaders. Where
# a tenant's directory entry has no leaders yet, the page's lines ("局长：张明 — 主持全面工作") become
# its leaders; where it has some, the directory's list stands.

import html
import re

from django.db import migrations
from django.utils.html import strip_tags

ROOT_PATH_LENGTH = 8
BREAKS = re.compile(r"</p>|<br\s*/?>|</li>", re.IGNORECASE)
LINE = re.compile(r"^(?P<position>[^：:]{1,100})[：:]\s*(?P<name>.+?)(?:\s+[—–-]+\s+(?P<duties>.+))?$")


def lines(rich_text):
    text = html.unescape(strip_tags(BREAKS.sub("\n", rich_text or "")))
    return [line.strip() for line in text.splitlines() if line.strip()]


def leader_fields(line):
    match = LINE.match(line)
    if match is None:
        return {"name": line[:50], "position": "", "responsibilities": ""}
    return {
        "name": match["name"].strip()[:50],
        "position": match["position"].strip(),
        "responsibilities": (match["duties"] or "").strip(),
    }


def move_to_directory(apps, schema_editor):
    Department = apps.get_model("tenancy", "Department")
    Page = apps.get_model("wagtailcore", "Page")
    FunctionPage = apps.get_model("common", "FunctionPage")
    DirectoryEntry = apps.get_model("directory", "DirectoryEntry")
    DirectoryLeader = apps.get_model("directory", "DirectoryLeader")
    tenants = {}
    for department in Department.objects.filter(site__isnull=False).select_related("site__root_page"):
        key = department.site.root_page.translation_key
        for path in Page.objects.filter(depth=2, translation_key=key).values_list("path", flat=True):
            tenants[path] = department
    for page in FunctionPage.objects.exclude(leadership="").order_by("pk"):
        department = tenants.get(page.path[:ROOT_PATH_LENGTH])
        if department is None:
            continue
        entry, _created = DirectoryEntry.objects.get_or_create(
            department=department,
            defaults={"category": "government" if department.kind == "portal" else "constituent"},
        )
        if DirectoryLeader.objects.filter(entry=entry).exists():
            continue
        for order, line in enumerate(lines(page.leadership)):
            DirectoryLeader.objects.create(entry=entry, sort_order=order, **leader_fields(line))


def copy_back_to_pages(apps, schema_editor):
    Department = apps.get_model("tenancy", "Department")
    Page = apps.get_model("wagtailcore", "Page")
    FunctionPage = apps.get_model("common", "FunctionPage")
    DirectoryLeader = apps.get_model("directory", "DirectoryLeader")
    for department in Department.objects.filter(site__isnull=False).select_related("site__root_page"):
        key = department.site.root_page.translation_key
        roots = Page.objects.filter(depth=2, translation_key=key).values_list("path", flat=True)
        leaders = DirectoryLeader.objects.filter(entry__department=department).order_by("sort_order", "pk")
        text = "".join(
            f"<p>{html.escape(leader.position)}：{html.escape(leader.name)}"
            + (f" — {html.escape(leader.responsibilities)}" if leader.responsibilities else "")
            + "</p>"
            for leader in leaders
        )
        for root in roots:
            FunctionPage.objects.filter(path__startswith=root).update(leadership=text)


class Migration(migrations.Migration):
    dependencies = [("common", "0004_leader_profiles_read_the_directory")]

    operations = [
        migrations.RunPython(move_to_directory, copy_back_to_pages),
        migrations.RemoveField(model_name="functionpage", name="leadership"),
    ]

# A leader's name, position, responsibilities and photo move from the profile page to the leader's
# record in the department directory, which the profile page, 领导之窗 and the portal all read.

import html
import re

from django.db import migrations, models
from django.utils.html import strip_tags

# Depth-2 pages (a site's root in each locale) have paths of two 4-character steps.
ROOT_PATH_LENGTH = 8
BREAKS = re.compile(r"</p>|<br\s*/?>|</li>", re.IGNORECASE)


def plain(rich_text):
    """Rich text as the directory's plain text: one line per paragraph or list item."""
    text = html.unescape(strip_tags(BREAKS.sub("\n", rich_text or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def tenants_by_root_path(apps):
    Department = apps.get_model("tenancy", "Department")
    Page = apps.get_model("wagtailcore", "Page")
    tenants = {}
    for department in Department.objects.filter(site__isnull=False).select_related("site__root_page"):
        key = department.site.root_page.translation_key
        for path in Page.objects.filter(depth=2, translation_key=key).values_list("path", flat=True):
            tenants[path] = department
    return tenants


def move_to_directory(apps, schema_editor):
    LeaderProfilePage = apps.get_model("common", "LeaderProfilePage")
    DirectoryEntry = apps.get_model("directory", "DirectoryEntry")
    DirectoryLeader = apps.get_model("directory", "DirectoryLeader")
    tenants = tenants_by_root_path(apps)
    seen = set()
    for page in LeaderProfilePage.objects.order_by("pk"):
        if page.translation_key in seen:
            continue  # one leader for a page and its translations
        seen.add(page.translation_key)
        versions = LeaderProfilePage.objects.filter(translation_key=page.translation_key).values("pk")
        leader = DirectoryLeader.objects.filter(profile_page_id__in=versions).order_by("pk").first()
        if leader is None:
            department = tenants.get(page.path[:ROOT_PATH_LENGTH])
            if department is None:
                continue
            entry, _created = DirectoryEntry.objects.get_or_create(
                department=department,
                defaults={"category": "government" if department.kind == "portal" else "constituent"},
            )
            leader = DirectoryLeader.objects.filter(
                entry=entry, name=page.person_name, profile_page__isnull=True
            ).first() or DirectoryLeader(
                entry=entry, name=page.person_name, sort_order=DirectoryLeader.objects.filter(entry=entry).count()
            )
            leader.profile_page_id = page.pk
        # The directory's values stand; the page fills in what the directory lacks.
        leader.name = leader.name or page.person_name
        leader.position = leader.position or page.position
        leader.responsibilities = leader.responsibilities or plain(page.responsibilities)
        leader.photo_id = leader.photo_id or page.photo_id
        leader.save()


def copy_back_to_pages(apps, schema_editor):
    LeaderProfilePage = apps.get_model("common", "LeaderProfilePage")
    DirectoryLeader = apps.get_model("directory", "DirectoryLeader")
    for page in LeaderProfilePage.objects.all():
        leader = DirectoryLeader.objects.filter(profile_page__translation_key=page.translation_key).first()
        if leader is None:
            page.person_name = page.title[:50]
        else:
            page.person_name = leader.name
            page.position = leader.position
            lines = leader.responsibilities.splitlines()
            page.responsibilities = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            page.photo_id = leader.photo_id
        page.save(update_fields=["person_name", "position", "responsibilities", "photo"])


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0003_interaction_pages"),
        ("directory", "0002_entries_for_existing_tenants"),
        ("tenancy", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_to_directory, copy_back_to_pages),
        # Defaults only so that reversing can add the columns back before filling them in.
        migrations.AlterField(
            model_name="leaderprofilepage",
            name="person_name",
            field=models.CharField(default="", max_length=50, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="leaderprofilepage",
            name="position",
            field=models.CharField(default="", max_length=100, verbose_name="position"),
        ),
        migrations.RemoveField(model_name="leaderprofilepage", name="person_name"),
        migrations.RemoveField(model_name="leaderprofilepage", name="photo"),
        migrations.RemoveField(model_name="leaderprofilepage", name="position"),
        migrations.RemoveField(model_name="leaderprofilepage", name="responsibilities"),
    ]

from django.db import migrations


def remove_welcome_page(apps, schema_editor):
    """Wagtail's first migration adds a placeholder home page and localhost site; onboarding replaces them."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    welcome = Page.objects.filter(depth=2, slug="home", title__startswith="Welcome to").first()
    if welcome is None or Page.objects.filter(path__startswith=welcome.path, depth__gt=2).exists():
        return
    Site.objects.filter(root_page_id=welcome.pk).delete()
    welcome.delete()
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0001_initial"), ("wagtailcore", "0002_initial_data")]
    operations = [migrations.RunPython(remove_welcome_page, migrations.RunPython.noop)]

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    """Every content language exists as a Locale from day one (zh-hans is Wagtail's first)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0002_remove_wagtail_welcome_page")]
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]

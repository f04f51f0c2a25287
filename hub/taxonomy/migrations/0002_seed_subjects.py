from django.db import migrations


def seed(apps, schema_editor):
    from hub.taxonomy.models import STANDARD_SUBJECTS

    Subject = apps.get_model("taxonomy", "Subject")
    for code, name in STANDARD_SUBJECTS:
        Subject.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

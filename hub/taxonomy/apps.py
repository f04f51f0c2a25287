from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "hub.taxonomy"
    label = "taxonomy"
    verbose_name = _("分类")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .grants import grant_to_central_admins

        # Subjects are in the central admin's standard permissions already; topics are added here.
        grant_to_central_admins(*[("taxonomy", f"{action}_topic") for action in ("add", "change", "delete", "view")])

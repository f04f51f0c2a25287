from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "hub.directory"
    label = "directory"
    verbose_name = _("部门名录")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.taxonomy.grants import grant_to_central_admins

        from . import receivers  # noqa: F401

        grant_to_central_admins(
            *[
                (self.label, f"{action}_{model}")
                for action in ("add", "change", "delete", "view")
                for model in ("directoryentry",)
            ]
        )

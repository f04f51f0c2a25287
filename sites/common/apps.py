from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "sites.common"
    label = "common"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Declares the 政策解读 indicator into hub.inspection's registry.
        from . import indicators  # noqa: F401

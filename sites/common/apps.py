from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "sites.common"
    label = "common"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "sites.common"
    label = "common"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Declares the 政策解读 indicator into hub.inspection's registry.
        from hub.tenancy.signals import tenant_onboarded

        from . import indicators  # noqa: F401
        from .grants import grant_interpretation_options

        tenant_onboarded.connect(grant_interpretation_options, dispatch_uid="common_interpretation_options")

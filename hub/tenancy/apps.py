from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "hub.tenancy"
    label = "tenancy"
    verbose_name = _("站群")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers that provision per-tenant setup.
        from . import generations, provisioning  # noqa: F401

        # Fragment caches' generation numbers follow every publish and tenant change.
        generations.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "hub.tenancy"
    label = "tenancy"
    verbose_name = _("Site group")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers that provision per-tenant setup and stamp the audit log with the tenant.
        from . import generations, provisioning  # noqa: F401
        from .isolation import audit, checks  # noqa: F401

        # Fragment caches' generation numbers follow every publish and tenant change.
        generations.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IsolationConfig(AppConfig):
    name = "hub.isolation"
    label = "isolation"
    verbose_name = _("站点隔离")

    def ready(self):
        # The audit log's tenant stamp and the system check guarding the admin page search.
        from . import audit, checks  # noqa: F401

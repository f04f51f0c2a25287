"""Site inspection (网站自查): every tenant checked against the national inspection indicators.

The indicators and the collectors that gather outside evidence (link checks, availability probes) are
declared in `registry`, so this app never imports the apps that feed it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionConfig(AppConfig):
    name = "hub.inspection"
    label = "inspection"
    verbose_name = _("网站自查")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The indicators this app knows from the sites' own data register themselves on import.
        from . import indicators  # noqa: F401

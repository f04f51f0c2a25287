from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionConfig(AppConfig):
    name = "hub.inspection"
    label = "inspection"
    verbose_name = _("网站自查")
    default_auto_field = "django.db.models.BigAutoField"

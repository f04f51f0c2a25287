from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkCheckConfig(AppConfig):
    name = "hub.linkcheck"
    label = "linkcheck"
    verbose_name = _("外链检测与可用性监测")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Declares the indicators and collectors into hub.inspection's registry.
        from . import indicators  # noqa: F401

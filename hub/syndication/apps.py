from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "hub.syndication"
    label = "syndication"
    verbose_name = _("信息报送")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.taxonomy.grants import grant_to_central_admins

        from . import receivers  # noqa: F401

        grant_to_central_admins(("syndication", "review_submission"), ("syndication", "view_submission"))

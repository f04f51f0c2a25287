from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    name = "hub.feeds"
    label = "feeds"
    verbose_name = _("订阅源")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.taxonomy.grants import grant_to_central_admins

        grant_to_central_admins(*[("feeds", f"{action}_feedsource") for action in ("add", "change", "delete", "view")])

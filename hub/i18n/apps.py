from functools import partial

from django.apps import AppConfig
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class I18nConfig(AppConfig):
    name = "hub.i18n"
    label = "i18n"
    verbose_name = _("多语种")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_localize import models as localize_models

        from hub.taxonomy.grants import grant_to_central_admins

        from . import receivers

        receivers.connect()
        # Central admins choose every site's languages and correct any site's translated names.
        grant_to_central_admins(
            *(("i18n", f"{action}_sitelanguages") for action in ("view", "change")),
            *(("i18n", f"{action}_siteidentity") for action in ("view", "change")),
        )
        # wagtail-localize passes a translation's slug through Django's ASCII-only slugify, which
        # empties the Chinese slugs Wagtail makes from Chinese titles; the page then takes a slug
        # made from its translated title and its address no longer matches the Chinese one. No hook
        # reaches that line, so its slugify is given Wagtail's own Unicode setting.
        localize_models.slugify = partial(slugify, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True))

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
        name_upstream_models_in_chinese()


def name_upstream_models_in_chinese():
    """Names the admin shows that Wagtail writes without gettext, so no catalogue can translate them.

    Wagtail's Locale and wagtail-localize's Translation have no verbose name (Django makes up "locale" and
    "translation", which the group permission table shows); the page permission form's page field has no
    label (Django makes up "Page"). Migrations read a model's own Meta, so they are not affected.
    """
    from wagtail.models import Locale
    from wagtail.users.forms import PagePermissionsForm
    from wagtail_localize.models import Translation

    for model, name in ((Locale, _("语言区域")), (Translation, _("翻译任务"))):
        model._meta.verbose_name = model._meta.verbose_name_plural = name
    PagePermissionsForm.base_fields["page"].label = _("页面")

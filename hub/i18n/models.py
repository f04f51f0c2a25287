"""Which languages each tenant publishes, and each tenant's name and footer lines in every language."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


def translation_locales():
    """Locales a tenant may publish besides Chinese, which every tenant publishes."""
    return ~Q(language_code=settings.LANGUAGE_CODE)


class SiteLanguages(models.Model):
    """The languages a tenant's site is public in: Chinese always, the others as the tenant chooses.

    A language that is not chosen is not served on the tenant's hostname, even where translated
    pages exist (translators may prepare a language before it goes public).
    """

    department = models.OneToOneField(
        "tenancy.Department",
        verbose_name=_("部门网站"),
        on_delete=models.CASCADE,
        related_name="site_languages",
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("中文以外的发布语种"),
        blank=True,
        limit_choices_to=translation_locales,
        related_name="+",
        help_text=_("访问者可在 /ug/、/ky/、/en/ 下以这些语种访问本站。中文始终发布。"),
    )

    panels = [FieldPanel("department"), FieldPanel("locales", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("站点语种")
        verbose_name_plural = _("站点语种")

    def __str__(self):
        return str(self.department)

    @admin.display(description=_("发布语种"))
    def locales_display(self):
        names = dict(settings.LANGUAGES)
        codes = {locale.language_code for locale in self.locales.all()} | {settings.LANGUAGE_CODE}
        return " · ".join(name for code, name in settings.LANGUAGES if code in codes and code in names)

    @classmethod
    def tenant_field(cls):
        return "department"


class SiteIdentity(TranslatableMixin, models.Model):
    """A tenant's name and footer lines in one language, for the header, page titles and footer.

    The Chinese row follows the department record (it is rewritten whenever the department is
    saved); the other languages are translations of it, made and kept in step with wagtail-localize
    like pages are.
    """

    department = models.ForeignKey(
        "tenancy.Department", verbose_name=_("部门网站"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("全称"), max_length=200)
    short_name = models.CharField(_("简称"), max_length=100)
    sponsor = models.CharField(_("主办单位"), max_length=200, blank=True)
    organizer = models.CharField(_("承办单位"), max_length=200, blank=True)
    address = models.CharField(_("地址"), max_length=300, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)

    panels = [
        FieldPanel("department"),
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("sponsor"),
        FieldPanel("organizer"),
        FieldPanel("address"),
        FieldPanel("office_hours"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("站点名称译文")
        verbose_name_plural = _("站点名称译文")
        constraints = [models.UniqueConstraint(fields=["department", "locale"], name="i18n_one_identity_per_locale")]

    def __str__(self):
        return self.name

    @classmethod
    def tenant_field(cls):
        return "department"

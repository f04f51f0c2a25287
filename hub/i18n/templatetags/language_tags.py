"""Template tags for the public site's languages."""

from django import template
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from ..fallback import notice_language
from ..languages import is_published, is_rtl

register = template.Library()


def has_home(department, language):
    """Whether the tenant is public in a language and its home page is live in it."""
    if department is None or not is_published(department, language):
        return False
    return Page.objects.filter(
        depth=2,
        translation_key__in=Page.objects.filter(pk=department.site.root_page_id).values("translation_key"),
        locale__language_code=language,
        live=True,
    ).exists()


@register.inclusion_tag("i18n/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """On a Chinese page reached from an address in another language: a notice, in that language,
    that the page has no version in it yet, with a link to the site's home in that language."""
    request = context.get("request")
    language = notice_language(request) if request is not None else None
    if language is None:
        return {"language": None}
    department = context.get("current_department")
    with translation.override(language):
        home = reverse("wagtail_serve", args=[""]) if has_home(department, language) else None
        return {
            "language": language,
            "direction": "rtl" if is_rtl(language) else "ltr",
            "home_url": home,
            "message": translation.gettext("本页暂无本语种版本，以下是中文原文。"),
            "home_label": translation.gettext("返回本语种首页"),
        }

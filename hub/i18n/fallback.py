"""What a visitor gets when a page is not available in the language asked for.

The policy: a language's navigation, listings, search and language switcher show only pages that
really exist in it (the Uyghur site is exactly its Uyghur pages). An address in a language that
leads nowhere, because the page is not translated (or not published) in it or the tenant does not
publish that language, is redirected to the Chinese original, which then says so in the language
asked for (`?untranslated=ug`). An address with no Chinese original either is a plain 404.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponseRedirect
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils import translation
from wagtail.models import Site

from hub.tenancy.scoping import department_for_request

from .languages import default_language, is_published, locale_code, translation_languages

NOTICE_PARAMETER = "untranslated"


def prefixed_language(path):
    """The content language a path is prefixed with (/ug/…), or None for Chinese (no prefix)."""
    language = translation.get_language_from_path(path)
    return language if language in translation_languages() else None


def unprefixed_path(path, language):
    """/ug/xxgk/zcwj/ → /xxgk/zcwj/ (slugs are shared by every language version of a page)."""
    prefix = f"/{language}"
    if path == prefix:
        return "/"
    return path[len(prefix) :] if path.startswith(prefix + "/") else path


def chinese_redirect(request, language):
    """A redirect to the same address in Chinese, telling the page which language was asked for."""
    query = request.GET.copy()
    query[NOTICE_PARAMETER] = language
    path = unprefixed_path(request.path_info, language)
    url = get_script_prefix().rstrip("/") + path + "?" + urlencode(sorted(query.lists()), doseq=True)
    return HttpResponseRedirect(url)


def chinese_page_exists(request, language):
    """Whether the request's address without its language prefix leads to a live Chinese page."""
    site = Site.find_for_request(request)
    if site is None:
        return False
    components = [part for part in unprefixed_path(request.path_info, language).split("/") if part]
    with translation.override(default_language()):
        try:
            site.root_page.specific.route(request, components)
        except Http404:
            return False
    return True


def notice_language(request):
    """The language a Chinese page was asked for in and is not available in (from the redirect), or None."""
    language = request.GET.get(NOTICE_PARAMETER, "")
    if language in translation_languages() and translation.get_language() == default_language():
        return language
    return None


def without_language_fallback(view):
    """Marks a view that is not a page (a feed): it answers a language address itself, typically with
    a 404 where the tenant does not publish the language, instead of being sent to Chinese."""
    view.language_fallback = False
    return view


def _falls_back(request):
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return True
    return getattr(match.func, "language_fallback", True)


class LanguageFallbackMiddleware:
    """Sends visitors to the Chinese original where a language version is missing or not published.

    Placed after LocaleMiddleware. Costs nothing on Chinese addresses; on others, one query for the
    tenant's languages, and on a 404 one routing of the Chinese tree.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = prefixed_language(request.path_info)
        if language is None or not _falls_back(request):
            return self.get_response(request)
        if request.method in ("GET", "HEAD") and not is_published(department_for_request(request), language):
            return chinese_redirect(request, language)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD") and chinese_page_exists(request, language):
            return chinese_redirect(request, language)
        return response


def serve_only_in_own_language(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: under /ug/ Wagtail serves the Chinese root's tree when the tenant's
    site root has no live Uyghur version; send such requests to the Chinese address instead."""
    language = prefixed_language(request.path_info)
    if language is not None and locale_code(page.locale_id) != language:
        return chinese_redirect(request, language)
    return None

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from .middleware import mark_uncacheable


@hooks.register("before_serve_page")
def restricted_pages_are_not_cached(page, request, serve_args, serve_kwargs):
    """A view-restricted page (password, signed-in users, groups) is never stored, whoever asks.

    Asked only when the response could be stored, in one query over the page's ancestors' paths.
    """
    if not getattr(request, "_pagecache_candidate", False):
        return
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    if PageViewRestriction.objects.filter(page__path__in=paths).exists():
        mark_uncacheable(request)

from wagtail import hooks

from .middleware import mark_uncacheable


@hooks.register("before_serve_page")
def restricted_pages_are_not_cached(page, request, serve_args, serve_kwargs):
    """A view-restricted page (password, signed-in users, groups) is never stored, whoever asks."""
    if page.get_view_restrictions().exists():
        mark_uncacheable(request)

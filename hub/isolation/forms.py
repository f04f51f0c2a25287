"""Form submissions: the forms listing, the submissions, their export and deletion, per tenant.

Wagtail decides who may read a form page's submissions through `get_forms_for_user`, which the
submissions list, its spreadsheet export and the delete view all call; the
`filter_form_submissions_for_user` hook narrows it to the user's tenants. The forms listing's
filters are narrowed like every other listing's.
"""

from wagtail.contrib.forms.views import FormPagesListView

from hub.tenancy.filters import ScopedFiltersMixin

from .pages import visible_pages


def form_pages_for_user(user, editable_forms):
    """filter_form_submissions_for_user: only the form pages of the user's tenants."""
    return visible_pages(user, editable_forms)


class TenantFormPagesListView(ScopedFiltersMixin, FormPagesListView):
    pass

"""Template context every public page needs: the current tenant and the department bar."""

from django.conf import settings
from django.utils import translation

from .models import Department
from .scoping import department_for_request
from .site_roots import warm_site_root_paths


def tenancy(request):
    # Before the template builds any link: Wagtail would fill this cache with one query per site.
    warm_site_root_paths()
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "current_department": department_for_request(request),
        # Lazy: evaluated only by templates that show the department bar.
        "department_sites": Department.objects.online().select_related("site").order_by("sort_order", "code"),
        "text_direction": "rtl" if language in settings.RTL_LANGUAGES else "ltr",
    }

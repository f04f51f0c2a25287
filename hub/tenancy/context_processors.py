"""Template context every public page needs: the current tenant and the department bar."""

from django.conf import settings
from django.utils import translation

from .models import Department
from .scoping import department_for_request


def tenancy(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "current_department": department_for_request(request),
        # Lazy: evaluated only by templates that show the department bar.
        "department_sites": Department.objects.online().select_related("site").order_by("sort_order", "code"),
        "text_direction": "rtl" if language in settings.RTL_LANGUAGES else "ltr",
    }

"""Search settings with their defaults.

Page types declare their own search roles, so hub/ names none of them:
- `search_type_label`: what a result of the type is called in facets and result lists (else its
  verbose name);
- `search_exact_lookups`: [(field, kind)], fields a query is looked up in exactly before searching;
  kind "document_number" (文号, in its usual spellings) or "index_number" (索引号).
"""

from django.conf import settings
from wagtail.models import get_page_models


def type_labels():
    """{model label: what its results are called}."""
    labels = {model._meta.label: vars(model).get("search_type_label") for model in get_page_models()}
    return getattr(settings, "HUB_SEARCH_TYPE_LABELS", {label: name for label, name in labels.items() if name})


def exact_lookups():
    """[(model label, field, kind)]."""
    declared = [
        (model._meta.label, field, kind)
        for model in get_page_models()
        for field, kind in vars(model).get("search_exact_lookups", ())
    ]
    return getattr(settings, "HUB_SEARCH_EXACT_LOOKUPS", declared)


def per_page():
    return getattr(settings, "HUB_SEARCH_PER_PAGE", 10)


def hot_min_hits():
    """A phrase joins the public hot list only after this many searches (rare phrases stay private)."""
    return getattr(settings, "HUB_SEARCH_HOT_MIN_HITS", 3)


def hot_days():
    return getattr(settings, "HUB_SEARCH_HOT_DAYS", 30)

"""Exact lookup: a query that is a document number (文号) or an index number (索引号) goes straight to it."""

import re

from django.apps import apps

from hub.tenancy.scoping import STEPLEN

from .conf import exact_lookups
from .normalise import normalise_document_number

BRACKETS = [("〔", "〕"), ("[", "]"), ("【", "】"), ("(", ")"), ("（", "）"), ("［", "］"), ("〖", "〗")]
CANONICAL_YEAR = re.compile(r"〔(\d{4})〕")


def looks_like_number(query):
    """Only short, space-free queries with a digit are worth an exact lookup."""
    query = (query or "").strip()
    return 0 < len(query) <= 60 and not re.search(r"\s", query) and bool(re.search(r"\d", query))


def document_number_variants(query):
    """The ways an editor may have typed the same number: 〔2006〕, [2006], （2006） …"""
    canonical = normalise_document_number(query)
    variants = {canonical, query.strip()}
    if CANONICAL_YEAR.search(canonical):
        for left, right in BRACKETS:
            variants.add(CANONICAL_YEAR.sub(lambda m, lt=left, rt=right: f"{lt}{m.group(1)}{rt}", canonical))
    return variants


def find_exact(query, pages, prefer_department=None, roots=None):
    """The one page whose 文号 or 索引号 is the query, within the (already scoped) pages queryset, or None;
    roots maps locale root paths to tenants (scoping.department_map()).

    If several match (a document republished on several sites), the visitor's own site wins; if the
    choice is still ambiguous nobody is redirected.
    """
    if not looks_like_number(query):
        return None
    variants = document_number_variants(query)
    ids = set()
    for label, field, kind in exact_lookups():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        # Exact matches on indexed columns; 索引号 are upper-case, as organisation codes are.
        values = {query.strip(), query.strip().upper()} if kind == "index_number" else variants
        ids.update(model.objects.filter(**{f"{field}__in": values}).values_list("pk", flat=True)[:20])
    if not ids:
        return None
    matches = list(pages.filter(pk__in=ids)[:10])
    matches = list({page.pk: page for page in matches}.values())
    if len(matches) > 1 and prefer_department is not None and roots is not None:
        own = [page for page in matches if roots.get(page.path[: 2 * STEPLEN]) == prefer_department]
        matches = own or matches
    return matches[0] if len(matches) == 1 else None

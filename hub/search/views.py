"""The public search page and its JSON twin; both are thin wrappers around service.search()."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from hub.tenancy.scoping import department_for_request

from .service import Audience, SearchParams, search


def _offline(request, department):
    html = render_to_string("tenancy/site_offline.html", {"department": department}, request=request)
    return HttpResponse(html, status=410)


def _audience(request):
    return Audience(department=department_for_request(request), language=translation.get_language())


def _link(params, **changes):
    return "?" + urlencode(params.as_querydict(**changes))


def facet_links(outcome):
    """Facet values with the link that selects (or, when selected, clears) each of them."""
    params = outcome.params
    groups = []
    for name, values in outcome.facets.items():
        options = [
            {"value": v, "url": _link(params, **{name: "" if v.selected else v.value})} for v in values if v.count
        ]
        groups.append({"name": name, "options": options, "clear_url": _link(params, **{name: ""})})
    return groups


@require_GET
def search_page(request):
    audience = _audience(request)
    if audience.department is not None and not audience.department.is_online:
        return _offline(request, audience.department)
    params = SearchParams.from_querydict(request.GET)
    outcome = search(params, audience, request)
    if outcome.exact is not None and params.page == 1 and not params.filtered:
        return redirect(outcome.exact.get_url(request))
    other_scope = "all" if outcome.scope == "site" else "site"
    context = {
        "outcome": outcome,
        "params": params,
        "facet_groups": facet_links(outcome),
        "current_department": audience.department,
        "scope_urls": {scope: _link(params, scope=scope) for scope in ("site", "all")},
        "sort_urls": {sort: _link(params, sort=sort) for sort in ("relevance", "date")},
        "other_scope": other_scope if audience.department is not None else None,
        "page_urls": page_links(outcome),
    }
    return TemplateResponse(request, "search/search_page.html", context)


def page_links(outcome):
    if outcome.page is None:
        return {}
    numbers = outcome.page.paginator.get_elided_page_range(outcome.page.number, on_each_side=2, on_ends=1)
    return {
        "numbers": [
            (n, None if n == outcome.page.paginator.ELLIPSIS else _link(outcome.params, page=n)) for n in numbers
        ],
        "previous": _link(outcome.params, page=outcome.page.number - 1) if outcome.page.has_previous() else None,
        "next": _link(outcome.params, page=outcome.page.number + 1) if outcome.page.has_next() else None,
    }


def hit_json(hit, request):
    return {
        "id": hit.page.pk,
        "title": hit.page.title,
        "title_html": str(hit.title_html),
        "url": hit.page.get_full_url(request),
        "site": {"code": hit.department.code, "name": hit.department.name} if hit.department else None,
        "date": hit.date.isoformat() if hit.date else None,
        "type": hit.type_label,
        "topic": hit.topic.name if hit.topic else None,
        "excerpt_html": str(hit.excerpt_html),
        **({"description": hit.description} if hit.description else {}),
    }


@require_GET
def search_api(request):
    audience = _audience(request)
    if audience.department is not None and not audience.department.is_online:
        return JsonResponse({"error": "site offline"}, status=410)
    params = SearchParams.from_querydict(request.GET)
    outcome = search(params, audience, request)
    page = outcome.page
    data = {
        "query": params.query,
        "scope": outcome.scope,
        "sort": params.sort,
        "language": audience.language,
        "total": outcome.total,
        "page": page.number if page else 1,
        "pages": page.paginator.num_pages if page else 0,
        "results": [hit_json(hit, request) for hit in outcome.hits],
        "promoted": [hit_json(hit, request) for hit in outcome.promoted],
        "exact_match": {"title": outcome.exact.title, "url": outcome.exact.get_full_url(request)}
        if outcome.exact
        else None,
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in values]
            for name, values in outcome.facets.items()
        },
        "hot": [{"query": query, "count": count} for query, count in outcome.hot],
        "services": [
            {"title": item.title, "department": item.department.name, "url": request.build_absolute_uri(url)}
            for item, url in outcome.services
        ],
    }
    if params.query and outcome.total == 0:
        data["other_scope_total"] = outcome.other_scope_total
        data["partial_results"] = [hit_json(hit, request) for hit in outcome.partial_hits]
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return response

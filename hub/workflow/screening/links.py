"""Broken internal links, missing images and missing attachments."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from hub.tenancy.scoping import STEPLEN, department_map, locale_roots

from .findings import Category, FindingData, Grade

SKIPPED_SCHEMES = {"mailto", "tel", "javascript", "data", "sms"}


def _file_exists(file_field):
    try:
        return bool(file_field.name) and file_field.storage.exists(file_field.name)
    except Exception:  # a storage that cannot answer is not evidence of a missing file
        return True


def _check_references(content):
    findings = []
    image_model, document_model = get_image_model(), get_document_model()
    wanted = {"page": set(), "image": set(), "document": set()}
    for ref in content.references:
        if issubclass(ref.model, Page):
            wanted["page"].add(ref.pk)
        elif issubclass(ref.model, image_model):
            wanted["image"].add(ref.pk)
        elif issubclass(ref.model, document_model):
            wanted["document"].add(ref.pk)
    pages = {str(p.pk): p for p in Page.objects.filter(pk__in=wanted["page"]).only("pk", "title", "live")}
    images = {str(i.pk): i for i in image_model.objects.filter(pk__in=wanted["image"])}
    documents = {str(d.pk): d for d in document_model.objects.filter(pk__in=wanted["document"])}
    files_ok = {}

    for ref in content.references:
        if issubclass(ref.model, Page):
            page = pages.get(ref.pk)
            if page is None:
                findings.append(_must_fix(Category.LINK, "链接的页面已被删除", ref.label, f"page:{ref.pk}"))
            elif not page.live:
                findings.append(
                    _must_fix(Category.LINK, f"链接的页面未发布或已撤下：《{page.title}》", ref.label, f"page:{ref.pk}")
                )
        elif issubclass(ref.model, image_model):
            image = images.get(ref.pk)
            if image is None:
                findings.append(_must_fix(Category.IMAGE, "引用的图片已被删除", ref.label, f"image:{ref.pk}"))
            elif not files_ok.setdefault(("image", ref.pk), _file_exists(image.file)):
                findings.append(_must_fix(Category.IMAGE, f"图片文件缺失：{image.title}", ref.label, f"image:{ref.pk}"))
        elif issubclass(ref.model, document_model):
            document = documents.get(ref.pk)
            if document is None:
                findings.append(_must_fix(Category.DOCUMENT, "引用的附件已被删除", ref.label, f"document:{ref.pk}"))
            elif not files_ok.setdefault(("document", ref.pk), _file_exists(document.file)):
                findings.append(
                    _must_fix(Category.DOCUMENT, f"附件文件缺失：{document.title}", ref.label, f"document:{ref.pk}")
                )
    return findings


def _must_fix(category, message, field, rule):
    return FindingData(grade=Grade.MUST_FIX, category=category, message=message, field=field, rule=rule)


def _strip_language(path):
    parts = path.lstrip("/").split("/", 1)
    codes = {code for code, _name in settings.LANGUAGES}
    if parts[0] in codes and parts[0] != settings.LANGUAGE_CODE:
        return "/" + (parts[1] if len(parts) > 1 else "")
    return path


def _page_path_exists(department, path, roots_cache):
    """Whether a live page (or a routable page above it) answers this path on the tenant's site."""
    rest = path.strip("/")
    segments = rest.split("/") if rest else []
    if department.pk not in roots_cache:
        roots_cache[department.pk] = list(locale_roots(department).values_list("url_path", flat=True))
    roots = roots_cache[department.pk]
    candidates = {
        root + "/".join(segments[:n]) + ("/" if n else "") for root in roots for n in range(len(segments) + 1)
    }
    found = {p.url_path: p for p in Page.objects.filter(url_path__in=candidates, live=True)}
    full = {root + rest + ("/" if rest else "") for root in roots}
    if found.keys() & full:
        return True
    # A routable page (e.g. a search page) answers the paths below it itself.
    return any(hasattr(p.specific_class, "resolve_subpage") for p in found.values())


def _check_href(link, own_department, departments_by_host, roots_cache):
    href = link.href.strip()
    if not href or href.startswith("#"):
        return None
    parts = urlsplit(href)
    if parts.scheme and parts.scheme.lower() in SKIPPED_SCHEMES:
        return None
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return None
    if parts.netloc:
        department = departments_by_host.get((parts.hostname or "").lower())
        if department is None:
            return None  # an outside address: not checked from a closed network
    elif href.startswith("/"):
        department = own_department
    else:
        return None  # relative without a leading slash: cannot be resolved reliably
    path = unquote(parts.path) or "/"
    broken = _must_fix(Category.LINK, f"站内链接无效：{href}", link.label, href[:200])
    if path.startswith(settings.MEDIA_URL):
        return None if default_storage.exists(path[len(settings.MEDIA_URL) :]) else broken
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(_strip_language(path))
        except Resolver404:
            return broken
    if match.url_name == "wagtail_serve":
        if department is None:
            return None
        return None if _page_path_exists(department, _strip_language(path), roots_cache) else broken
    if match.url_name == "wagtaildocs_serve":
        exists = get_document_model().objects.filter(pk=match.kwargs.get("document_id")).exists()
        return None if exists else broken
    return None


def check(page, content):
    findings = _check_references(content)
    if content.links:
        tenants = department_map()  # {locale root path: tenant}, every locale of every site
        by_host = {d.hostname.lower(): d for d in tenants.values()}
        own = tenants.get(page.path[: 2 * STEPLEN]) if page.path else None
        roots_cache, seen = {}, set()
        for link in content.links:
            # The same address is checked (and reported) once, where it first appears.
            if link.href in seen:
                continue
            seen.add(link.href)
            finding = _check_href(link, own, by_host, roots_cache)
            if finding:
                findings.append(finding)
    for label in content.images_without_alt:
        findings.append(
            FindingData(
                grade=Grade.ADVISORY,
                category=Category.IMAGE,
                message="图片缺少替代文字（无障碍要求）",
                field=label,
                rule="alt",
            )
        )
    return findings

"""Government information disclosure (政府信息公开): the catalogue, the guide (指南) and the annual report (年度报告).

A catalogue page on the portal browses every online tenant's documents; on a department site it
browses that department's own. Filters are by department, subject (主题分类), year and genre
(文种). The genre is read from the title: by the national rules for official documents
(GB/T 9704) a document's title ends with its genre, e.g. "……的通知".
"""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.taxonomy.models import Subject
from hub.tenancy.scoping import department_map, paths_q

from ..across import ROOT_PATH_LENGTH, attach_departments, originals_q, tenant_roots
from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from .interpretation import attach_interpretations
from .mixins import AttachmentsMixin, BasePage, DatedPageMixin
from .pages import GovernmentDocumentPage

# 公文种类 of the 党政机关公文处理工作条例, as (key for the address, the word a title ends with).
GENRES = [
    ("jueyi", "决议"),
    ("jueding", "决定"),
    ("mingling", "命令"),
    ("gongbao", "公报"),
    ("gonggao", "公告"),
    ("tonggao", "通告"),
    ("yijian", "意见"),
    ("tongzhi", "通知"),
    ("tongbao", "通报"),
    ("baogao", "报告"),
    ("qingshi", "请示"),
    ("pifu", "批复"),
    ("yian", "议案"),
    ("han", "函"),
    ("jiyao", "纪要"),
]
OTHER_GENRE = "other"
FACET_LABELS = {"department": _("按部门"), "subject": _("按主题"), "year": _("按年份"), "genre": _("按文种")}
GENRE_NAMES = dict(GENRES)


def genre_q(key):
    """A Q for documents of one genre; "other" is every title that ends with none of them."""
    if key == OTHER_GENRE:
        query = Q()
        for _key, word in GENRES:
            query &= ~Q(title__endswith=word)
        return query
    return Q(title__endswith=GENRE_NAMES[key])


def genre_of(title):
    """The genre a document's title ends with, or ""."""
    for _key, word in GENRES:
        if title.endswith(word):
            return word
    return ""


class DisclosureCataloguePage(BasePage):
    """The information disclosure catalogue (政府信息公开目录)."""

    intro = RichTextField(_("简介"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("每页文件数"), default=20)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("summary")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["common.ColumnIndexPage"]
    subpage_types = ["common.DisclosureGuidePage", "common.AnnualReportPage"]

    class Meta:
        verbose_name = _("信息公开目录")

    # Scope ---------------------------------------------------------------------------------------
    @property
    def covers_all_sites(self):
        """On the portal the catalogue covers every tenant; on a department site, that department."""
        department = self.department
        return department is not None and department.is_portal

    def scope_roots(self):
        """Root paths (every locale's) of the tenants the catalogue covers; documents are filtered by locale."""
        departments = department_map()
        # The page's own tenant from the same map, so `self.department` costs no further query.
        self._department = departments.get(self.path[:ROOT_PATH_LENGTH])
        if self._department is None:
            return {}
        return tenant_roots(None if self._department.is_portal else self._department, departments=departments)

    def documents(self, roots):
        return (
            GovernmentDocumentPage.objects.live().public().filter(locale_id=self.locale_id).filter(originals_q(roots))
        )

    # Filters -------------------------------------------------------------------------------------
    @staticmethod
    def read_filters(request, roots, subjects):
        """The filters the address asks for, each kept only when valid (a bad value is ignored, not an error)."""
        codes = {tenant.code: path for path, tenant in roots.items()}
        query = request.GET
        filters = {}
        if query.get("department") in codes:
            filters["department"] = query["department"]
        if query.get("subject") in subjects:
            filters["subject"] = query["subject"]
        year = query.get("year", "")
        # ASCII digits only: ² passes isdigit() but not int(), and int() refuses very long numbers.
        if year.isascii() and year.isdigit() and len(year) == 4 and 1949 <= int(year) <= 2999:
            filters["year"] = int(year)
        if query.get("genre") in GENRE_NAMES or query.get("genre") == OTHER_GENRE:
            filters["genre"] = query["genre"]
        keyword = query.get("q", "").replace("\x00", "").strip()[:50]  # PostgreSQL text cannot hold NUL
        if keyword:
            filters["q"] = keyword
        return filters

    @staticmethod
    def filter_q(filters, roots, subjects, skip=None):
        query = Q()
        for name, value in filters.items():
            if name == skip:
                continue
            if name == "department":
                query &= paths_q([path for path, tenant in roots.items() if tenant.code == value])
            elif name == "subject":
                query &= Q(subject_id=subjects[value].pk)
            elif name == "year":
                query &= Q(date__year=value)
            elif name == "genre":
                query &= genre_q(value)
            elif name == "q":
                query &= Q(title__icontains=value) | Q(document_number__icontains=value) | Q(index_number=value)
        return query

    def facets(self, documents, filters, roots, subjects):
        """Counts for each filter's choices, under every other filter chosen (one query per facet)."""
        # Page querysets are ordered by path; an ordering would split every group into single rows.
        documents = documents.order_by()
        by_root = (
            documents.filter(self.filter_q(filters, roots, subjects, skip="department"))
            .annotate(root=Substr("path", 1, ROOT_PATH_LENGTH))
            .values("root")
            .annotate(n=Count("pk"))
        )
        departments = {}
        for row in by_root:
            tenant = roots.get(row["root"])
            if tenant is not None:
                departments[tenant.code] = departments.get(tenant.code, 0) + row["n"]
        subject_counts = dict(
            documents.filter(self.filter_q(filters, roots, subjects, skip="subject"))
            .values("subject_id")
            .annotate(n=Count("pk"))
            .values_list("subject_id", "n")
        )
        years = (
            documents.filter(self.filter_q(filters, roots, subjects, skip="year"))
            .annotate(y=ExtractYear("date"))
            .values("y")
            .annotate(n=Count("pk"))
            .order_by("-y")
        )
        genre_counts = documents.filter(self.filter_q(filters, roots, subjects, skip="genre")).aggregate(
            **{key: Count("pk", filter=genre_q(key)) for key in [*GENRE_NAMES, OTHER_GENRE]}
        )
        tenants = sorted({t.code: t for t in roots.values()}.values(), key=lambda t: (t.sort_order, t.code))
        facets = {
            "department": [
                {"value": t.code, "label": t.short_name, "count": departments[t.code]}
                for t in tenants
                if departments.get(t.code)
            ],
            "subject": [
                {"value": code, "label": s.name, "count": subject_counts[s.pk]}
                for code, s in subjects.items()
                if subject_counts.get(s.pk)
            ],
            "year": [{"value": row["y"], "label": row["y"], "count": row["n"]} for row in years if row["y"]],
            "genre": [
                {"value": key, "label": GENRE_NAMES.get(key, _("其他")), "count": genre_counts[key]}
                for key in [*GENRE_NAMES, OTHER_GENRE]
                if genre_counts[key]
            ],
        }
        if not self.covers_all_sites:
            facets["department"] = []
        for name, options in facets.items():
            for option in options:
                option["selected"] = filters.get(name) == option["value"]
                # Choosing an option again clears it; every other filter is kept.
                option["query"] = _query(filters, **{name: None if option["selected"] else option["value"]})
        return facets

    # Guides and reports of the tenant shown ------------------------------------------------------
    def disclosure_pages(self, roots, filters):
        """The guide and the annual reports of the tenant the catalogue is showing (its own, or the one filtered to)."""
        if self.covers_all_sites and "department" not in filters:
            own = self.department
            chosen = {path: t for path, t in roots.items() if own is not None and t.pk == own.pk}
        elif "department" in filters:
            chosen = {path: t for path, t in roots.items() if t.code == filters["department"]}
        else:
            chosen = roots
        if not chosen:
            return None, []
        pages = Page.objects.live().public().filter(locale_id=self.locale_id).filter(originals_q(chosen))
        guide = DisclosureGuidePage.objects.filter(pk__in=pages.values("pk")).order_by("-date", "-pk").first()
        reports = list(AnnualReportPage.objects.filter(pk__in=pages.values("pk")).order_by("-year", "-pk"))
        return guide, reports

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        roots = self.scope_roots()
        subjects = {subject.code: subject for subject in Subject.objects.all()}
        documents = self.documents(roots)
        filters = self.read_filters(request, roots, subjects)
        listed = documents.filter(self.filter_q(filters, roots, subjects)).select_related("subject")
        paginator = Paginator(listed.order_by("-date", "-pk"), max(self.per_page, 1))
        try:
            items = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            items = paginator.page(1)
        except EmptyPage:
            items = paginator.page(paginator.num_pages)
        attach_departments(items.object_list, roots)
        attach_interpretations(items.object_list, self.locale_id)
        guide, reports = self.disclosure_pages(roots, filters)
        chosen = next((t for t in roots.values() if t.code == filters.get("department")), None)
        context.update(
            {
                "items": items,
                "filters": filters,
                "facets": self.facets(documents, filters, roots, subjects),
                "chosen_department": chosen,
                "covers_all_sites": self.covers_all_sites,
                "guide": guide,
                "reports": reports,
                "genre_names": GENRE_NAMES,
                "filter_query": _query(filters),
                "facet_labels": FACET_LABELS,
            }
        )
        return context


def _query(filters, **changes):
    """The query string for these filters with some changed (None removes one); never a page number."""
    values = {**filters, **changes}
    return urlencode({name: value for name, value in values.items() if value not in (None, "")})


class DisclosureGuidePage(DatedPageMixin, BasePage):
    """The information disclosure guide (政府信息公开指南); the contact block reads the department directory."""

    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("date"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["common.DisclosureCataloguePage", "common.ColumnIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("信息公开指南")


class AnnualReportPage(DatedPageMixin, AttachmentsMixin, BasePage):
    """The annual report on information disclosure (政府信息公开工作年度报告)."""

    year = models.PositiveSmallIntegerField(_("报告年度"))
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("year"), FieldPanel("date"), FieldPanel("summary"), FieldPanel("body")]
        + AttachmentsMixin.attachment_panels
    )
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("year")]
    parent_page_types = ["common.DisclosureCataloguePage", "common.ColumnIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("信息公开年度报告")

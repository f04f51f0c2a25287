"""Search settings with their defaults; page types are named by label so hub/ never imports sites/."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# What a result's type is called in facets and result lists.
DEFAULT_TYPE_LABELS = {
    "common.ArticlePage": _("新闻和公告"),
    "common.GovernmentDocumentPage": _("政府文件"),
    "common.LeaderProfilePage": _("领导之窗"),
    "common.SpeechPage": _("领导讲话"),
    "common.FunctionPage": _("部门职能"),
    "common.AppointmentNoticePage": _("人事任免"),
    "common.SpecialTopicPage": _("专题"),
    "common.StandardPage": _("页面"),
    "common.ColumnIndexPage": _("栏目"),
    "portal.PortalHomePage": _("网站首页"),
    "department.DepartmentHomePage": _("网站首页"),
}
# Fields a query is looked up in exactly before searching: (model label, field, kind).
DEFAULT_EXACT_LOOKUPS = [
    ("common.GovernmentDocumentPage", "document_number", "document_number"),
    ("common.AppointmentNoticePage", "document_number", "document_number"),
    ("common.GovernmentDocumentPage", "index_number", "index_number"),
]


def type_labels():
    return getattr(settings, "HUB_SEARCH_TYPE_LABELS", DEFAULT_TYPE_LABELS)


def exact_lookups():
    return getattr(settings, "HUB_SEARCH_EXACT_LOOKUPS", DEFAULT_EXACT_LOOKUPS)


def per_page():
    return getattr(settings, "HUB_SEARCH_PER_PAGE", 10)


def hot_min_hits():
    """A phrase joins the public hot list only after this many searches (rare phrases stay private)."""
    return getattr(settings, "HUB_SEARCH_HOT_MIN_HITS", 3)


def hot_days():
    return getattr(settings, "HUB_SEARCH_HOT_DAYS", 30)

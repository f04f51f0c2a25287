"""The indicators inspection itself knows from the site's own data; registered in `InspectionConfig.ready()`.

Each indicator reads the data as of `now` (a datetime passed in, so tests fix the clock). Work that
several indicators share (the column analysis, the scan of live pages) is done once per run through
`shared()`; outside a run every call computes afresh.
"""

import contextvars
import datetime
import re
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from . import conf
from .columns import add_months, site_columns
from .models import UpdateClass
from .registry import Finding, Indicator, Result, Severity, register

_run_cache = contextvars.ContextVar("inspection_run_cache", default=None)


def shared(name, department, build):
    """`build()` once per run and tenant (every time outside a run)."""
    cache = _run_cache.get()
    if cache is None:
        return build()
    key = (name, department.pk)
    if key not in cache:
        cache[key] = build()
    return cache[key]


def today_of(now):
    return timezone.localtime(now).date() if timezone.is_aware(now) else now.date()


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def public_url(department, url_path_in_site):
    return department.site.root_url.rstrip("/") + "/" + url_path_in_site.strip("/") + ("/" if url_path_in_site else "")


def columns_of(department):
    return shared("columns", department, lambda: site_columns(department))


def column_finding(department, column, severity, message, **data):
    return Finding(
        severity=severity,
        message=message,
        key=f"column:{column.page_id}",
        url=public_url(department, column.slug_path),
        edit_url=page_edit_url(column.page_id),
        label=column.title,
        data={"last": column.last_date.isoformat() if column.last_date else None, **data},
    )


def _date(value):
    return value.isoformat() if value else _("无")


# Home page and columns -----------------------------------------------------------------------------


@register
class HomeNotUpdated(Indicator):
    code = "home.updated"
    name = gettext_lazy("首页更新")
    rule = f"{conf.RULE} 单项否决·首页不更新（{conf.HOME_STALE_DAYS}天）"
    veto = True
    order = 20

    def evaluate(self, department, now):
        site = columns_of(department)
        today = today_of(now)
        home = site.root.specific
        listing = bool(getattr(home, "latest_count", 0))
        if listing:
            newest = site.newest_item
            judged = _("首页")
        else:
            # The home page only navigates: its second-level columns are judged instead.
            second_level = [c for c in site.columns if c.depth == site.root.depth + 1 and not c.exempt]
            dates = [c.last_date for c in second_level if c.last_date]
            newest = max(dates) if dates else None
            judged = _("首页二级栏目")
        result = Result(figures={"newest": newest.isoformat() if newest else None, "listing": listing})
        due = newest + datetime.timedelta(days=conf.HOME_STALE_DAYS) if newest else None
        if due is None or today >= due:
            result.vetoed = True
            result.findings.append(
                Finding(
                    severity=Severity.VETO,
                    message=_("%(judged)s已%(days)s天以上未更新（最新信息：%(last)s）")
                    % {"judged": judged, "days": conf.HOME_STALE_DAYS, "last": _date(newest)},
                    key="home",
                    url=department.site.root_url,
                    edit_url=reverse("wagtailadmin_explore", args=[site.root.pk]),
                    label=judged,
                )
            )
        elif today + datetime.timedelta(days=conf.EARLY_WARNING_DAYS) >= due:
            result.findings.append(
                Finding(
                    severity=Severity.WARNING,
                    message=_("%(judged)s将于%(due)s满%(days)s天未更新")
                    % {"judged": judged, "due": due.isoformat(), "days": conf.HOME_STALE_DAYS},
                    key="home",
                    url=department.site.root_url,
                    edit_url=reverse("wagtailadmin_explore", args=[site.root.pk]),
                    label=judged,
                )
            )
        return result


CLASS_LABELS = {
    UpdateClass.NEWS: "动态要闻",
    UpdateClass.NOTICE: "通知公告",
    UpdateClass.POLICY: "政策文件",
    UpdateClass.PERIODIC: "应更新栏目",
    UpdateClass.STATIC: "不需更新",
}


@register
class StaleColumns(Indicator):
    """≥ 5 动态/要闻 (14 days) or 通知公告/政策文件 (6 months) columns not updated; early warnings."""

    code = "columns.stale"
    name = gettext_lazy("栏目更新（动态、通知公告、政策文件）")
    rule = f"{conf.RULE} 单项否决·栏目不更新（动态要闻2周、通知公告政策文件6个月，≥{conf.STALE_COLUMNS_VETO}个）"
    veto = True
    max_deduction = conf.DEDUCTIONS["stale_column_max"]
    order = 30
    classes = (UpdateClass.NEWS, UpdateClass.NOTICE, UpdateClass.POLICY)
    threshold = conf.STALE_COLUMNS_VETO
    deduction_key = "stale_column"

    def evaluate(self, department, now):
        today = today_of(now)
        columns = [c for c in columns_of(department).columns if c.update_class in self.classes]
        stale = [c for c in columns if c.is_stale(today)]
        result = Result(figures=self._figures(columns, stale, today))
        result.vetoed = len(stale) >= self.threshold
        per = conf.deduction(self.deduction_key)
        result.deduction = min(per * len(stale), conf.deduction(f"{self.deduction_key}_max"))
        severity = Severity.VETO if result.vetoed else Severity.DEDUCTION
        for column in stale:
            result.findings.append(
                column_finding(
                    department,
                    column,
                    severity,
                    _("栏目“%(title)s”（%(kind)s）未按期更新，最新信息：%(last)s")
                    % {
                        "title": column.title,
                        "kind": CLASS_LABELS[column.update_class],
                        "last": _date(column.last_date),
                    },
                    update_class=column.update_class,
                )
            )
        for column in columns:
            if column.warns(today):
                result.findings.append(
                    column_finding(
                        department,
                        column,
                        Severity.WARNING,
                        _("栏目“%(title)s”将于%(due)s起视为未更新，请及时发布信息")
                        % {"title": column.title, "due": column.due.isoformat()},
                        due=column.due.isoformat(),
                    )
                )
        return result

    def _figures(self, columns, stale, today):
        year_ago = add_months(today, -12)
        figures = {"stale": len(stale), "threshold": self.threshold}
        for update_class in self.classes:
            of_class = [c for c in columns if c.update_class == update_class]
            figures[update_class] = {
                "columns": len(of_class),
                "stale": sum(1 for c in stale if c.update_class == update_class),
                "updates_year": sum(c.updates_since(year_ago) for c in of_class),
            }
        return figures


@register
class UnupdatedColumns(StaleColumns):
    """≥ 10 columns that should be updated on a period of their own but have not been."""

    code = "columns.unupdated"
    name = gettext_lazy("栏目更新（应更新栏目）")
    rule = f"{conf.RULE} 单项否决·应更新但长期未更新的栏目（≥{conf.UNUPDATED_COLUMNS_VETO}个）"
    order = 31
    classes = (UpdateClass.PERIODIC,)
    threshold = conf.UNUPDATED_COLUMNS_VETO


@register
class BlankColumns(Indicator):
    code = "columns.blank"
    name = gettext_lazy("空白栏目")
    rule = f"{conf.RULE} 单项否决·空白栏目（≥{conf.BLANK_COLUMNS_VETO}个）"
    veto = True
    max_deduction = conf.DEDUCTIONS["blank_column_max"]
    order = 32

    def evaluate(self, department, now):
        columns = [c for c in columns_of(department).columns if c.blank and not c.exempt]
        blank = [c for c in columns if not c.note]
        noted = [c for c in columns if c.note]
        result = Result(figures={"blank": len(blank), "noted": len(noted), "threshold": conf.BLANK_COLUMNS_VETO})
        result.vetoed = len(blank) >= conf.BLANK_COLUMNS_VETO
        result.deduction = min(conf.deduction("blank_column") * len(blank), conf.deduction("blank_column_max"))
        severity = Severity.VETO if result.vetoed else Severity.DEDUCTION
        for column in blank:
            result.findings.append(
                column_finding(department, column, severity, _("栏目“%(title)s”为空白栏目") % {"title": column.title})
            )
        for column in noted:
            # Reported apart: the column says why it is empty, as the rules ask.
            result.findings.append(
                column_finding(
                    department,
                    column,
                    Severity.NOTICE,
                    _("栏目“%(title)s”暂无信息，已说明：%(note)s") % {"title": column.title, "note": column.note},
                    note=column.note,
                )
            )
        return result


# Citizens' letters ---------------------------------------------------------------------------------


def letter_edit_url(letter):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    return AdminURLFinder().get_edit_url(letter) or ""


@register
class UnansweredLetters(Indicator):
    code = "response.letters"
    name = gettext_lazy("互动回应（政务咨询留言）")
    rule = (
        f"{conf.RULE} 单项否决·互动回应差（一年内政务咨询类留言超过{conf.LETTER_UNANSWERED_MONTHS}个月未回应；"
        "信访、举报类除外）"
    )
    veto = True
    order = 40

    def evaluate(self, department, now):
        from hub.interaction.models import Letter

        today = today_of(now)
        window_start = add_months(today, -conf.LETTER_WINDOW_MONTHS)
        since = timezone.make_aware(
            datetime.datetime.combine(window_start - datetime.timedelta(days=1), datetime.time())
        )
        letters = (
            Letter.objects.filter(department=department, submitted_at__gte=since)
            .exclude(category__in=conf.EXCLUDED_LETTER_CATEGORIES)
            .exclude(status=Letter.Status.REJECTED)
            .only("pk", "tracking_code", "subject", "submitted_at", "replied_at", "status", "department")
        )
        result = Result()
        counted = 0
        for letter in letters:
            received = timezone.localtime(letter.submitted_at).date()
            if received < window_start or received > today:
                continue
            counted += 1
            due = add_months(received, conf.LETTER_UNANSWERED_MONTHS)
            replied = timezone.localtime(letter.replied_at).date() if letter.replied_at else None
            if replied is not None and replied <= today:
                late = replied > due
            else:
                late = today > due
            if late:
                result.findings.append(
                    Finding(
                        severity=Severity.VETO,
                        message=_("留言%(code)s“%(subject)s”（%(received)s收到）超过%(months)s个月未回应")
                        % {
                            "code": letter.tracking_code,
                            "subject": letter.subject,
                            "received": received.isoformat(),
                            "months": conf.LETTER_UNANSWERED_MONTHS,
                        },
                        key=f"letter:{letter.pk}",
                        edit_url=letter_edit_url(letter),
                        label=letter.tracking_code,
                        data={"received": received.isoformat(), "replied": replied.isoformat() if replied else None},
                    )
                )
        result.vetoed = bool(result.findings)
        result.figures = {"letters": counted, "late": len(result.findings)}
        return result


@register
class NoMailbox(Indicator):
    code = "response.mailbox"
    name = gettext_lazy("互动交流渠道")
    rule = f"{conf.RULE} 单项否决·互动回应差（无可用的咨询渠道）"
    veto = True
    order = 41

    def evaluate(self, department, now):
        from hub.interaction.models import Mailbox

        open_boxes = Mailbox.objects.filter(department=department, is_open=True).count()
        result = Result(figures={"open_mailboxes": open_boxes})
        if not open_boxes:
            result.vetoed = True
            result.findings.append(
                Finding(severity=Severity.VETO, message=_("没有正在受理留言的信箱"), key="mailbox", label=_("信箱"))
            )
        return result


@register
class ReplyTime(Indicator):
    code = "response.reply_time"
    name = gettext_lazy("留言平均答复时间")
    rule = f"{conf.RULE} 互动交流·答复时限（扣分值待确认）"
    max_deduction = conf.DEDUCTIONS["slow_replies"]
    order = 42

    def evaluate(self, department, now):
        from hub.interaction.models import Letter, Mailbox
        from hub.interaction.workdays import working_days_between

        today = today_of(now)
        start = add_months(today, -conf.LETTER_WINDOW_MONTHS)
        rows = Letter.objects.filter(
            department=department, status=Letter.Status.REPLIED, replied_at__isnull=False
        ).values_list("submitted_at", "replied_at")
        days = []
        for submitted, replied in rows:
            received, answered = timezone.localtime(submitted).date(), timezone.localtime(replied).date()
            if start <= received <= today and answered <= today:
                days.append(working_days_between(received, answered))
        limits = list(Mailbox.objects.filter(department=department).values_list("reply_days", flat=True))
        limit = max(limits) if limits else None
        average = round(sum(days) / len(days), 1) if days else None
        result = Result(figures={"replied": len(days), "average_days": average, "limit": limit})
        if average is not None and limit is not None and average > limit:
            result.deduction = conf.deduction("slow_replies")
            result.findings.append(
                Finding(
                    severity=Severity.DEDUCTION,
                    message=_("留言平均答复用时%(average)s个工作日，超过答复时限%(limit)s个工作日")
                    % {"average": average, "limit": limit},
                    key="reply-time",
                    label=_("信箱"),
                )
            )
        return result


# Service guides ------------------------------------------------------------------------------------

GUIDE_ELEMENTS = [
    ("legal_basis", "设定依据"),
    ("conditions", "受理条件"),
    ("procedure", "办理流程"),
    ("statutory_limit_days", "法定办结时限"),
    ("promised_limit_days", "承诺办结时限"),
    ("fees", "收费标准"),
    ("place", "办理地点"),
    ("hours", "办理时间"),
    ("phone", "咨询电话"),
]


@register
class ServiceGuides(Indicator):
    code = "services.guides"
    name = gettext_lazy("办事指南要素完整")
    rule = f"{conf.RULE} 办事服务·办事指南要素齐全（扣分值待确认）"
    max_deduction = conf.DEDUCTIONS["incomplete_guides"]
    order = 50

    def evaluate(self, department, now):
        from wagtail.admin.admin_url_finder import AdminURLFinder

        from hub.services.models import ServiceItem

        items = list(ServiceItem.objects.filter(department=department, is_published=True).prefetch_related("materials"))
        result = Result()
        complete = 0
        finder = AdminURLFinder()
        for item in items:
            missing = [label for name, label in GUIDE_ELEMENTS if getattr(item, name) in (None, "")]
            if not item.materials.all():
                missing.append("申请材料")
            if not missing:
                complete += 1
                continue
            result.findings.append(
                Finding(
                    severity=Severity.DEDUCTION,
                    message=_("办事指南“%(title)s”缺少：%(missing)s")
                    % {"title": item.title, "missing": "、".join(missing)},
                    key=f"service:{item.pk}",
                    edit_url=finder.get_edit_url(item) or "",
                    label=item.title,
                )
            )
        share = Decimal(complete) / Decimal(len(items)) if items else Decimal(1)
        result.figures = {"items": len(items), "complete": complete, "share": float(round(share, 3))}
        result.deduction = (conf.deduction("incomplete_guides") * (1 - share)).quantize(Decimal("0.1"))
        return result


# Live pages: word lists and leaders' names ---------------------------------------------------------

TITLE_WORDS = (
    "副书记|书记|副州长|州长|副局长|局长|副主任|主任|副主席|主席|副部长|部长|副县长|县长|副市长|市长|"
    "副厅长|厅长|副院长|院长|检察长|秘书长|副秘书长|调研员|副处长|处长|副科长|科长|委员|同志"
)
TITLE_PATTERN = re.compile(TITLE_WORDS)
CJK_NAME = re.compile(r"^[\u4e00-\u9fff]+$")


def _near_names(text, names, known):
    """(written, meant) pairs: a name context (a title word beside it) holding a string that differs
    by exactly one character from a directory name and is no directory name itself."""
    found = set()
    for match in TITLE_PATTERN.finditer(text):
        start, end = match.span()
        for name in names:
            length = len(name)
            candidates = [text[max(0, start - length) : start], text[end : end + length]]
            for candidate in candidates:
                if len(candidate) != length or candidate in known or not CJK_NAME.match(candidate):
                    continue
                if sum(1 for a, b in zip(candidate, name, strict=True) if a != b) == 1:
                    found.add((candidate, name))
    return found


def scan_live_pages(department):
    """Must-fix and advisory word-list matches and leaders' names differing by one character, on every
    live page of the tenant (every language): the review chain's checks, applied to what is published."""
    from hub.directory.models import DirectoryLeader
    from hub.tenancy.scoping import pages_for
    from hub.workflow.screening import content, wording, wordlists

    lists, _version = wordlists.load()
    must_fix = [wl for wl in lists if wl.grade in ("must_fix", wordlists.EXCEPTION)]
    advisory = [wl for wl in lists if wl.grade in ("advisory", wordlists.EXCEPTION)]
    own = set(DirectoryLeader.objects.filter(entry__department=department).values_list("name", flat=True))
    known = set(DirectoryLeader.objects.values_list("name", flat=True))
    names = sorted(n for n in own if 2 <= len(n) <= 4 and CJK_NAME.match(n))
    scan = {"pages": 0, "must_fix": [], "advisory": [], "names": []}
    queryset = pages_for(department).live().order_by("path")
    for page in queryset.specific(defer=False).iterator(chunk_size=200):
        scan["pages"] += 1
        extracted = content.extract(page)
        seen_names = set()
        for segment in extracted.segments:
            for _wordlist, entry, start, end in wording.find_in_text(segment.text, must_fix):
                scan["must_fix"].append((page.pk, page.title, segment.label, segment.text[start:end], entry.suggestion))
            for _wordlist, entry, start, end in wording.find_in_text(segment.text, advisory):
                scan["advisory"].append((page.pk, page.title, segment.label, segment.text[start:end], entry.suggestion))
            if names:
                seen_names |= _near_names(segment.text, names, known)
        for written, meant in sorted(seen_names):
            scan["names"].append((page.pk, page.title, written, meant))
    return scan


def scan_of(department):
    return shared("scan", department, lambda: scan_live_pages(department))


def _page_url(page_id):
    page = Page.objects.filter(pk=page_id).first()
    return page.full_url or "" if page else ""


@register
class SeriousErrors(Indicator):
    code = "errors.wording"
    name = gettext_lazy("严重错误（审校词库必改项）")
    rule = f"{conf.RULE} 单项否决·严重表述错误"
    veto = True
    order = 60

    def evaluate(self, department, now):
        scan = scan_of(department)
        result = Result(figures={"pages": scan["pages"], "matches": len(scan["must_fix"])})
        for page_id, title, field_label, matched, suggestion in scan["must_fix"]:
            message = _("已发布页面“%(title)s”（%(field)s）含必须修改的表述“%(matched)s”") % {
                "title": title,
                "field": field_label,
                "matched": matched,
            }
            if suggestion:
                message += _("，应为“%(suggestion)s”") % {"suggestion": suggestion}
            result.findings.append(
                Finding(
                    severity=Severity.VETO,
                    message=message,
                    key=f"wording:{page_id}:{matched}",
                    url=_page_url(page_id),
                    edit_url=page_edit_url(page_id),
                    label=title,
                )
            )
        result.vetoed = bool(result.findings)
        return result


@register
class AdvisoryWording(Indicator):
    code = "errors.advisory"
    name = gettext_lazy("慎用表述")
    rule = f"{conf.RULE} 内容准确·表述规范（扣分值待确认）"
    max_deduction = conf.DEDUCTIONS["wording_advisory_max"]
    order = 62

    def evaluate(self, department, now):
        scan = scan_of(department)
        pages = {}
        for page_id, title, _field_label, matched, _suggestion in scan["advisory"]:
            pages.setdefault((page_id, title), []).append(matched)
        result = Result(figures={"pages": len(pages)})
        for (page_id, title), matched in pages.items():
            result.findings.append(
                Finding(
                    severity=Severity.DEDUCTION,
                    message=_("已发布页面“%(title)s”含慎用表述：%(words)s")
                    % {"title": title, "words": "、".join(sorted(set(matched)))},
                    key=f"advisory:{page_id}",
                    edit_url=page_edit_url(page_id),
                    label=title,
                )
            )
        result.deduction = min(conf.deduction("wording_advisory") * len(pages), conf.deduction("wording_advisory_max"))
        return result


@register
class LeaderNames(Indicator):
    code = "errors.leader_names"
    name = gettext_lazy("严重错误（领导姓名）")
    rule = f"{conf.RULE} 单项否决·严重错误（领导人姓名错误）"
    veto = True
    order = 61

    def evaluate(self, department, now):
        scan = scan_of(department)
        result = Result(figures={"pages": scan["pages"]})
        for page_id, title, written, meant in scan["names"]:
            result.findings.append(
                Finding(
                    severity=Severity.VETO,
                    message=_("已发布页面“%(title)s”中“%(written)s”与部门名录中的领导姓名“%(meant)s”相差一字")
                    % {"title": title, "written": written, "meant": meant},
                    key=f"name:{page_id}:{written}",
                    url=_page_url(page_id),
                    edit_url=page_edit_url(page_id),
                    label=title,
                )
            )
        result.vetoed = bool(result.findings)
        return result

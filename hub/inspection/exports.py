"""XLSX workbooks of inspection results (openpyxl): one site's report, or the group's table."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from .registry import Severity

BOLD = Font(bold=True)
RED = PatternFill("solid", fgColor="F8D7DA")


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _sheet(workbook, title, header, rows, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width * 1.6, 8), 80)
    return sheet


def _finding_rows(findings, with_site=False):
    for finding in findings:
        row = [
            Severity(finding.severity).label,
            finding.message,
            finding.label,
            _local(finding.first_seen),
            _local(finding.last_seen),
            finding.edit_url,
        ]
        yield ([finding.department.name] if with_site else []) + [str(v) for v in row]


def finding_header():
    return [_("级别"), _("问题"), _("对象"), _("首次发现"), _("最近发现"), _("修改地址")]


def site_workbook(report):
    workbook = Workbook()
    department, run = report["department"], report["run"]
    summary = [
        [_("站点"), department.name],
        [_("检查时间"), _local(run.started_at) if run else _("尚未检查")],
        [_("得分"), str(run.score) if run else ""],
        [_("单项否决项"), run.veto_count if run else ""],
        [_("结论"), (_("合格") if run.passed else _("不合格")) if run else ""],
    ]
    _sheet(workbook, _("概况"), [_("项目"), _("内容")], summary, first=True)
    results = [
        [r["name"], r["rule"], _("否决") if r.get("vetoed") else "", r.get("deduction", ""), r.get("findings", 0)]
        for r in report["results"]
    ]
    _sheet(workbook, _("各项结果"), [_("指标"), _("依据"), _("单项否决"), _("扣分"), _("问题数")], results)
    findings = _sheet(workbook, _("问题清单"), finding_header(), _finding_rows(report["findings"]))
    for row in findings.iter_rows(min_row=2):
        if row[0].value == Severity.VETO.label:
            for cell in row:
                cell.fill = RED
    return workbook


def group_workbook(rows, findings):
    workbook = Workbook()
    table = [
        [
            row["department"].name,
            str(row["run"].score) if row["run"] else "",
            row["run"].veto_count if row["run"] else "",
            (_("合格") if row["run"].passed else _("不合格")) if row["run"] else _("尚未检查"),
            _local(row["run"].started_at) if row["run"] else "",
        ]
        for row in rows
    ]
    _sheet(workbook, _("站点"), [_("站点"), _("得分"), _("单项否决项"), _("结论"), _("最近检查")], table, first=True)
    _sheet(workbook, _("问题清单"), [_("站点"), *finding_header()], _finding_rows(findings, with_site=True))
    return workbook

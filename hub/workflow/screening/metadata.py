"""Disclosure metadata (政府信息公开要素) of documents: present and well formed.

Page types are recognised by the fields they have, not imported: a page with `issuing_authority`
and `index_number` is a government document; any page with a `document_number` has its 文号
format checked.
"""

import datetime
import re

from .findings import Category, FindingData, Grade

# 机关代字〔年份〕序号号, e.g. 克政办发〔2024〕12号 (GB/T 9704-2012: the year in hexagonal brackets 〔〕).
DOCUMENT_NUMBER_RE = re.compile(r"^\S+〔(\d{4})〕\d+号$")
WRONG_BRACKETS_RE = re.compile(r"[\[［【(（{｛]\s*(\d{4})\s*[\]］】)）}｝]")
INDEX_NUMBER_RE = re.compile(r"^[0-9A-Z]+/\d{4}-\d{5}$")


def _label(page, name):
    try:
        return str(page._meta.get_field(name).verbose_name)
    except Exception:
        return name


def _finding(grade, page, name, message, rule, suggestion="", matched=""):
    return FindingData(
        grade=grade,
        category=Category.METADATA,
        message=message,
        field=_label(page, name),
        rule=rule,
        suggestion=suggestion,
        matched=matched,
    )


def _document_number(page):
    number = (getattr(page, "document_number", "") or "").strip()
    if not number:
        return []
    if DOCUMENT_NUMBER_RE.match(number):
        year = int(DOCUMENT_NUMBER_RE.match(number).group(1))
        if not 1949 <= year <= datetime.date.today().year + 1:
            return [
                _finding(
                    Grade.MUST_FIX,
                    page,
                    "document_number",
                    "文号中的年份不合理",
                    "document_number.year",
                    matched=number,
                )
            ]
        return []
    suggestion = ""
    if WRONG_BRACKETS_RE.search(number):
        suggestion = WRONG_BRACKETS_RE.sub(lambda m: f"〔{m.group(1)}〕", number)
        if not suggestion.endswith("号"):
            suggestion += "号"
    return [
        _finding(
            Grade.MUST_FIX,
            page,
            "document_number",
            "文号格式不规范：应为“机关代字〔年份〕序号号”，年份用六角括号〔〕",
            "document_number.format",
            suggestion=suggestion,
            matched=number,
        )
    ]


def _government_document(page):
    findings = []
    if not (getattr(page, "issuing_authority", "") or "").strip():
        findings.append(_finding(Grade.MUST_FIX, page, "issuing_authority", "缺少发文机关", "issuing_authority"))
    if getattr(page, "written_date", None) is None:
        findings.append(_finding(Grade.MUST_FIX, page, "written_date", "缺少成文日期", "written_date"))
    elif getattr(page, "date", None) and page.written_date > page.date:
        findings.append(
            _finding(
                Grade.MUST_FIX,
                page,
                "written_date",
                f"成文日期（{page.written_date}）晚于发布日期（{page.date}）",
                "written_date.order",
            )
        )
    if hasattr(page, "subject_id") and page.subject_id is None:
        findings.append(_finding(Grade.MUST_FIX, page, "subject", "缺少主题分类", "subject"))
    index_number = (page.index_number or "").strip()
    if not index_number:
        findings.append(_finding(Grade.MUST_FIX, page, "index_number", "缺少索引号", "index_number"))
    elif not INDEX_NUMBER_RE.match(index_number):
        findings.append(
            _finding(
                Grade.MUST_FIX, page, "index_number", "索引号格式不规范", "index_number.format", matched=index_number
            )
        )
    if not (getattr(page, "document_number", "") or "").strip():
        findings.append(
            _finding(Grade.ADVISORY, page, "document_number", "未填写发文字号（无文号的文件可忽略）", "document_number")
        )
    return findings


def check(page, content):
    findings = []
    if hasattr(page, "issuing_authority") and hasattr(page, "index_number"):
        findings += _government_document(page)
    findings += _document_number(page)
    if hasattr(page, "source") and hasattr(page, "kind") and not (page.source or "").strip():
        findings.append(_finding(Grade.ADVISORY, page, "source", "未填写信息来源", "source"))
    return findings

"""The figures of the inspection rules, in one place.

Thresholds come from 《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号). The per-item deduction
values of the scoring part were not seen in a primary text: they live in `DEDUCTIONS` and may be
overridden item by item with the `HUB_INSPECTION_DEDUCTIONS` setting (a dict of the same keys).
"""

from decimal import Decimal

from django.conf import settings

RULE = "国办秘函〔2019〕19号"

# Veto thresholds (单项否决)
HOME_STALE_DAYS = 14
STALE_COLUMNS_VETO = 5  # 动态/要闻 or 通知公告/政策文件 columns not updated
UNUPDATED_COLUMNS_VETO = 10  # "should be updated" columns left un-updated
BLANK_COLUMNS_VETO = 5
LETTER_UNANSWERED_MONTHS = 3
LETTER_WINDOW_MONTHS = 12
# Letter categories that are not 政务咨询 (信访 and 举报 go their own statutory ways): never counted.
EXCLUDED_LETTER_CATEGORIES = ("report", "complaint")
EARLY_WARNING_DAYS = 3
PASS_SCORE = Decimal(60)
FULL_SCORE = Decimal(100)

# Scoring (扣分) — values unconfirmed: each key is one deduction rule of the table shown in the README.
DEDUCTIONS = {
    # per column past its update period, at most `stale_column_max`
    "stale_column": Decimal(2),
    "stale_column_max": Decimal(20),
    # per blank column without a 暂无信息 note, at most `blank_column_max`
    "blank_column": Decimal(2),
    "blank_column_max": Decimal(10),
    # letters answered on average slower than the mailbox's time limit
    "slow_replies": Decimal(5),
    # service items whose 办事指南 is incomplete: `incomplete_guides` × the share incomplete
    "incomplete_guides": Decimal(10),
    # per live page with an advisory word-list finding, at most `wording_advisory_max`
    "wording_advisory": Decimal("0.5"),
    "wording_advisory_max": Decimal(5),
}


def deduction(key):
    overrides = getattr(settings, "HUB_INSPECTION_DEDUCTIONS", {}) or {}
    value = overrides.get(key, DEDUCTIONS[key])
    return Decimal(str(value))

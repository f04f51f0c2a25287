"""The unsaved form of a finding, as the individual checks produce it."""

from dataclasses import dataclass

from ..models.screening import Category, Grade  # noqa: F401  (re-exported for the checks)

CONTEXT_CHARS = 20


@dataclass
class FindingData:
    grade: str
    category: str
    message: str
    field: str = ""
    rule: str = ""
    source: str = ""
    suggestion: str = ""
    before: str = ""
    matched: str = ""
    after: str = ""


def in_context(text, start, end, width=CONTEXT_CHARS):
    """(before, matched, after): the match with up to `width` characters either side."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start > width:
        before = "…" + before
    if end + width < len(text):
        after = after + "…"
    return before, text[start:end], after

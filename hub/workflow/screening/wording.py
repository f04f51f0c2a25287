"""Prohibited, sensitive and mis-written expressions from the word lists, found in the page's text."""

from . import wordlists
from .findings import Category, FindingData, in_context


def _exception_spans(text, exception_entries):
    spans = []
    for entry in exception_entries:
        if entry.literal is not None and entry.literal not in text:
            continue
        spans += [m.span() for m in entry.pattern.finditer(text)]
    return spans


def find_in_text(text, lists):
    """Matches of every list in one text: (wordlist, entry, start, end), exceptions and overlaps removed."""
    exceptions = [e for wl in lists if wl.grade == wordlists.EXCEPTION for e in wl.entries]
    allowed = _exception_spans(text, exceptions)
    matches = []
    for wordlist in lists:
        if wordlist.grade == wordlists.EXCEPTION:
            continue
        for entry in wordlist.entries:
            # Most entries are literal and absent: a substring test is far cheaper than the regex.
            if entry.literal is not None and entry.literal not in text:
                continue
            for match in entry.pattern.finditer(text):
                start, end = match.span()
                if end == start or any(a <= start and end <= b for a, b in allowed):
                    continue
                matches.append((wordlist, entry, start, end))
    # A match inside a longer match of another entry is the same problem reported twice.
    matches.sort(key=lambda m: (m[2], -(m[3] - m[2])))
    kept = []
    for match in matches:
        if any(k[2] <= match[2] and match[3] <= k[3] and k[1] is not match[1] for k in kept):
            continue
        kept.append(match)
    return kept


def check(page, content):
    lists, _version = wordlists.load()
    findings = []
    for segment in content.segments:
        for wordlist, entry, start, end in find_in_text(segment.text, lists):
            before, matched, after = in_context(segment.text, start, end)
            message = entry.note or ("禁用或错误表述" if wordlist.grade == "must_fix" else "慎用表述")
            findings.append(
                FindingData(
                    grade=wordlist.grade,
                    category=Category.WORDING,
                    message=message,
                    field=segment.label,
                    rule=entry.term,
                    source=wordlist.title,
                    suggestion=entry.suggestion,
                    before=before,
                    matched=matched,
                    after=after,
                )
            )
    return findings

"""Excerpts and highlighting: the passage of a page around the first matched word, words marked."""

import re

from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField

from .segmenter import match_spans

EXCERPT_LENGTH = 140
LEAD = 30
WHITESPACE = re.compile(r"\s+")
# A sentence ends after 。！？； (or their Latin forms followed by a space).
SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=[.!?;])\s")
# Shorter pieces of a summary (a word or two) may well recur in the body on purpose.
REPEAT_MINIMUM = 8


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = value.values()
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def page_text(page):
    """The searchable text of a (specific) page other than its title, as one plain string."""
    texts = []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            try:
                texts.extend(_flatten(field.get_value(page)))
            except Exception:  # a broken field must not break the result list
                continue
    return WHITESPACE.sub(" ", strip_tags(" ".join(texts))).strip()


def without_repeated_summary(text, summary):
    """The page's text with the summary's sentences said once.

    A page's text is its summary followed by its body, and a body usually opens with the very
    sentence the summary was taken from; an excerpt would show it twice. Where the summary is part of
    the text, its full sentences are dropped from what follows it (a sentence cut short with … is not
    one, and stays).
    """
    summary = WHITESPACE.sub(" ", strip_tags(summary or "")).strip()
    at = text.find(summary) if summary else -1
    if at < 0:
        return text
    head, rest = text[: at + len(summary)], text[at + len(summary) :]
    for sentence in (piece.strip() for piece in SENTENCE_END.split(summary)):
        if len(sentence) >= REPEAT_MINIMUM and not sentence.endswith("…"):
            rest = rest.replace(sentence, "")
    return WHITESPACE.sub(" ", head + rest).strip()


def highlight(text, terms, spans=None):
    """HTML of text with every matched word wrapped in <mark>."""
    spans = match_spans(text, terms) if spans is None else spans
    pieces, last = [], 0
    for start, end in spans:
        pieces.append(conditional_escape(text[last:start]))
        pieces.append(f"<mark>{conditional_escape(text[start:end])}</mark>")
        last = end
    pieces.append(conditional_escape(text[last:]))
    return mark_safe("".join(pieces))


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """A window of the text around the first matched word (or its start), highlighted."""
    spans = match_spans(text, terms) if terms else []
    start = max(0, spans[0][0] - LEAD) if spans else 0
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    inside = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
    html = highlight(text[start:end], terms, spans=inside)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")

"""Reading outside feeds: RSS 2.0 (and 0.9x), RSS 1.0 and Atom 1.0, parsed with defusedxml.

Everything is read and checked before anything is written, so a feed that is not well-formed,
not a feed, or has an item without a title or a date that cannot be read raises FeedError and
the import changes nothing.
"""

import datetime
import email.utils
import hashlib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


class FeedError(Exception):
    """The feed cannot be imported; the message says why in terms an operator can act on."""


@dataclass
class FeedItem:
    key: str
    title: str
    link: str = ""
    published: datetime.datetime | None = None
    paragraphs: list = field(default_factory=list)
    author: str = ""

    @property
    def summary(self):
        text = " ".join(self.paragraphs)
        return text[:197] + "…" if len(text) > 200 else text


@dataclass
class ParsedFeed:
    format: str
    title: str
    link: str = ""
    updated: datetime.datetime | None = None
    items: list = field(default_factory=list)


# Dates -------------------------------------------------------------------------------------------
def parse_rfc822(value, where):
    """An RSS date (RFC 822 with four-digit years, as RFC 2822 allows) as an aware datetime."""
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError) as exc:
        raise FeedError(f"{where}: date {value!r} is not an RFC 822 date") from exc
    if parsed.tzinfo is None:  # "-0000": UTC, origin unknown
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed


def parse_rfc3339(value, where):
    """An Atom or Dublin Core date (RFC 3339 / W3C-DTF) as an aware datetime."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        text += "T00:00:00Z"
    try:
        parsed = datetime.datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError as exc:
        raise FeedError(f"{where}: date {value!r} is not an RFC 3339 date") from exc
    if parsed.tzinfo is None:
        raise FeedError(f"{where}: date {value!r} has no time zone")
    return parsed


# Text --------------------------------------------------------------------------------------------
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
SKIPPED_TAGS = {"script", "style", "iframe", "object", "noscript"}


class _TextExtractor(HTMLParser):
    """Outside HTML becomes plain paragraphs: no markup, script or style from another site survives."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self.current = []
        self.skipping = 0

    def _break(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)

    def close(self):
        super().close()
        self._break()
        return self.paragraphs


def html_to_paragraphs(markup):
    extractor = _TextExtractor()
    extractor.feed(markup or "")
    return extractor.close()


def text_to_paragraphs(text):
    return [re.sub(r"\s+", " ", part).strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def _text(element, path):
    found = element.find(path)
    return (found.text or "").strip() if found is not None and found.text else ""


def _key(*candidates):
    for candidate in candidates:
        if candidate:
            return candidate[:500] if len(candidate) <= 500 else hashlib.sha256(candidate.encode()).hexdigest()
    return ""


# Formats -----------------------------------------------------------------------------------------
def _rss_items(elements, date_of, where_prefix):
    items = []
    for number, element in enumerate(elements, start=1):
        where = f"{where_prefix} {number}"
        title = _text(element, "title")
        if not title:
            raise FeedError(f"{where} has no title")
        link = _text(element, "link")
        guid = _text(element, "guid")
        key = _key(guid, link)
        if not key:
            raise FeedError(f"{where} ({title}) has neither a guid nor a link, so a re-run could not recognise it")
        encoded = _text(element, f"{CONTENT}encoded")
        description = encoded or _text(element, "description")
        items.append(
            FeedItem(
                key=key,
                title=html.unescape(title),
                link=link,
                published=date_of(element, where),
                paragraphs=html_to_paragraphs(description),
                author=_text(element, f"{DC}creator") or _text(element, "author"),
            )
        )
    return items


def _parse_rss2(root):
    channel = root.find("channel")
    if channel is None:
        raise FeedError("RSS feed has no <channel>")
    title = _text(channel, "title")
    if not title:
        raise FeedError("RSS channel has no <title>")

    def date_of(element, where):
        value = _text(element, "pubDate") or _text(element, f"{DC}date")
        if not value:
            return None
        return parse_rfc822(value, where) if not re.match(r"\d{4}-", value) else parse_rfc3339(value, where)

    updated_text = _text(channel, "lastBuildDate") or _text(channel, "pubDate")
    return ParsedFeed(
        format="rss",
        title=title,
        link=_text(channel, "link"),
        updated=parse_rfc822(updated_text, "channel") if updated_text else None,
        items=_rss_items(channel.findall("item"), date_of, "item"),
    )


def _parse_rss1(root):
    channel = root.find(f"{RSS1}channel")
    title = _text(channel, f"{RSS1}title") if channel is not None else ""
    if not title:
        raise FeedError("RSS 1.0 feed has no channel title")
    items = []
    for number, element in enumerate(root.findall(f"{RSS1}item"), start=1):
        where = f"item {number}"
        item_title = _text(element, f"{RSS1}title")
        if not item_title:
            raise FeedError(f"{where} has no title")
        link = _text(element, f"{RSS1}link")
        key = _key(element.get(f"{RDF}about", ""), link)
        date = _text(element, f"{DC}date")
        items.append(
            FeedItem(
                key=key,
                title=html.unescape(item_title),
                link=link,
                published=parse_rfc3339(date, where) if date else None,
                paragraphs=html_to_paragraphs(_text(element, f"{RSS1}description")),
                author=_text(element, f"{DC}creator"),
            )
        )
        if not key:
            raise FeedError(f"{where} ({item_title}) has neither an rdf:about nor a link")
    return ParsedFeed(format="rss1", title=title, link=_text(channel, f"{RSS1}link"), items=items)


def _atom_text(element, name):
    """An Atom text construct as plain paragraphs (type text, html or xhtml)."""
    found = element.find(f"{ATOM}{name}")
    if found is None:
        return []
    kind = found.get("type", "text")
    if kind == "xhtml":
        return _xhtml_paragraphs(found)
    if kind == "html":
        return html_to_paragraphs(found.text or "")
    return text_to_paragraphs(found.text or "")


def _is_block(element):
    return element.tag.split("}")[-1] in BLOCK_TAGS


def _xhtml_paragraphs(element):
    """Innermost block elements of inline XHTML content, one paragraph each (else all its text)."""
    blocks = [
        child
        for child in element.iter()
        if child is not element
        and _is_block(child)
        and not any(_is_block(inner) for inner in child.iter() if inner is not child)
    ]
    texts = ["".join(block.itertext()) for block in blocks] or ["".join(element.itertext())]
    return [re.sub(r"\s+", " ", text).strip() for text in texts if text.strip()]


def _atom_link(element):
    for link in element.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return ""


def _parse_atom(root):
    title = " ".join(_atom_text(root, "title"))
    if not title:
        raise FeedError("Atom feed has no <title>")
    updated = _text(root, f"{ATOM}updated")
    items = []
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), start=1):
        where = f"entry {number}"
        entry_title = " ".join(_atom_text(entry, "title"))
        if not entry_title:
            raise FeedError(f"{where} has no title")
        entry_id = _text(entry, f"{ATOM}id")
        link = _atom_link(entry)
        key = _key(entry_id, link)
        if not key:
            raise FeedError(f"{where} ({entry_title}) has neither an id nor a link")
        date = _text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")
        author = entry.find(f"{ATOM}author")
        items.append(
            FeedItem(
                key=key,
                title=entry_title,
                link=link,
                published=parse_rfc3339(date, where) if date else None,
                paragraphs=_atom_text(entry, "content") or _atom_text(entry, "summary"),
                author=_text(author, f"{ATOM}name") if author is not None else "",
            )
        )
    return ParsedFeed(
        format="atom",
        title=title,
        link=_atom_link(root),
        updated=parse_rfc3339(updated, "feed") if updated else None,
        items=items,
    )


def parse_feed(data):
    """Parse feed bytes into a ParsedFeed; FeedError says what is wrong."""
    if not data or not data.strip():
        raise FeedError("the feed is empty")
    try:
        root = fromstring(data)
    except ParseError as exc:
        raise FeedError(f"the feed is not well-formed XML ({exc})") from exc
    except DefusedXmlException as exc:
        raise FeedError(f"the feed uses forbidden XML constructs ({exc.__class__.__name__})") from exc
    if root.tag == "rss":
        return _parse_rss2(root)
    if root.tag == f"{ATOM}feed":
        return _parse_atom(root)
    if root.tag == f"{RDF}RDF":
        return _parse_rss1(root)
    raise FeedError(f"not an RSS or Atom feed (its root element is <{root.tag}>)")

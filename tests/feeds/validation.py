"""Checks a feed against the RSS 2.0 and Atom 1.0 (RFC 4287) specifications' requirements.

Well-formedness, the required elements, absolute links, unique item ids, and dates: RSS dates in
RFC 822 form (with four-digit years, as RFC 2822 and the RSS 2.0 spec allow), Atom dates in RFC
3339 form. Every check that fails is reported, not only the first.
"""

import email.utils
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

ATOM = "{http://www.w3.org/2005/Atom}"
DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
RFC822 = re.compile(
    rf"^(?:(?:{DAYS}), )?\d{{1,2}} (?:{MONTHS}) \d{{4}} "
    r"\d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|[ECMP][SD]T)$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def _absolute(url):
    parsed = urlparse(url or "")
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _rfc822(value):
    if not value or not RFC822.match(value):
        return False
    try:
        email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return False
    return True


def _rfc3339(value):
    if not value or not RFC3339.match(value):
        return False
    import datetime

    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def rss_problems(data):
    """Problems of an RSS 2.0 document (empty list: valid)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"not well-formed: {exc}"]
    problems = []
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"root is <{root.tag} version={root.get('version')!r}>, not <rss version='2.0'>"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"{len(channels)} <channel> elements, exactly one required"]
    channel = channels[0]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            problems.append(f"channel lacks <{name}>")
    if not _absolute(channel.findtext("link")):
        problems.append(f"channel link {channel.findtext('link')!r} is not absolute")
    for name in ("pubDate", "lastBuildDate"):
        value = channel.findtext(name)
        if value is not None and not _rfc822(value):
            problems.append(f"channel {name} {value!r} is not RFC 822")
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if not self_links or not _absolute(self_links[0].get("href")):
        problems.append("channel lacks an absolute atom:link rel=self")
    guids = []
    for number, item in enumerate(channel.findall("item"), start=1):
        if not (item.findtext("title") or item.findtext("description")):
            problems.append(f"item {number} has neither title nor description")
        if not _absolute(item.findtext("link")):
            problems.append(f"item {number} link {item.findtext('link')!r} is not absolute")
        if not _rfc822(item.findtext("pubDate")):
            problems.append(f"item {number} pubDate {item.findtext('pubDate')!r} is not RFC 822")
        guid = item.find("guid")
        if guid is None or not (guid.text or "").strip():
            problems.append(f"item {number} lacks a guid")
        else:
            guids.append(guid.text)
            if guid.get("isPermaLink", "true") == "true" and not _absolute(guid.text):
                problems.append(f"item {number} guid is a permalink but not an absolute URL")
    if len(guids) != len(set(guids)):
        problems.append("guids are not unique")
    return problems


def atom_problems(data):
    """Problems of an Atom 1.0 document (empty list: valid)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"not well-formed: {exc}"]
    if root.tag != f"{ATOM}feed":
        return [f"root is <{root.tag}>, not an Atom <feed>"]
    problems = []
    for name in ("id", "title", "updated"):
        if len(root.findall(f"{ATOM}{name}")) != 1 or not (root.findtext(f"{ATOM}{name}") or "").strip():
            problems.append(f"feed must have exactly one non-empty <{name}>")
    if not _rfc3339(root.findtext(f"{ATOM}updated")):
        problems.append(f"feed updated {root.findtext(f'{ATOM}updated')!r} is not RFC 3339")
    links = root.findall(f"{ATOM}link")
    if not any(link.get("rel") == "self" and _absolute(link.get("href")) for link in links):
        problems.append("feed lacks an absolute link rel=self")
    feed_author = root.find(f"{ATOM}author")
    if feed_author is not None and not (feed_author.findtext(f"{ATOM}name") or "").strip():
        problems.append("feed author lacks a name")
    ids = []
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), start=1):
        for name in ("id", "title", "updated"):
            if len(entry.findall(f"{ATOM}{name}")) != 1:
                problems.append(f"entry {number} must have exactly one <{name}>")
        entry_id = entry.findtext(f"{ATOM}id") or ""
        ids.append(entry_id)
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", entry_id):
            problems.append(f"entry {number} id {entry_id!r} is not an IRI")
        for name in ("updated", "published"):
            value = entry.findtext(f"{ATOM}{name}")
            if (name == "updated" or value is not None) and not _rfc3339(value):
                problems.append(f"entry {number} {name} {value!r} is not RFC 3339")
        if feed_author is None and entry.find(f"{ATOM}author") is None:
            problems.append(f"entry {number} has no author and the feed has none")
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if not alternates and entry.find(f"{ATOM}content") is None:
            problems.append(f"entry {number} has neither content nor an alternate link")
        if any(not _absolute(link.get("href")) for link in alternates):
            problems.append(f"entry {number} has a relative alternate link")
    if len(ids) != len(set(ids)):
        problems.append("entry ids are not unique")
    return problems

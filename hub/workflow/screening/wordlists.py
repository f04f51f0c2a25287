"""Word lists: plain-text data files of prohibited, sensitive and commonly mis-written expressions.

One file per list in HUB_WORDLIST_DIR (default hub/workflow/wordlists/). Format, one entry a line:

    @名称 政治与主权表述        the list's title
    @级别 必须修改              必须修改 (must-fix), 提示 (advisory) or 例外 (exceptions)
    # a comment
    台湾总统 => 台湾地区领导人 | 台湾是中国的一部分，不得称"总统"
    re:[一二三四五六七八九]○|○[一二三四五六七八九] => 〇 | 汉字数字中的零用"〇"

An entry is the wrong wording, optionally `=> suggestion` and ` | note` (the bar with a space on
either side, so a regular expression may use a bare `|`); `re:` makes it a regular expression.
Entries of an 例外 list are phrases inside which no match is reported (e.g. 北朝鲜卑 is not
北朝鲜). Files are re-read when they change, so an edit takes effect on the next check.
"""

import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from ..models.screening import Grade

logger = logging.getLogger(__name__)

EXCEPTION = "exception"
GRADE_WORDS = {
    "必须修改": Grade.MUST_FIX,
    "must_fix": Grade.MUST_FIX,
    "提示": Grade.ADVISORY,
    "advisory": Grade.ADVISORY,
    "例外": EXCEPTION,
    "exception": EXCEPTION,
}
GRADE_LABELS = {Grade.MUST_FIX: "必须修改", Grade.ADVISORY: "提示", EXCEPTION: "例外"}
NOTE_SEPARATOR = re.compile(r"\s\|\s")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
# Bump when the checks' code changes what they find, so cached results are not reused.
CHECKS_VERSION = "1"


@dataclass(frozen=True)
class Entry:
    term: str
    pattern: re.Pattern
    literal: str | None
    suggestion: str = ""
    note: str = ""
    line: int = 0


@dataclass
class WordList:
    name: str
    title: str
    grade: str
    entries: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def grade_label(self):
        return GRADE_LABELS.get(self.grade, self.grade)


def wordlist_dir():
    return Path(getattr(settings, "HUB_WORDLIST_DIR", Path(__file__).resolve().parent.parent / "wordlists"))


def parse(text, name="list"):
    """Parse one list's text; returns a WordList whose `errors` are (line number, message) pairs."""
    wordlist = WordList(name=name, title=name, grade=Grade.MUST_FIX)
    seen = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            key, _sep, value = line[1:].partition(" ")
            key, value = key.strip(), value.strip()
            if key in ("名称", "title"):
                wordlist.title = value or name
            elif key in ("级别", "grade"):
                if value not in GRADE_WORDS:
                    wordlist.errors.append((number, f"未知的级别“{value}”：应为 必须修改、提示 或 例外"))
                else:
                    wordlist.grade = GRADE_WORDS[value]
            else:
                wordlist.errors.append((number, f"未知的设置“@{key}”：应为 @名称 或 @级别"))
            continue
        # The note separator needs spaces around it, so a regular expression may use "|".
        body, note = _split_note(line)
        term, _sep, suggestion = body.partition("=>")
        term, suggestion, note = term.strip(), suggestion.strip(), note.strip()
        if not term:
            wordlist.errors.append((number, "缺少要查找的写法"))
            continue
        if term in seen:
            wordlist.errors.append((number, f"“{term}”重复出现"))
            continue
        seen.add(term)
        if term.startswith("re:"):
            source, literal = term[3:], None
            try:
                pattern = re.compile(source)
            except re.error as exc:
                wordlist.errors.append((number, f"正则表达式有误：{exc}"))
                continue
            if pattern.search("") is not None:
                wordlist.errors.append((number, "正则表达式会匹配空字符串"))
                continue
        else:
            literal, pattern = term, re.compile(re.escape(term))
        wordlist.entries.append(
            Entry(term=term, pattern=pattern, literal=literal, suggestion=suggestion, note=note, line=number)
        )
    return wordlist


def _split_note(line):
    parts = NOTE_SEPARATOR.split(line, maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def list_files():
    folder = wordlist_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt" and p.is_file() and NAME_RE.match(p.stem))


_cache = {}


def _signature(files):
    signature = []
    for path in files:
        stat = path.stat()
        signature.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(signature)


def load():
    """Every list in the folder, parsed; re-read only when a file changed. Returns (lists, version)."""
    files = list_files()
    key = (str(wordlist_dir()), _signature(files))
    if key not in _cache:
        digest = hashlib.sha256(CHECKS_VERSION.encode())
        lists = []
        for path in files:
            text = path.read_text(encoding="utf-8")
            digest.update(path.name.encode() + b"\0" + text.encode() + b"\0")
            wordlist = parse(text, path.stem)
            for number, message in wordlist.errors:
                logger.warning("Word list %s, line %s: %s (line skipped)", path.name, number, message)
            lists.append(wordlist)
        _cache.clear()
        _cache[key] = (lists, digest.hexdigest()[:16])
    return _cache[key]


def rules_version():
    return load()[1]


def read_text(name):
    path = wordlist_dir() / f"{name}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def save_text(name, text, user=None):
    """Validate and write one list (atomically), recording the edit; raises ValueError with the errors."""
    from ..models.wordlists import WordListEdit

    if not NAME_RE.match(name):
        raise ValueError([(0, "列表名只能用小写字母、数字、下划线和连字符，例如 local-terms")])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    parsed = parse(text, name)
    if parsed.errors:
        raise ValueError(parsed.errors)
    before = read_text(name)
    folder = wordlist_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.txt"
    temporary = folder / f".{name}.txt.tmp"
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
    _cache.clear()
    return WordListEdit.objects.create(
        name=name,
        edited_by=user,
        entries_before=len(parse(before, name).entries) if before else 0,
        entries_after=len(parsed.entries),
        text_before=before,
        text_after=text,
    )

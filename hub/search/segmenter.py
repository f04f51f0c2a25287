"""Turning text into search tokens: Chinese segmented with rjieba, other scripts split on words.

PostgreSQL's parser and SQLite FTS5 keep a run of Chinese characters as one token, so a search for
门户 misses 克州政府门户网站. Text is therefore segmented here, both when it is indexed (search mode:
every word plus the shorter dictionary words inside it, plus single characters) and when it is
queried (precise mode), and the databases only ever see space-separated tokens.

A query becomes a list of groups that must all match; a group matches when any of its alternatives
does, and an alternative is a set of tokens that must all be present. A compound query word such as
草原生态保护补助奖励 matches either as one word or as the words it is made of, so a page segmented
differently in its own context is still found. A two-character word the dictionary does not know
(usually a name the segmenter guessed, such as 马明) may also match as its two characters, because
the guess depends on the context (由马明主持 is read 由马明 / 主持); a known word such as 门户 matches
only as a word, so 部门户籍 is not a hit for it.
"""

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import rjieba
from django.conf import settings

logger = logging.getLogger(__name__)

# CJK unified ideographs (with extension A, compatibility ideographs and extensions B–F) and 〇.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\u3007"
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")
# A run of Chinese characters, or a run of other letters and digits (Latin, Cyrillic, Arabic script).
TOKEN_RUN = re.compile(f"([{HAN_RANGES}]+)|([^\\W_{HAN_RANGES}]+)")
LATIN_WORD = re.compile(r"^[a-z\u00c0-\u024f]+$")

# Invisible characters and Arabic-script marks that change no letter: zero-width (non-)joiners and
# spaces, byte-order mark, tatweel, and the optional short-vowel and Quranic marks.
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u0640\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# Keyboards in the region produce the Persian kaf for the Uyghur and Kyrgyz kaf.
LETTER_VARIANTS = str.maketrans({"\u06a9": "\u0643"})
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)

# Function words dropped from a query when it has other words (never from the index).
QUERY_STOPWORDS = frozenset(
    "的 了 和 与 及 或 在 是 对 为 把 被 等 之 其 于 以 并 将 由 从 向 an the of and or for to in on a".split()
)
DEFAULT_WORD_FREQUENCY = 3000


def normalize(text):
    """Fold width, case and spelling variants that should not change a match."""
    text = unicodedata.normalize("NFKC", text)
    text = POSSESSIVE.sub("", text)
    text = INVISIBLE.sub("", text)
    return text.translate(LETTER_VARIANTS).casefold()


def stem_latin(word):
    """A light English stemmer (Harman's S-stemmer): plurals fold onto the singular."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def latin_token(token):
    """Strip accents from Latin-script words (é → e) and fold English plurals."""
    if token.isascii():
        return stem_latin(token) if token.isalpha() else token
    stripped = "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))
    if LATIN_WORD.match(stripped):
        return stem_latin(stripped)
    return token


def load_dictionary_file(path):
    """Entries of one dictionary file as (word, frequency or None, tag or None) tuples."""
    entries = []
    with open(path, encoding="utf-8") as dictionary:
        for number, line in enumerate(dictionary, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            word, *rest = line.split()
            frequency = int(rest.pop(0)) if rest and rest[0].isdigit() else None
            tag = rest[0] if rest else None
            if not HAN_RUN.fullmatch(normalize(word)):
                logger.warning("%s:%s: %r skipped: dictionary words are Chinese characters only", path, number, word)
                continue
            entries.append((normalize(word), frequency, tag))
    return entries


def dictionary_paths():
    return [Path(path) for path in getattr(settings, "HUB_SEARCH_DICTIONARIES", [])]


class Segmenter:
    """rjieba with the site group's dictionary loaded; one shared instance per process."""

    def __init__(self, paths=None, characters=None):
        # Single characters are indexed too, so a one-character query word (市, 号, a split name)
        # matches wherever the character occurs.
        self.characters = getattr(settings, "HUB_SEARCH_INDEX_CHARACTERS", True) if characters is None else characters
        self.jieba = rjieba.Jieba()
        self.words = set()
        for path in dictionary_paths() if paths is None else paths:
            if not path.exists():
                logger.warning("Search dictionary %s not found", path)
                continue
            for word, frequency, tag in load_dictionary_file(path):
                if frequency is None:
                    frequency = max(DEFAULT_WORD_FREQUENCY, self.jieba.suggest_freq(word))
                self.jieba.add_word(word, frequency, tag)
                self.words.add(word)

    def runs(self, text):
        """(is_chinese, run) pairs of the normalised text, punctuation dropped."""
        for match in TOKEN_RUN.finditer(normalize(text)):
            han, other = match.groups()
            yield (True, han) if han else (False, other)

    def index_tokens(self, text):
        """Tokens to index for a text: search-mode words and single characters, other words as they are."""
        tokens = []
        for is_chinese, run in self.runs(text):
            if is_chinese:
                tokens.extend(self.jieba.cut_for_search(run))
                if self.characters and len(run) > 1:
                    tokens.extend(run)
            else:
                tokens.append(latin_token(run))
        return tokens

    def index_text(self, text):
        return " ".join(self.index_tokens(text))

    def words_of(self, text):
        """The query's words in precise mode, in order (what a reader would call the words)."""
        words = []
        for is_chinese, run in self.runs(text):
            words.extend(self.jieba.cut(run) if is_chinese else [latin_token(run)])
        return words

    def cover(self, word):
        """The shorter dictionary words that spell out a compound, fewest single characters first."""
        parts = {part for part in self.jieba.cut_for_search(word) if part != word and len(part) > 1}
        # best[i]: (single characters, piece count, pieces) of the cheapest spelling of word[:i].
        best = [(0, 0, [])] + [None] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(end):
                piece = word[start:end]
                if best[start] is None or (len(piece) > 1 and piece not in parts):
                    continue
                singles, count, pieces = best[start]
                candidate = (singles + (len(piece) == 1), count + 1, pieces + [piece])
                if best[end] is None or candidate[:2] < best[end][:2]:
                    best[end] = candidate
        return best[-1][2]

    def query(self, text):
        """The query as groups of alternatives (see the module docstring); empty when nothing is searchable."""
        words = self.words_of(text)
        meaningful = [word for word in words if word not in QUERY_STOPWORDS]
        groups, seen = [], set()
        for word in meaningful or words:
            if word in seen:
                continue
            seen.add(word)
            alternatives = [(word,)]
            if HAN_RUN.fullmatch(word) and (len(word) > 2 or not self.jieba.has_word(word)):
                parts = tuple(dict.fromkeys(self.cover(word)))
                if parts != (word,):
                    alternatives.append(parts)
            groups.append(QueryGroup(tuple(alternatives)))
        return groups

    def highlight_terms(self, text):
        """Strings to mark in titles and excerpts: the query's words and their longer parts."""
        terms = set()
        for group in self.query(text):
            word, *spellings = group.alternatives
            terms.update(word)
            for spelling in spellings:
                terms.update(part for part in spelling if len(part) > 1)
        return sorted(terms, key=len, reverse=True)

    def match_spans(self, text, terms):
        """(start, end) spans of the text whose tokens are among the terms, as the index would see them.

        Chinese runs are tokenised in search mode with offsets, so 门户 is marked in 政府门户网站 but
        not in 部门户籍; a single-character term is marked everywhere (single characters are indexed
        everywhere); other words are marked whole when their normal form is a term.
        """
        terms = set(terms)
        spans = []
        for match in TOKEN_RUN.finditer(text):
            han, other = match.groups()
            if other:
                if latin_token(normalize(other)) in terms:
                    spans.append((match.start(), match.end()))
                continue
            offset = match.start()
            for token, start, end in self.jieba.tokenize(han, mode="search"):
                if normalize(token) in terms:
                    spans.append((offset + start, offset + end))
            # Single characters are indexed wherever they occur, so they are marked wherever they occur.
            spans.extend((offset + i, offset + i + 1) for i, char in enumerate(han) if normalize(char) in terms)
        # Longest first, then drop spans overlapping one already kept.
        kept = []
        for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
            if all(end <= s or start >= e for s, e in kept):
                kept.append((start, end))
        return sorted(kept)


@dataclass(frozen=True)
class QueryGroup:
    alternatives: tuple

    @property
    def tokens(self):
        return {token for alternative in self.alternatives for token in alternative}


_segmenter = None
_lock = threading.Lock()


def get_segmenter():
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                _segmenter = Segmenter()
    return _segmenter


def index_text(text):
    return get_segmenter().index_text(text)


def parse_query(text):
    return get_segmenter().query(text)


def highlight_terms(text):
    return get_segmenter().highlight_terms(text)


def match_spans(text, terms):
    return get_segmenter().match_spans(text, terms)

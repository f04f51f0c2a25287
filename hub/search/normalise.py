"""Normal forms of what visitors type: search phrases, document numbers (文号) and index numbers (索引号)."""

import re
import unicodedata

SPACES = re.compile(r"\s+")
# Brackets people type around the year of a document number: 〔2006〕, [2006], 【2006】, (2006), （2006）, 〖2006〗.
YEAR_BRACKETS = re.compile(r"[\[【(〖［（]\s*(\d{4})\s*[\]】)〗］）]")
MAX_QUERY_LENGTH = 100


def normalise_query(text):
    """One form per phrase for logging, best bets and the hot list: NFKC, case-folded, single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    return SPACES.sub(" ", text).strip().casefold()[:MAX_QUERY_LENGTH]


def normalise_document_number(text):
    """克政发[2006]12号, 克政发（2006）12号 and 克政发〔2006〕 12 号 all become 克政发〔2006〕12号."""
    text = SPACES.sub("", unicodedata.normalize("NFKC", text or ""))
    # NFKC turns full-width brackets into ASCII ones; the canonical form uses 〔〕 (GB/T 9704).
    return YEAR_BRACKETS.sub(r"〔\1〕", text).upper()

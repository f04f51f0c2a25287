"""Kyrgyz from Cyrillic into the Arabic script Kyrgyz is written in in Xinjiang.

The letters follow the Xinjiang standard of the 1950s, in which every vowel has its own letter (so
no hamza marks front words): а ا, о و, ө ۅ, у ۇ, ү ۉ, ы and и ى, е and э ە; я يا, ё يو, ю يۇ. К and
г are written ق and ع next to a back vowel (а о у ы), else ك and گ. Used to give Django's own Kyrgyz catalogue
(Cyrillic, for Kyrgyzstan) its Xinjiang form, and for Kyrgyz text drafted in Cyrillic.

Placeholders (%(name)s, %s, {name}), HTML tags, entities and Latin text are left as they are.
"""

import re

BACK_VOWELS = set("аоуы")
VOWELS = set("аоуыөүиеэёюя")
LETTERS = {
    "а": "ا",
    "б": "ب",
    "в": "ۋ",
    "д": "د",
    "е": "ە",
    "ё": "يو",
    "ж": "ج",
    "з": "ز",
    "и": "ى",
    "й": "ي",
    "л": "ل",
    "м": "م",
    "н": "ن",
    "ң": "ڭ",
    "о": "و",
    "ө": "ۅ",
    "п": "پ",
    "р": "ر",
    "с": "س",
    "т": "ت",
    "у": "ۇ",
    "ү": "ۉ",
    "ф": "ف",
    "х": "ح",
    "ц": "تس",
    "ч": "چ",
    "ш": "ش",
    "щ": "شچ",
    "ъ": "",
    "ы": "ى",
    "ь": "",
    "э": "ە",
    "ю": "يۇ",
    "я": "يا",
}
PUNCTUATION = {",": "،", ";": "؛", "?": "؟"}
# What must not change: printf and format placeholders, tags, entities, addresses.
PROTECTED = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{[^{}]*\}|<[^>]*>|&\w+;|https?://\S+"
)
CYRILLIC_WORD = re.compile(r"[а-яёөүң]+", re.IGNORECASE)


def _nearest_vowel(word, index):
    """The vowel next to a letter (before it first, per the standard's rule), or the closest one in the word."""
    neighbours = [word[index - 1] if index > 0 else "", word[index + 1] if index + 1 < len(word) else ""]
    for letter in neighbours:
        if letter in VOWELS:
            return letter
    for distance in range(2, len(word)):
        for position in (index - distance, index + distance):
            if 0 <= position < len(word) and word[position] in VOWELS:
                return word[position]
    return ""


def _word(word):
    word = word.lower()
    letters = []
    for index, letter in enumerate(word):
        if letter in "кг":
            back = _nearest_vowel(word, index) in BACK_VOWELS
            letters.append(("ق" if back else "ك") if letter == "к" else ("ع" if back else "گ"))
        else:
            letters.append(LETTERS.get(letter, letter))
    return "".join(letters)


def _plain(text, punctuation):
    text = CYRILLIC_WORD.sub(lambda match: _word(match.group(0)), text)
    return "".join(PUNCTUATION.get(char, char) for char in text) if punctuation else text


def to_arabic(text):
    """Kyrgyz text in Cyrillic, written in Xinjiang Arabic script."""
    # Text without Kyrgyz words (a Latin term, a number) keeps its punctuation.
    punctuation = bool(CYRILLIC_WORD.search(PROTECTED.sub("", text)))
    parts = []
    position = 0
    for match in PROTECTED.finditer(text):
        parts.append(_plain(text[position : match.start()], punctuation))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_plain(text[position:], punctuation))
    return "".join(parts)

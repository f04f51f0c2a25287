"""The interface messages our own code marks for translation, found the way makemessages finds them.

Python files are read with `ast`; templates are first turned into Python by Django's own
`templatize` (what makemessages hands to xgettext), so `{% translate %}`, `{% blocktranslate %}`
(with context and plurals) and `_("…")` filter arguments are all seen. No gettext tools needed.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

from django.utils.translation.template import templatize

# name: (index of the context argument or None, index of the message id)
KEYWORDS = {
    "_": (None, 0),
    "gettext": (None, 0),
    "gettext_lazy": (None, 0),
    "gettext_noop": (None, 0),
    "ngettext": (None, 0),
    "ngettext_lazy": (None, 0),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1),
    "npgettext_lazy": (0, 1),
}
TEMPLATE_SUFFIXES = {".html", ".txt"}
HAN = re.compile(r"[\u3400-\u9fff]")


def _from_call(call):
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", None)
    if name not in KEYWORDS:
        return None
    context_at, msgid_at = KEYWORDS[name]
    args = call.args
    if (
        len(args) <= msgid_at
        or not isinstance(args[msgid_at], ast.Constant)
        or not isinstance(args[msgid_at].value, str)
    ):
        return None
    context = None
    if context_at is not None:
        if not isinstance(args[context_at], ast.Constant):
            return None
        context = args[context_at].value
    return (context, args[msgid_at].value)


def _calls(tree, in_fstring=False):
    """(call, whether it sits inside an f-string) for every call in the tree."""
    for node in ast.iter_child_nodes(tree):
        inside = in_fstring or isinstance(node, ast.JoinedStr)
        if isinstance(node, ast.Call):
            yield node, inside
        yield from _calls(node, inside)


def _from_python(source):
    # xgettext does not look inside f-strings, so neither does this: such a message never reaches a catalogue.
    return {found for call, in_fstring in _calls(ast.parse(source)) if not in_fstring and (found := _from_call(call))}


def hidden_in_fstrings(folder):
    """'file:line: msgid' for each message marked inside an f-string, where makemessages cannot see it."""
    hidden = []
    for path in sorted(Path(folder).rglob("*.py")):
        if any(part.startswith(".") or part == "locale" for part in path.relative_to(folder).parts):
            continue
        for call, in_fstring in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if in_fstring and (found := _from_call(call)):
                hidden.append(f"{path.relative_to(folder)}:{call.lineno}: {found[1]!r}")
    return hidden


def _from_template(source, origin):
    """templatize gives gettext calls among blanked-out text; parse each call on its own."""
    # Calls are written with repr(), one line each, so indentation can go (tokenize would trip on it).
    code = "\n".join(line.lstrip() for line in templatize(source, origin=origin).splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    lines = code.splitlines(keepends=True)
    found = set()
    for index, token in enumerate(tokens[:-1]):
        if token.type != tokenize.NAME or token.string not in KEYWORDS or tokens[index + 1].string != "(":
            continue
        depth = 0
        for end in tokens[index + 1 :]:
            depth += {"(": 1, ")": -1}.get(end.string, 0) if end.type == tokenize.OP else 0
            if depth == 0:
                break
        text = _slice(lines, token.start, end.end)
        if message := _from_call(ast.parse(text, mode="eval").body):
            found.add(message)
    return found


def _slice(lines, start, end):
    (first_row, first_col), (last_row, last_col) = start, end
    if first_row == last_row:
        return lines[first_row - 1][first_col:last_col]
    middle = lines[first_row : last_row - 1]
    return lines[first_row - 1][first_col:] + "".join(middle) + lines[last_row - 1][:last_col]


def source_messages(folder):
    """{(context, msgid): [files]} for every Python file and template under folder (locale folders aside)."""
    messages = {}
    for path in sorted(Path(folder).rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") or part in ("locale", "__pycache__") for part in relative.parts):
            continue
        if path.suffix == ".py":
            found = _from_python(path.read_text(encoding="utf-8"))
        elif path.suffix in TEMPLATE_SUFFIXES:
            found = _from_template(path.read_text(encoding="utf-8"), str(path))
        else:
            continue
        for message in found:
            messages.setdefault(message, []).append(str(relative))
    return messages


def missing_translations(folder, catalogue, english_as_is=False):
    """Messages of the sources under folder that the catalogue (a polib file) lacks or has fuzzy or empty.

    english_as_is: message ids without Chinese characters count as translated (for the English catalogue).
    """
    done = {
        (entry.msgctxt, entry.msgid)
        for entry in catalogue
        if not entry.obsolete and entry.translated() and "fuzzy" not in entry.flags
    }
    return sorted(
        f"{files[0]}: {msgid!r}" + (f" (context {context!r})" if context else "")
        for (context, msgid), files in source_messages(folder).items()
        if (context, msgid) not in done and not (english_as_is and not HAN.search(msgid))
    )

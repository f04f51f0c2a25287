"""Submitting admin forms the way a browser does: read the form from the page, change a few fields.

A browser posts every field of a form, hidden ones included (inline panel management forms,
rich text, CSRF). Reading them from the rendered page keeps the tests honest about what the admin
really asks for.
"""

import json
from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"attrs": attrs, "fields": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self._form["fields"].append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = {"name": name, "options": [], "selected": [], "multiple": "multiple" in attrs}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select["options"].append(value)
            if "selected" in attrs:
                self._select["selected"].append(value)
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            select = self._select
            values = select["selected"] or ([] if select["multiple"] else select["options"][:1])
            self._form["fields"].extend((select["name"], value) for value in values)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._form["fields"].append((self._textarea["name"], self._textarea["text"].lstrip("\n")))
            self._textarea = None


def read_form(html, *, has_field):
    """The fields of the first form on the page that has a field named `has_field`, as {name: [values]}."""
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        names = {name for name, _value in form["fields"]}
        if has_field in names:
            data = {}
            for name, value in form["fields"]:
                data.setdefault(name, []).append(value)
            data.pop("csrfmiddlewaretoken", None)
            return data
    raise AssertionError(f"no form with a field {has_field!r} on the page")


def body_text(response):
    """A response's text, JSON decoded (so Chinese is not hidden behind \\u escapes)."""
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    text = content.decode("utf-8", "replace")
    if response.get("Content-Type", "").startswith("application/json"):
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    return text

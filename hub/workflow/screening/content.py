"""What a page says and points to, read from any page type without knowing it (hub/ never imports sites/).

Text comes from the page's own text fields, rich text, StreamField blocks and inline children;
references (pages, images, documents) from Wagtail's own reference extraction, which understands
rich text and chooser blocks; links from `href`s in rich text and URL blocks.
"""

from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

PAGE_TEXT_FIELDS = ["title", "seo_title", "search_description"]
BLOCK_ELEMENTS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "blockquote"}


@dataclass
class Segment:
    label: str
    text: str


@dataclass
class Link:
    label: str
    href: str


@dataclass
class Reference:
    label: str
    model: type
    pk: str


@dataclass
class PageContent:
    segments: list = field(default_factory=list)
    links: list = field(default_factory=list)
    references: list = field(default_factory=list)
    images_without_alt: list = field(default_factory=list)  # labels


class _RichTextReader(HTMLParser):
    """Plain text, external hrefs and image embeds without alt text of one rich-text value."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hrefs, self.images_without_alt = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")
        if tag == "a" and attrs.get("href") and not attrs.get("linktype"):
            self.hrefs.append(attrs["href"])
        if tag == "embed" and attrs.get("embedtype") == "image" and not (attrs.get("alt") or "").strip():
            self.images_without_alt += 1

    def handle_endtag(self, tag):
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def _text(value):
    return " ".join(line.strip() for line in unescape(value).splitlines() if line.strip())


def _add_html(content, label, html):
    reader = _RichTextReader()
    reader.feed(html or "")
    reader.close()
    text = _text("".join(reader.parts))
    if text:
        content.segments.append(Segment(label, text))
    content.links += [Link(label, href) for href in reader.hrefs]
    content.images_without_alt += [label] * reader.images_without_alt


def _label(*parts):
    return " › ".join(str(p) for p in parts if p)


def _walk_block(content, block, value, label):
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        _add_html(content, label, value.source if isinstance(value, RichText) else str(value))
    elif isinstance(block, blocks.StructBlock):
        children = block.child_blocks
        for name, child in children.items():
            _walk_block(content, child, value.get(name), _label(label, child.label))
        image_names = [n for n, c in children.items() if c.__class__.__name__ == "ImageChooserBlock"]
        alt_names = [n for n in children if n in ("alt", "alt_text")]
        if image_names and alt_names and value.get(image_names[0]) and not (value.get(alt_names[0]) or "").strip():
            content.images_without_alt.append(label)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _walk_block(content, block.child_block, item, label)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _walk_block(content, child.block, child.value, _label(label, child.block.label))
    elif isinstance(block, blocks.URLBlock):
        if value:
            content.links.append(Link(label, str(value)))
    elif block.__class__.__name__ == "TableBlock" and isinstance(value, dict):
        cells = [cell for row in value.get("data") or [] for cell in row or [] if isinstance(cell, str)]
        if value.get("table_caption"):
            cells.insert(0, value["table_caption"])
        text = _text(" ".join(cells))
        if text:
            content.segments.append(Segment(label, text))
    elif isinstance(value, str) and isinstance(block, blocks.FieldBlock):
        text = _text(value)
        if text:
            content.segments.append(Segment(label, text))


def _is_text_field(f):
    return (
        isinstance(f, (models.CharField, models.TextField))
        and not isinstance(f, (models.URLField, models.EmailField, models.SlugField))
        and not f.choices
        and f.editable
    )


def _read_object_fields(content, obj, prefix, own_fields):
    for f in own_fields:
        value = f.value_from_object(obj)
        if value in (None, ""):
            continue
        label = _label(prefix, f.verbose_name)
        if isinstance(f, StreamField):
            _walk_block(content, f.stream_block, value, label)
        elif isinstance(f, RichTextField):
            _add_html(content, label, value)
        elif _is_text_field(f):
            text = _text(str(value))
            if text:
                content.segments.append(Segment(label, text))
        elif isinstance(f, models.URLField):
            content.links.append(Link(label, value))


def _references(content, obj, fields, prefix):
    for f in fields:
        if hasattr(f, "extract_references"):
            value = f.value_from_object(obj)
            if value is None:
                continue
            for model, pk, _model_path, _content_path in f.extract_references(value):
                content.references.append(Reference(_label(prefix, f.verbose_name), model, str(pk)))
        elif f.many_to_one and f.concrete and not f.name.endswith("_ptr"):
            pk = f.value_from_object(obj)
            if pk is not None and f.related_model is not None:
                content.references.append(Reference(_label(prefix, f.verbose_name), f.related_model, str(pk)))


def _own_fields(model, exclude_base):
    """Concrete fields a page type (or inline child) adds itself, not Wagtail's bookkeeping."""
    return [f for f in model._meta.concrete_fields if not (exclude_base and f.model is Page)]


def extract(page):
    """Everything the checks look at on one page instance (typically a revision's `as_object()`)."""
    content = PageContent()
    for name in PAGE_TEXT_FIELDS:
        value = getattr(page, name, "")
        if value:
            content.segments.append(Segment(str(Page._meta.get_field(name).verbose_name), _text(value)))
    own = _own_fields(type(page), exclude_base=True)
    _read_object_fields(content, page, "", own)
    _references(content, page, own, "")
    for relation in get_all_child_relations(page):
        accessor = relation.get_accessor_name()
        child_model = relation.related_model
        fields = [f for f in _own_fields(child_model, exclude_base=False) if f.name not in ("id", "sort_order")]
        fields = [f for f in fields if not isinstance(f, ParentalKey)]
        for index, child in enumerate(getattr(page, accessor).all(), start=1):
            prefix = f"{child_model._meta.verbose_name} {index}"
            _read_object_fields(content, child, prefix, fields)
            _references(content, child, fields, prefix)
    return content

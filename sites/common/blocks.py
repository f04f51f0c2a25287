"""The small shared set of StreamField blocks every page type uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "common/blocks/heading_block.html"
        label = _("Heading")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)
    alt_text = blocks.CharBlock(
        label=_("alternative text"), required=False, help_text=_("What the image shows, for screen readers.")
    )

    class Meta:
        icon = "image"
        template = "common/blocks/image_block.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    source = blocks.CharBlock(label=_("source"), required=False)

    class Meta:
        icon = "openquote"
        template = "common/blocks/quote_block.html"
        label = _("Quote")


class AttachmentListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(DocumentChooserBlock(label=_("document")), **kwargs)

    class Meta:
        icon = "doc-full"
        template = "common/blocks/attachment_list_block.html"
        label = _("Attachments")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="common/blocks/table_block.html")
    attachments = AttachmentListBlock()

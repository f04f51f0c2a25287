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
        label = _("小标题")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("段落")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("图片"))
    caption = blocks.CharBlock(label=_("图片说明"), required=False)
    alt_text = blocks.CharBlock(label=_("替代文字"), required=False, help_text=_("图片所示内容，供读屏软件使用。"))

    class Meta:
        icon = "image"
        template = "common/blocks/image_block.html"
        label = _("图片")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("引文"))
    source = blocks.CharBlock(label=_("出处"), required=False)

    class Meta:
        icon = "openquote"
        template = "common/blocks/quote_block.html"
        label = _("引文")


class AttachmentListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(DocumentChooserBlock(label=_("文档")), **kwargs)

    class Meta:
        icon = "doc-full"
        template = "common/blocks/attachment_list_block.html"
        label = _("附件")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("表格"), template="common/blocks/table_block.html")
    attachments = AttachmentListBlock()

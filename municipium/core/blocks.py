"""Content blocks shared by every page type that has a body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        preview_value = {"text": "Heading", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        preview_value = {"text": "A city is its people.", "attribution": "A resident"}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, label=_("Title (the document's title if empty)"))

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="components/blocks/paragraph.html",
        preview_value="<p>Text</p>",
        icon="pilcrow",
    )
    image = ImageBlock(label=_("Image"), template="components/blocks/image.html")
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="components/blocks/table.html")
    document = DocumentBlock()
    embed = EmbedBlock(label=_("Embedded media"), template="components/blocks/embed.html")

    class Meta:
        label = _("Body")

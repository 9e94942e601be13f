"""Content blocks editors use for the words on portal pages."""

from wagtail import blocks


class InsetTextBlock(blocks.RichTextBlock):
    """A GOV.UK inset text: a short piece of text set apart, such as advice about browsers."""

    class Meta:
        icon = "openquote"
        label = "Inset text"
        template = "pages/blocks/inset_text_block.html"
        description = "A short piece of text set apart from the rest, such as a tip or a warning."
        preview_value = "Codes are sent by email each time you sign in."


class ContentStreamBlock(blocks.StreamBlock):
    """The body of a portal page: headings, paragraphs and inset text."""

    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        template="pages/blocks/heading_block.html",
        label="Heading",
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        template="pages/blocks/paragraph_block.html",
        label="Paragraph",
    )
    inset = InsetTextBlock(features=["bold", "link"])

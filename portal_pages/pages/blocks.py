"""Content blocks editors use for the words on portal pages."""

from wagtail import blocks


class HeadingBlock(blocks.CharBlock):
    """A section heading; pages with three or more list them in a contents list."""

    class Meta:
        icon = "title"
        label = "Heading"
        form_classname = "title"
        template = "pages/blocks/heading_block.html"
        description = "A heading that starts a new section of the page."
        preview_value = "Before you start"


class ParagraphBlock(blocks.RichTextBlock):
    """Paragraphs of text with bold, italic, links and lists."""

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        template = "pages/blocks/paragraph_block.html"
        description = "Paragraphs of text, with links and bulleted or numbered lists."
        preview_value = (
            "<p>Use your work email address to register. The SEND team checks every "
            "registration before you can sign in.</p>"
        )


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

    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=["bold", "italic", "link", "ol", "ul"])
    inset = InsetTextBlock(features=["bold", "link"])

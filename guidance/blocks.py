"""The blocks of a guidance page's body: the page blocks plus what council guidance needs
(warnings, numbered steps, expandable details, images, documents and contact details)."""

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from portal_pages.pages.blocks import ContentStreamBlock

STEP_FEATURES = ["bold", "italic", "link"]


class WarningTextBlock(blocks.TextBlock):
    """GOV.UK warning text: something people must not miss, such as a legal consequence."""

    class Meta:
        icon = "warning"
        label = "Warning text"
        template = "guidance/blocks/warning_text_block.html"
        description = "A bold warning with an exclamation mark, for something people must not miss."
        preview_value = "Do not use a personal email address: your registration will be refused."


class NumberedStepsBlock(blocks.StructBlock):
    """Steps to follow in order, drawn as a GOV.UK numbered list."""

    steps = blocks.ListBlock(blocks.RichTextBlock(features=STEP_FEATURES), min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Numbered steps"
        template = "guidance/blocks/numbered_steps_block.html"
        description = "Steps someone follows in order, numbered 1, 2, 3."
        preview_value = {
            "steps": [
                "<p>Open the email and select the link.</p>",
                "<p>Select <b>Confirm my email address</b>.</p>",
                "<p>Wait for the SEND team to approve your registration.</p>",
            ]
        }


class DetailsBlock(blocks.StructBlock):
    """A GOV.UK details component: a short summary that opens to more, for help only some
    readers need."""

    summary = blocks.CharBlock(help_text="The link text, e.g. 'Help with junk mail filters'.")
    content = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "arrow-down"
        label = "Details (expandable)"
        template = "guidance/blocks/details_block.html"
        description = "A link that opens to show more, for help only some readers need."
        preview_value = {
            "summary": "The email has not arrived",
            "content": "<p>Check your junk or spam folder, then ask for the link again.</p>",
        }


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen readers announce and an optional caption."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="What the image shows, for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "guidance/blocks/image_block.html"
        description = "An image, such as a screenshot, with alternative text and a caption."

    def get_preview_value(self):
        return {
            "image": get_image_model().objects.order_by("-id").first(),
            "alt_text": "The task list of a form, with two steps completed",
            "caption": "The task list shows how far you have got.",
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a Word or PDF document the council already has, with its type and size."""

    document = DocumentChooserBlock()
    link_text = blocks.CharBlock(
        required=False, help_text="Leave empty to use the document's title."
    )

    class Meta:
        icon = "doc-full"
        label = "Document link"
        template = "guidance/blocks/document_link_block.html"
        description = "A link to download a Word or PDF document."

    def get_preview_value(self):
        return {
            "document": get_document_model().objects.order_by("-id").first(),
            "link_text": "",
        }


class ContactDetailsBlock(blocks.StaticBlock):
    """The SEND team's email, telephone and opening hours from the portal settings, so they
    are changed in one place."""

    class Meta:
        icon = "mail"
        label = "SEND team contact details"
        template = "guidance/blocks/contact_details_block.html"
        admin_text = "Shows the SEND team's contact details from the portal settings."
        description = "The SEND team's email address, telephone and opening hours."


class GuidanceStreamBlock(ContentStreamBlock):
    """The body of a guidance page."""

    warning = WarningTextBlock()
    numbered_steps = NumberedStepsBlock()
    details = DetailsBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    contact_details = ContactDetailsBlock()

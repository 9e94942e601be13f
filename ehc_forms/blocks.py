"""The blocks a form definition is made of: a stream of steps, each holding a stream of
field blocks that the field-type registry supplies."""

from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from ehc_forms.definition import definition_errors

# Importing the built-in types registers them before the blocks are first built.
from ehc_forms.field_types import ShowIfBlock
from ehc_forms.registry import field_types


class StepBlock(blocks.StructBlock):
    """One step of a form: a page of questions with its own line on the task list."""

    title = blocks.CharBlock(max_length=200)
    intro = blocks.TextBlock(required=False, help_text="Optional words under the step's title.")
    show_if = ShowIfBlock(
        required=False,
        help_text="The step shows as 'Cannot start yet' until that answer is given.",
    )

    class Meta:
        icon = "list-ol"
        label = "Step"
        description = "A page of questions with its own status on the task list."


class StepsBlock(blocks.StreamBlock):
    """The steps of a form. The field blocks come from the registry when the block is first
    built, so types other apps register through the hook are offered too."""

    def __init__(self, **kwargs):
        fields = blocks.StreamBlock(field_types.blocks(), label="Questions")
        super().__init__([("step", StepBlock([("fields", fields)]))], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        errors = definition_errors(value)
        if errors:
            raise StreamBlockValidationError(non_block_errors=ErrorList(errors))
        return value

    class Meta:
        label = "Steps"

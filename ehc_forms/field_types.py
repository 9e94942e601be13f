"""The built-in field types: each class is everything the portal knows about one kind of
question (its editor block, Django form field, summary text, data guidance and schema)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from ehc_forms.registry import (
    EMPTY_VALUES,
    FieldType,
    bind_answers,
    field_types,
    form_for_fields,
    read_answers,
)
from portal_pages.accounts.validators import validate_uk_phone
from portal_site.forms import GovukDateInput, date_from_parts

KEY_HELP = (
    "A short name for this answer in exports, data guidance and the API: lower-case letters, "
    "numbers and underscores, starting with a letter. It must be unique in the form."
)


class ShowIfBlock(blocks.StructBlock):
    """A rule that shows a field or step only when an earlier answer has a given value."""

    key = blocks.CharBlock(
        required=False,
        label="Only show when the answer to the field with key",
        help_text="Leave empty to always show.",
    )
    value = blocks.CharBlock(
        required=False,
        label="is",
        help_text="For yes/no questions use yes or no; for lookups use the option's code.",
    )

    class Meta:
        label = "Conditional display"
        icon = "cogs"
        collapsed = True


class FieldBlock(blocks.StructBlock):
    """What every question has: its words, its key and whether it must be answered."""

    label = blocks.CharBlock(max_length=500, help_text="The question, as the user reads it.")
    key = blocks.RegexBlock(
        regex=r"^[a-z][a-z0-9_]*$",
        max_length=60,
        help_text=KEY_HELP,
        error_messages={"invalid": "Use lower-case letters, numbers and underscores only."},
    )
    hint = blocks.TextBlock(required=False, help_text="Optional help shown under the question.")
    required = blocks.BooleanBlock(required=False, default=True)
    show_if = ShowIfBlock(required=False)

    class Meta:
        icon = "form"


class ShortTextBlock(FieldBlock):
    """A one-line answer such as a name or a reference."""

    max_length = blocks.IntegerBlock(default=200, min_value=1, max_value=1000)

    class Meta:
        label = "Short text"
        icon = "pilcrow"
        description = "A one-line answer, such as a name or reference."


class MemoBlock(FieldBlock):
    """A long answer in paragraphs, with a character count."""

    max_chars = blocks.IntegerBlock(default=4000, min_value=1, max_value=20000)

    class Meta:
        label = "Memo"
        icon = "doc-full"
        description = "A long answer in paragraphs, with a character count."


class LookupBlock(FieldBlock):
    """One choice from a lookup list that several forms share."""

    lookup = SnippetChooserBlock("ehc_forms.LookupList")

    class Meta:
        label = "Lookup"
        icon = "list-ul"
        description = "One choice from a shared lookup list, such as primary need."


class MultipleChoiceBlock(FieldBlock):
    """Any number of choices from options written into the question."""

    options = blocks.TextBlock(help_text="One option per line.")

    class Meta:
        label = "Multiple choice"
        icon = "tasks"
        description = "Tick all that apply."


class DateBlock(FieldBlock):
    """A date in three boxes: day, month, year."""

    past_only = blocks.BooleanBlock(
        required=False, default=False, help_text="The date must be today or earlier."
    )

    class Meta:
        label = "Date"
        icon = "date"
        description = "A date entered as day, month and year."


class YesNoBlock(FieldBlock):
    """A yes or no question, asked with two radios."""

    class Meta:
        label = "Yes or no"
        icon = "radio-full"
        description = "Two radios: yes and no."


class NumberBlock(FieldBlock):
    """A whole number, optionally between limits."""

    min_value = blocks.IntegerBlock(required=False)
    max_value = blocks.IntegerBlock(required=False)

    class Meta:
        label = "Number"
        icon = "plus"
        description = "A whole number, optionally between limits."


class EmailBlock(FieldBlock):
    """An email address."""

    class Meta:
        label = "Email address"
        icon = "mail"


class PhoneBlock(FieldBlock):
    """A UK phone number."""

    class Meta:
        label = "UK phone number"
        icon = "mobile-alt"


class GuidanceTextBlock(blocks.StructBlock):
    """Words shown between questions; there is no answer."""

    text = blocks.RichTextBlock(features=["bold", "link", "ul", "ol"])
    show_if = ShowIfBlock(required=False)

    class Meta:
        label = "Guidance text"
        icon = "help"
        description = "Explanation shown between questions; nothing is answered."


class RepeatingGroupBlock(FieldBlock):
    """A set of questions answered once per item, such as each professional involved."""

    item_name = blocks.CharBlock(
        default="item", help_text="What one item is called, for example: professional."
    )
    max_count = blocks.IntegerBlock(default=10, min_value=1, max_value=50)

    class Meta:
        label = "Repeating group"
        icon = "list-ol"
        description = "Questions answered once per item, with add and remove."


def grouped(number):
    """4000 as "4,000", as data guidance writes limits."""
    return f"{number:,}"


@field_types.register
class ShortTextType(FieldType):
    """A single line of text with a maximum length."""

    name = "short_text"
    type_name = "Short text"
    block_class = ShortTextBlock

    def form_field(self, spec):
        return forms.CharField(
            required=spec["required"],
            max_length=spec["max_length"],
            error_messages=self.error_messages(spec),
        )

    def guidance(self, spec):
        return f"{self.type_name}, up to {grouped(spec['max_length'])} characters"

    def json_schema(self, spec):
        return {"type": "string", "maxLength": spec["max_length"]}


@field_types.register
class MemoType(FieldType):
    """Paragraphs of text with a maximum number of characters and a GOV.UK character count."""

    name = "memo"
    type_name = "Memo"
    block_class = MemoBlock
    template = "ehc_forms/fields/memo.html"

    def form_field(self, spec):
        return forms.CharField(
            required=spec["required"],
            max_length=spec["max_chars"],
            error_messages=self.error_messages(
                spec, max_length=f"Answer must be {grouped(spec['max_chars'])} characters or fewer"
            ),
        )

    def guidance(self, spec):
        return f"{self.type_name}, up to {grouped(spec['max_chars'])} characters"

    def json_schema(self, spec):
        return {"type": "string", "maxLength": spec["max_chars"]}


class OptionsFieldType(FieldType):
    """A type answered from a fixed list of (value, label) options."""

    def options(self, spec):
        raise NotImplementedError

    def render_context(self, spec, *, name, value, show_errors):
        return {"options": self.options(spec)}

    def label_of(self, spec, value):
        return dict(self.options(spec)).get(value, value)


@field_types.register
class LookupType(OptionsFieldType):
    """One option from a shared LookupList snippet; the answer is the option's code."""

    name = "lookup"
    type_name = "Lookup"
    required_message = "Select an option for “{label}”"
    block_class = LookupBlock
    template = "ehc_forms/fields/select.html"

    def options(self, spec):
        lookup = spec.get("lookup")
        return [(option.code, option.label) for option in lookup.options.all()] if lookup else []

    def form_field(self, spec):
        return forms.ChoiceField(
            required=spec["required"],
            choices=[("", "Choose an option"), *self.options(spec)],
            error_messages=self.error_messages(
                spec, invalid_choice="Choose one of the options in the list"
            ),
        )

    def display(self, spec, answer):
        return "" if self.is_empty(answer) else self.label_of(spec, answer)

    def guidance(self, spec):
        values = "; ".join(f"{code} = {label}" for code, label in self.options(spec))
        return f"{self.type_name} from the list '{spec['lookup']}': {values}"

    def json_schema(self, spec):
        return {"type": "string", "enum": [code for code, _ in self.options(spec)]}

    def prefetch(self, specs):
        lookups = [spec["lookup"] for spec in specs if spec.get("lookup")]
        prefetch_related_objects(lookups, "options")

    def check_definition(self, spec):
        return [] if spec.get("lookup") else ["Choose the lookup list."]


@field_types.register
class MultipleChoiceType(OptionsFieldType):
    """Any number of the options typed into the block, as GOV.UK checkboxes."""

    name = "multiple_choice"
    type_name = "Multiple choice"
    required_message = "Select at least one option for “{label}”"
    block_class = MultipleChoiceBlock
    template = "ehc_forms/fields/choices.html"

    def options(self, spec):
        lines = [line.strip() for line in (spec.get("options") or "").splitlines()]
        return [(line, line) for line in lines if line]

    def form_field(self, spec):
        return forms.MultipleChoiceField(
            required=spec["required"],
            choices=self.options(spec),
            widget=forms.CheckboxSelectMultiple,
            error_messages=self.error_messages(
                spec, invalid_choice="Select only options from the list"
            ),
        )

    def render_context(self, spec, *, name, value, show_errors):
        return {"options": self.options(spec), "kind": "checkboxes", "input_type": "checkbox"}

    def bind(self, spec, answer, name):
        return [(name, value) for value in answer or []]

    def display(self, spec, answer):
        return ", ".join(answer or [])

    def matches(self, spec, answer, expected):
        return expected.strip().lower() in {value.lower() for value in answer or []}

    def guidance(self, spec):
        return f"{self.type_name}, any of: " + "; ".join(label for _, label in self.options(spec))

    def json_schema(self, spec):
        return {
            "type": "array",
            "items": {"type": "string", "enum": [value for value, _ in self.options(spec)]},
            "uniqueItems": True,
        }


class GovukDateField(forms.Field):
    """Validates a day, month and year dict with the GOV.UK date input's error messages."""

    widget = GovukDateInput(separator="-", first_box_takes_id=True)

    def __init__(self, *, past_only=False, **kwargs):
        self.past_only = past_only
        super().__init__(**kwargs)

    def to_python(self, value):
        # A year under 1000 is a typing slip (26 for 2026), not a date anyone means.
        return date_from_parts(self.widget.split(value), "Date", earliest_year=1000)

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if value and self.past_only and value > datetime.date.today():
            raise ValidationError("Date must be today or in the past")


@field_types.register
class DateType(FieldType):
    """A date in GOV.UK's day, month and year boxes; stored as typed until it is complete."""

    name = "date"
    type_name = "Date"
    required_message = "Enter the date for “{label}”"
    block_class = DateBlock
    template = "ehc_forms/fields/date.html"

    def form_field(self, spec):
        return GovukDateField(
            required=spec["required"],
            past_only=spec.get("past_only", False),
            error_messages=self.error_messages(spec),
        )

    def render_context(self, spec, *, name, value, show_errors):
        return {"boxes": GovukDateField.widget.boxes(name, name, value)}

    def bind(self, spec, answer, name):
        return [(f"{name}-{part}", value) for part, value in (answer or {}).items()]

    def is_empty(self, answer):
        return not any(str(value).strip() for value in (answer or {}).values())

    def display(self, spec, answer):
        if self.is_empty(answer):
            return ""
        try:
            date = GovukDateField().to_python(answer)
        except ValidationError:
            return " / ".join(str(answer.get(part, "")) for part in GovukDateInput.parts)
        return f"{date.day} {date:%B %Y}"

    def guidance(self, spec):
        limit = ", today or earlier" if spec.get("past_only") else ""
        return f"{self.type_name} (DD/MM/YYYY){limit}"

    def json_schema(self, spec):
        return {"type": "string", "format": "date"}


@field_types.register
class YesNoType(OptionsFieldType):
    """Yes or no as two radios: never a single box that must be ticked."""

    name = "yes_no"
    type_name = "Yes or no"
    required_message = "Select yes or no for “{label}”"
    block_class = YesNoBlock
    template = "ehc_forms/fields/choices.html"

    def options(self, spec):
        return [("yes", "Yes"), ("no", "No")]

    def render_context(self, spec, *, name, value, show_errors):
        return {
            "options": self.options(spec),
            "kind": "radios",
            "input_type": "radio",
            "inline": True,
        }

    def form_field(self, spec):
        return forms.ChoiceField(
            required=spec["required"],
            choices=self.options(spec),
            widget=forms.RadioSelect,
            error_messages=self.error_messages(spec, invalid_choice="Select yes or no"),
        )

    def display(self, spec, answer):
        return "" if self.is_empty(answer) else self.label_of(spec, answer)

    def json_schema(self, spec):
        return {"type": "string", "enum": ["yes", "no"]}


@field_types.register
class NumberType(FieldType):
    """A whole number between optional limits, typed into a numeric text box."""

    name = "number"
    type_name = "Number"
    block_class = NumberBlock

    def form_field(self, spec):
        return forms.IntegerField(
            required=spec["required"],
            min_value=spec.get("min_value"),
            max_value=spec.get("max_value"),
            error_messages=self.error_messages(spec, invalid="Enter a whole number, like 12"),
        )

    def render_context(self, spec, *, name, value, show_errors):
        return {"input_class": "govuk-input--width-5", "inputmode": "numeric"}

    def guidance(self, spec):
        low, high = spec.get("min_value"), spec.get("max_value")
        if low is not None and high is not None:
            return f"{self.type_name}, a whole number from {low} to {high}"
        if low is not None:
            return f"{self.type_name}, a whole number of at least {low}"
        if high is not None:
            return f"{self.type_name}, a whole number of at most {high}"
        return f"{self.type_name}, a whole number"

    def json_schema(self, spec):
        schema = {"type": "integer"}
        if spec.get("min_value") is not None:
            schema["minimum"] = spec["min_value"]
        if spec.get("max_value") is not None:
            schema["maximum"] = spec["max_value"]
        return schema


@field_types.register
class EmailType(FieldType):
    """An email address."""

    name = "email"
    type_name = "Email address"
    block_class = EmailBlock

    def form_field(self, spec):
        return forms.EmailField(
            required=spec["required"],
            error_messages=self.error_messages(
                spec, invalid="Enter an email address in the correct format, like name@example.com"
            ),
        )

    def render_context(self, spec, *, name, value, show_errors):
        return {"input_type": "email", "autocomplete": "email"}

    def json_schema(self, spec):
        return {"type": "string", "format": "email"}


@field_types.register
class PhoneType(FieldType):
    """A UK landline or mobile number, checked with the phonenumbers library."""

    name = "phone"
    type_name = "UK phone number"
    block_class = PhoneBlock

    def form_field(self, spec):
        return forms.CharField(
            required=spec["required"],
            max_length=20,
            validators=[validate_uk_phone],
            error_messages=self.error_messages(spec),
        )

    def render_context(self, spec, *, name, value, show_errors):
        return {"input_type": "tel", "autocomplete": "tel", "input_class": "govuk-input--width-20"}

    def json_schema(self, spec):
        return {"type": "string", "pattern": r"^[0-9 +()-]{10,20}$"}


@field_types.register
class GuidanceTextType(FieldType):
    """Words between questions. It has no key and no answer."""

    name = "guidance_text"
    type_name = "Guidance text"
    block_class = GuidanceTextBlock
    template = "ehc_forms/fields/guidance_text.html"
    has_answer = False

    def guidance(self, spec):
        return f"{self.type_name} (no answer is stored)"

    def json_schema(self, spec):
        return None

    def schema_fragment(self, spec):
        return None


class RepeatingGroupWidget(forms.Widget):
    """Reads rows named name-0-subkey, name-1-subkey... up to the hidden row count."""

    def __init__(self, sub_fields, max_rows):
        super().__init__()
        self.sub_fields = sub_fields
        self.max_rows = max_rows

    def value_from_datadict(self, data, files, name):
        try:
            count = int(data.get(f"{name}-rows", 0))
        except (TypeError, ValueError):
            count = 0
        # A tampered count must not make the server read thousands of rows.
        count = max(0, min(count, self.max_rows))
        return [read_answers(self.sub_fields, data, f"{name}-{index}-") for index in range(count)]


class RepeatingGroupField(forms.Field):
    """Validates every row with its own sub-form and the group's maximum count."""

    def __init__(self, *, group, spec, **kwargs):
        self.group = group
        self.spec = spec
        # One row over the maximum is read so that exceeding it is reported, not hidden.
        kwargs["widget"] = RepeatingGroupWidget(spec["fields"], spec["max_count"] + 1)
        super().__init__(**kwargs)

    def to_python(self, value):
        return [row for row in value or [] if not self.group.row_is_empty(self.spec, row)]

    def validate(self, rows):
        item = self.spec["item_name"]
        if not rows and self.required:
            raise ValidationError(f"Add at least one {item}", code="required")
        if len(rows) > self.spec["max_count"]:
            raise ValidationError(f"You can add up to {self.spec['max_count']} of {item}")
        if any(self.group.row_errors(self.spec, row) for row in rows):
            raise ValidationError(f"Check the details of each {item}")


@field_types.register
class RepeatingGroupType(FieldType):
    """Sub-questions answered once per item, with add and remove, up to a maximum count.

    The answer is a list of dicts keyed by the sub-fields' keys."""

    name = "repeating_group"
    type_name = "Repeating group"
    block_class = RepeatingGroupBlock
    template = "ehc_forms/fields/repeating_group.html"
    allowed_in_group = False

    def block(self, registry):
        # The sub-fields are every other registered type, so the block is built per registry.
        fields = blocks.StreamBlock(registry.blocks(in_group=True), label="Questions for each item")
        return self.block_class([("fields", fields)])

    def form_field(self, spec):
        return RepeatingGroupField(group=self, spec=spec, required=spec["required"])

    def row_is_empty(self, spec, row):
        return all(
            sub.type.is_empty(row.get(sub.key)) for sub in spec["fields"] if sub.type.has_answer
        )

    def row_errors(self, spec, row):
        return form_for_fields(spec["fields"], bind_answers(spec["fields"], row)).errors

    def bind(self, spec, answer, name):
        pairs = [(f"{name}-rows", len(answer or []))]
        for index, row in enumerate(answer or []):
            data = bind_answers(spec["fields"], row, f"{name}-{index}-")
            pairs += [(key, value) for key, values in data.lists() for value in values]
        return pairs

    def is_empty(self, answer):
        return answer in EMPTY_VALUES

    def matches(self, spec, answer, expected):
        return False

    def apply_action(self, spec, answer, action):
        """ "add" appends an empty row (up to the maximum); "remove-N" takes row N out."""
        rows = list(answer or [])
        if action == "add" and len(rows) < spec["max_count"]:
            rows.append({})
        elif action.startswith("remove-") and action[len("remove-") :].isdigit():
            index = int(action[len("remove-") :])
            if index < len(rows):
                rows.pop(index)
        return rows

    def display(self, spec, answer):
        items = []
        for index, row in enumerate(answer or [], start=1):
            parts = [
                f"{sub.spec['label']}: {sub.type.display(sub.spec, row.get(sub.key))}"
                for sub in spec["fields"]
                if sub.type.has_answer and not sub.type.is_empty(row.get(sub.key))
            ]
            if parts:
                items.append(f"{spec['item_name'].capitalize()} {index}: " + "; ".join(parts))
        return "\n".join(items)

    def guidance(self, spec):
        subs = "; ".join(
            f"{sub.key}: {sub.type.guidance(sub.spec)}"
            for sub in spec["fields"]
            if sub.type.has_answer
        )
        return (
            f"{self.type_name}, up to {spec['max_count']} of {spec['item_name']}, each with {subs}"
        )

    def json_schema(self, spec):
        return {
            "type": "array",
            "maxItems": spec["max_count"],
            "items": {
                "type": "object",
                "properties": {
                    sub.key: sub.type.schema_fragment(sub.spec)
                    for sub in spec["fields"]
                    if sub.type.has_answer
                },
            },
        }

    def check_definition(self, spec):
        keys = [sub.key for sub in spec["fields"] if sub.key]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        return [f"Keys used twice in this group: {', '.join(repeated)}"] if repeated else []

    def render_context(self, spec, *, name, value, show_errors):
        rows = []
        for index, row in enumerate(value or []):
            errors = self.row_errors(spec, row) if show_errors else {}
            if self.row_is_empty(spec, row):
                errors = {}
            rows.append(
                {
                    "number": index + 1,
                    "index": index,
                    "fields": [
                        sub.type.render(
                            sub.spec,
                            name=f"{name}-{index}-{sub.key}" if sub.key else "",
                            value=row.get(sub.key),
                            errors=errors.get(sub.key, []),
                        )
                        for sub in spec["fields"]
                    ],
                }
            )
        return {"rows": rows, "can_add": len(rows) < spec["max_count"], "row_count": len(rows)}

"""The built-in field types: each class is everything the portal knows about one kind of
question (its editor block's options, Django form field and GOV.UK widget, summary text,
export, data guidance and schema)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from ehc_forms import file_kinds
from ehc_forms.registry import (
    EMPTY_VALUES,
    FieldType,
    ShowIfBlock,
    bind_answers,
    export_answers,
    field_types,
    form_for_fields,
    read_answers,
    show_if_attrs,
)
from portal_pages.accounts.validators import validate_uk_phone
from portal_pages.govuk import widgets as govuk
from portal_pages.govuk.dates import PARTS, date_from_parts
from portal_pages.govuk.fields import DateField


def grouped(number):
    """4000 as "4,000", as data guidance writes limits."""
    return f"{number:,}"


@field_types.register
class ShortTextType(FieldType):
    """A single line of text with a maximum length."""

    name = "short_text"
    type_name = "Short text"
    icon = "pilcrow"
    description = "A one-line answer, such as a name or reference."

    def option_blocks(self, registry):
        return [("max_length", blocks.IntegerBlock(default=200, min_value=1, max_value=1000))]

    def form_field(self, spec):
        return forms.CharField(
            required=spec["required"],
            max_length=spec["max_length"],
            widget=govuk.TextInput,
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
    icon = "doc-full"
    description = "A long answer in paragraphs, with a character count."

    def option_blocks(self, registry):
        return [("max_chars", blocks.IntegerBlock(default=4000, min_value=1, max_value=20000))]

    def form_field(self, spec):
        return forms.CharField(
            required=spec["required"],
            max_length=spec["max_chars"],
            widget=govuk.CharacterCountTextarea(spec["max_chars"]),
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

    def schema_condition(self, spec, expected):
        # Rules compare answers without regard to case; the schema needs the option's value.
        values = {value.lower(): value for value, _ in self.options(spec)}
        return {"const": values.get(expected.strip().lower(), expected.strip())}

    def label_of(self, spec, value):
        return dict(self.options(spec)).get(value, value)


@field_types.register
class LookupType(OptionsFieldType):
    """One option from a shared LookupList snippet; the answer is the option's code."""

    name = "lookup"
    type_name = "Lookup"
    required_message = "Select an option for “{label}”"
    icon = "list-ul"
    description = "One choice from a shared lookup list, such as primary need."

    def option_blocks(self, registry):
        return [("lookup", SnippetChooserBlock("ehc_forms.LookupList"))]

    def options(self, spec):
        lookup = spec.get("lookup")
        return [(option.code, option.label) for option in lookup.options.all()] if lookup else []

    def form_field(self, spec):
        return forms.ChoiceField(
            required=spec["required"],
            choices=[("", "Choose an option"), *self.options(spec)],
            widget=govuk.Select,
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
    icon = "tasks"
    description = "Tick all that apply."

    def option_blocks(self, registry):
        return [("options", blocks.TextBlock(help_text="One option per line."))]

    def options(self, spec):
        lines = [line.strip() for line in (spec.get("options") or "").splitlines()]
        return [(line, line) for line in lines if line]

    def form_field(self, spec):
        return forms.MultipleChoiceField(
            required=spec["required"],
            choices=self.options(spec),
            widget=govuk.Checkboxes,
            error_messages=self.error_messages(
                spec, invalid_choice="Select only options from the list"
            ),
        )

    def bind(self, spec, answer, name):
        return [(name, value) for value in answer or []]

    def display(self, spec, answer):
        return ", ".join(answer or [])

    def export(self, spec, answer):
        return list(answer) if answer else None

    def schema_condition(self, spec, expected):
        return {"contains": super().schema_condition(spec, expected)}

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


@field_types.register
class DateType(FieldType):
    """A date in GOV.UK's day, month and year boxes; stored as typed until it is complete."""

    name = "date"
    type_name = "Date"
    required_message = "Enter the date for “{label}”"
    icon = "date"
    description = "A date entered as day, month and year."

    def option_blocks(self, registry):
        past_only = blocks.BooleanBlock(
            required=False, default=False, help_text="The date must be today or earlier."
        )
        return [("past_only", past_only)]

    def form_field(self, spec):
        return DateField(
            required=spec["required"],
            past_only=spec.get("past_only", False),
            error_messages=self.error_messages(spec),
        )

    def as_date(self, answer):
        """The stored parts as a date, or None while they are empty or not a real date."""
        try:
            return date_from_parts(answer, "Date", earliest_year=1000)
        except ValidationError:
            return None

    def bind(self, spec, answer, name):
        return [(f"{name}-{part}", value) for part, value in (answer or {}).items()]

    def is_empty(self, answer):
        return not any(str(value).strip() for value in (answer or {}).values())

    def display(self, spec, answer):
        if self.is_empty(answer):
            return ""
        date = self.as_date(answer)
        if date is None:
            return " / ".join(str(answer.get(part, "")) for part in PARTS)
        return f"{date.day} {date:%B %Y}"

    def export(self, spec, answer):
        date = self.as_date(answer)
        return date.isoformat() if date else None

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
    icon = "radio-full"
    description = "Two radios: yes and no."

    def options(self, spec):
        return [("yes", "Yes"), ("no", "No")]

    def form_field(self, spec):
        return forms.ChoiceField(
            required=spec["required"],
            choices=self.options(spec),
            widget=govuk.Radios(inline=True),
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
    icon = "plus"
    description = "A whole number, optionally between limits."

    def option_blocks(self, registry):
        return [
            ("min_value", blocks.IntegerBlock(required=False)),
            ("max_value", blocks.IntegerBlock(required=False)),
        ]

    def form_field(self, spec):
        return forms.IntegerField(
            required=spec["required"],
            min_value=spec.get("min_value"),
            max_value=spec.get("max_value"),
            widget=govuk.TextInput({"class": "govuk-input--width-5", "inputmode": "numeric"}),
            error_messages=self.error_messages(spec, invalid="Enter a whole number, like 12"),
        )

    def export(self, spec, answer):
        # Stored as typed; only a whole number is an answer the schema describes.
        try:
            return int(str(answer).strip())
        except ValueError:
            return None

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
    icon = "mail"
    description = "An email address."

    def form_field(self, spec):
        return forms.EmailField(
            required=spec["required"],
            widget=govuk.EmailInput({"autocomplete": "email"}),
            error_messages=self.error_messages(
                spec, invalid="Enter an email address in the correct format, like name@example.com"
            ),
        )

    def json_schema(self, spec):
        return {"type": "string", "format": "email"}


@field_types.register
class PhoneType(FieldType):
    """A UK landline or mobile number, checked with the phonenumbers library."""

    name = "phone"
    type_name = "UK phone number"
    icon = "mobile-alt"
    description = "A UK landline or mobile number."

    def form_field(self, spec):
        return forms.CharField(
            required=spec["required"],
            max_length=20,
            widget=govuk.TextInput(
                {"type": "tel", "autocomplete": "tel", "class": "govuk-input--width-20"}
            ),
            validators=[validate_uk_phone],
            error_messages=self.error_messages(spec),
        )

    def json_schema(self, spec):
        return {"type": "string", "pattern": r"^[0-9 +()-]{10,20}$"}


@field_types.register
class GuidanceTextType(FieldType):
    """Words between questions. It has no key and no answer."""

    name = "guidance_text"
    type_name = "Guidance text"
    icon = "help"
    description = "Explanation shown between questions; nothing is answered."
    has_answer = False

    def block(self, registry):
        # Words, not a question: none of FieldBlock's label, key or required.
        return blocks.StructBlock(
            [
                ("text", blocks.RichTextBlock(features=["bold", "link", "ul", "ol"])),
                ("show_if", ShowIfBlock(required=False)),
            ],
            **self.block_meta(),
        )

    def render(self, spec, *, name, value, errors, show_errors=True, form_field=None):
        return render_to_string(
            "ehc_forms/blocks/guidance_text.html",
            {"spec": spec, "show_if": show_if_attrs(spec)},
        )

    def guidance(self, spec):
        return f"{self.type_name} (no answer is stored)"

    def json_schema(self, spec):
        return None

    def schema_fragment(self, spec):
        return None


def blank(value):
    """Whether a stored value, or every value inside a row or date, is empty."""
    if isinstance(value, dict):
        return all(blank(part) for part in value.values())
    return value in EMPTY_VALUES or (isinstance(value, str) and not value.strip())


class RepeatingGroupWidget(forms.Widget):
    """Reads rows named name-0-subkey, name-1-subkey... up to the hidden row count, and draws
    each row's questions through their own types, with add and remove buttons."""

    template_name = "ehc_forms/widgets/repeating_group.html"
    use_fieldset = True
    show_errors = True

    def __init__(self, group, spec, max_rows):
        super().__init__()
        self.group = group
        self.spec = spec
        self.sub_fields = spec["fields"]
        self.max_rows = max_rows

    def format_value(self, value):
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = []
        for index, row in enumerate(value or []):
            errors = self.group.row_errors(self.spec, row) if self.show_errors else {}
            if self.group.row_is_empty(self.spec, row):
                errors = {}
            fields = [
                sub.render(
                    name=f"{name}-{index}-{sub.key}" if sub.key else "",
                    value=row.get(sub.key),
                    errors=errors.get(sub.key, []),
                )
                for sub in self.sub_fields
            ]
            rows.append({"number": index + 1, "index": index, "fields": fields})
        context["widget"].update(
            spec=self.spec,
            rows=rows,
            row_count=len(rows),
            can_add=len(rows) < self.spec["max_count"],
        )
        return context

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
        kwargs["widget"] = RepeatingGroupWidget(group, spec, spec["max_count"] + 1)
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
    icon = "list-ol"
    description = "Questions answered once per item, with add and remove."
    allowed_in_group = False

    def option_blocks(self, registry):
        item_name = blocks.CharBlock(
            default="item", help_text="What one item is called, for example: professional."
        )
        max_count = blocks.IntegerBlock(default=10, min_value=1, max_value=50)
        # The sub-fields are every other registered type, so the block is built per registry.
        fields = blocks.StreamBlock(registry.blocks(in_group=True), label="Questions for each item")
        return [("item_name", item_name), ("max_count", max_count), ("fields", fields)]

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
        # Rows just added with "Add another" and not filled in yet are no answer, so the step
        # shows no "Add at least one" error for them until it is saved to continue.
        return answer in EMPTY_VALUES or all(blank(row) for row in answer)

    def matches(self, spec, answer, expected):
        return False

    def export(self, spec, answer):
        rows = [row for row in answer or [] if not self.row_is_empty(spec, row)]
        return [export_answers(spec["fields"], row) for row in rows] or None

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


class DocumentsWidget(govuk.FileInput):
    """GOV.UK's file upload with the files already uploaded listed under it, each with its
    name, kind, size and a Remove button. Its value is the field's stored answer."""

    template_name = "ehc_forms/widgets/documents.html"
    allow_multiple_selected = True

    def __init__(self, spec):
        super().__init__()
        self.spec = spec

    def format_value(self, value):
        return value

    def value_from_datadict(self, data, files, name):
        # Stored answers are bound as the documents' keys; files are read by the step's view.
        return data.getlist(name)

    def value_omitted_from_data(self, data, files, name):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            documents=[
                {
                    **document,
                    "kind_label": file_kinds.KINDS[document["kind"]].label,
                    "size_text": file_kinds.readable_size(document["size"]),
                }
                for document in value or []
                if isinstance(document, dict)
            ],
            max_files=self.spec["max_files"],
            kinds=file_kinds.kinds_sentence(self.spec.get("kinds") or list(file_kinds.KINDS)),
        )
        return context


class DocumentsField(forms.Field):
    """Only checks that a required field has a document: each file was checked as it came."""

    def to_python(self, value):
        return list(value or [])


@field_types.register
class DocumentsType(FieldType):
    """Files attached to the form (reports, plans), uploaded when the step is saved.

    The answer is the list of documents as `Document.as_answer` describes them; the files
    themselves are in private storage (see `ehc_forms.documents`)."""

    name = "documents"
    type_name = "Documents"
    required_message = "Upload at least one file for “{label}”"
    icon = "doc-full-inverse"
    description = "Files such as reports, uploaded with the step."
    allowed_in_group = False
    answered_in_page = False

    def option_blocks(self, registry):
        max_files = blocks.IntegerBlock(default=10, min_value=1, max_value=50)
        kinds = blocks.MultipleChoiceBlock(
            choices=[(kind.extension, kind.label) for kind in file_kinds.KINDS.values()],
            default=list(file_kinds.KINDS),
            required=False,
            help_text="Leave all unticked to allow every kind listed.",
        )
        return [("max_files", max_files), ("kinds", kinds)]

    def form_field(self, spec):
        return DocumentsField(
            required=spec["required"],
            widget=DocumentsWidget(spec),
            error_messages=self.error_messages(spec),
        )

    def bind(self, spec, answer, name):
        return [(name, document["key"]) for document in self.documents(spec, answer)]

    def documents(self, spec, answer):
        return [document for document in answer or [] if isinstance(document, dict)]

    def is_empty(self, answer):
        return not answer

    def matches(self, spec, answer, expected):
        return False

    def apply_action(self, spec, answer, action):
        """ "remove-KEY" takes that document off the list."""
        if action.startswith("remove-"):
            key = action[len("remove-") :]
            return [document for document in answer or [] if document.get("key") != key]
        return answer

    def display(self, spec, answer):
        return "\n".join(
            f"{document['name']} ({file_kinds.KINDS[document['kind']].label}, "
            f"{file_kinds.readable_size(document['size'])})"
            for document in self.documents(spec, answer)
        )

    def export(self, spec, answer):
        return self.documents(spec, answer) or None

    def guidance(self, spec):
        kinds = file_kinds.kinds_sentence(spec.get("kinds") or list(file_kinds.KINDS))
        return f"{self.type_name}, up to {spec['max_files']} files: {kinds}"

    def json_schema(self, spec):
        return {
            "type": "array",
            "maxItems": spec["max_files"],
            "items": {
                "type": "object",
                "properties": {
                    "key": {"type": "string", "format": "uuid"},
                    "name": {"type": "string"},
                    "size": {"type": "integer", "minimum": 1},
                    "kind": {"type": "string", "enum": spec.get("kinds") or list(file_kinds.KINDS)},
                },
                "required": ["key", "name", "size", "kind"],
            },
        }

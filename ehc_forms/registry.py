"""The field-type registry: the one place that knows what each kind of form field does.

Every question in a form definition is a StreamField block whose block name is a field
type's `name`. The step's Django form, the summary, the data guidance and the JSON Schema
are all built by looping over a definition's blocks and asking the registry, so adding a
field type is adding one class. Other apps add types through the `register_ehc_field_types`
Wagtail hook: a function that receives the registry and calls `registry.register(SomeType)`.
"""

import copy
from dataclasses import dataclass
from functools import cached_property

from django.forms.utils import ErrorDict, ErrorList
from django.utils.datastructures import MultiValueDict
from wagtail import blocks, hooks
from wagtail.blocks import StreamValue, StructValue

from portal_pages.govuk.forms import GovukForm

EMPTY_VALUES = (None, "", [], {})

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


class FieldType:
    """One kind of question. Subclasses set `name`, `type_name`, `icon` and `description`,
    list their own settings in `option_blocks` and override the methods whose default does
    not fit. The type is the only description of its kind of question: its editor block is
    built from these, so nothing else repeats its label or options.

    `spec` is always a plain dict of the field block's value (label, key, hint, required,
    show_if and the type's own options)."""

    name = None  # the block name stored in every definition
    type_name = None  # how data guidance and the block menu name the type ("Memo")
    icon = "form"
    description = ""
    has_answer = True
    # False for a type whose answer is not typed into the page (uploaded documents): a save
    # then keeps the stored answer, and only the type's own actions change it.
    answered_in_page = True
    # Repeating groups hold other fields; a group inside a group is not offered.
    allowed_in_group = True
    # Names the question, so each line of a long form's error summary makes sense alone.
    required_message = "Enter an answer for “{label}”"

    def option_blocks(self, registry):
        """The (name, block) pairs of the type's own settings, after those every question has.
        Most types need nothing from the registry; a repeating group uses it to offer the
        other types as its sub-fields."""
        return []

    def block_meta(self):
        return {"label": self.type_name, "icon": self.icon, "description": self.description}

    def block(self, registry):
        """The StructBlock editors fill in: FieldBlock's common part and the type's options."""
        return FieldBlock(self.option_blocks(registry), **self.block_meta())

    def form_field(self, spec):
        """The Django form field (with its widget) that validates one answer."""
        raise NotImplementedError

    def error_messages(self, spec, **messages):
        """The form field's error messages: the type's own, its required message, and limits
        in the portal's words rather than Django's ("Ensure this value has at most...")."""
        # Django fills the limit in with %-formatting, so a % in the question is doubled.
        question = spec["label"].rstrip("?").replace("%", "%%")
        return {
            "required": self.required_message.format(label=spec["label"]),
            "max_length": f"{question} must be %(limit_value)d characters or fewer",
            "min_length": f"{question} must be %(limit_value)d characters or more",
            "max_value": f"{question} must be %(limit_value)s or less",
            "min_value": f"{question} must be %(limit_value)s or more",
            **messages,
        }

    def display(self, spec, answer):
        """The answer as it reads on check-answers, in the PDF and in exports."""
        return "" if self.is_empty(answer) else str(answer)

    def export(self, spec, answer):
        """The stored answer in the shape `json_schema` describes (API, exports, webhook), or
        None when there is no answer, or none the schema allows yet (autosave keeps what
        was typed even when it does not validate)."""
        return None if self.is_empty(answer) else answer

    def schema_condition(self, spec, expected):
        """The JSON Schema an answer meets when a show-if rule asking for `expected` holds."""
        return {"const": expected.strip()}

    def guidance(self, spec):
        """The data-guidance line: type name, limits and allowed values."""
        return self.type_name

    def json_schema(self, spec):
        """The JSON Schema fragment describing this field's answer."""
        return {"type": "string"}

    def schema_fragment(self, spec):
        """The type's fragment with the title and description every field shares."""
        fragment = {"title": spec["label"], **self.json_schema(spec)}
        if spec.get("hint"):
            fragment["description"] = spec["hint"]
        return fragment

    def raw_value(self, spec, data, name, form_field=None):
        """The answer as typed, read from POSTed data: kept even when it does not validate.
        `form_field` is the question's own form field when the caller already has it."""
        form_field = form_field or self.form_field(spec)
        return form_field.widget.value_from_datadict(data, {}, name)

    def bind(self, spec, answer, name):
        """The (name, value) pairs that rebuild POSTed data from a stored answer."""
        return [] if answer is None else [(name, answer)]

    def is_empty(self, answer):
        return answer in EMPTY_VALUES or (isinstance(answer, str) and not answer.strip())

    def matches(self, spec, answer, expected):
        """Whether `answer` satisfies a show-if rule asking for `expected`."""
        if self.is_empty(answer):
            return False
        return str(answer).strip().lower() == expected.strip().lower()

    def apply_action(self, spec, answer, action):
        """The answer after one of the field's own buttons (`action` names which) is pressed."""
        return answer

    def documents(self, spec, answer):
        """The documents (as listed in answers) that this answer attaches."""
        return []

    def prefetch(self, specs):
        """Load in bulk whatever the given fields of this type need (lookup options)."""

    def check_definition(self, spec):
        """Errors in the editor's set-up of one field, beyond what the block validates."""
        return []

    def label(self, spec):
        return spec["label"] + ("" if spec.get("required") else " (optional)")

    def render(self, spec, *, name, value, errors, show_errors=True, form_field=None):
        """The field's GOV.UK markup in a step page, drawn by the GOV.UK form layer from the
        type's own form field; `value` is the answer as typed. `form_field` is the question's
        own form field when the caller already has it: it is drawn from a copy (with a copy
        of its widget), as the words and error display are set on what is drawn."""
        if form_field is None:
            field = self.form_field(spec)
        else:
            field = copy.copy(form_field)
            field.widget = copy.copy(form_field.widget)
        field.label = self.label(spec)
        field.help_text = spec.get("hint") or ""
        field.form_group_attrs = show_if_attrs(spec)
        field.widget.show_errors = show_errors
        # The field's own key is its id, so error summary links and show-if rules find it.
        # GOV.UK labels have no suffix; saying so spares a translation lookup per field.
        form = GovukForm(auto_id="%s", initial={name: value}, label_suffix="")
        form.fields = {name: field}
        form._errors = ErrorDict({name: ErrorList(errors)} if errors else {})
        return form[name].as_field_group()


def show_if_attrs(spec):
    """The data attributes the page's script reads to show a field only when its rule holds."""
    rule = spec.get("show_if") or {}
    if not rule.get("key"):
        return {}
    return {"data-show-if-key": rule["key"], "data-show-if-value": rule.get("value") or ""}


class FieldTypeRegistry:
    """Field types by block name, in the order editors see them in the block menu."""

    def __init__(self):
        self._types = {}
        self._extensions_loaded = False

    def register(self, field_type_class):
        """Class decorator: add a field type (one instance serves every form)."""
        self._types[field_type_class.name] = field_type_class()
        return field_type_class

    def _load_extensions(self):
        # Hooks from other apps are read on first use rather than at import, because the
        # block definitions are built while models load, before wagtail_hooks modules may.
        if not self._extensions_loaded:
            self._extensions_loaded = True
            for register_types in hooks.get_hooks("register_ehc_field_types"):
                register_types(self)

    def all(self):
        self._load_extensions()
        return list(self._types.values())

    def get(self, name):
        self._load_extensions()
        return self._types[name]

    def blocks(self, *, in_group=False):
        """The (name, block) pairs for a StreamBlock of fields."""
        return [
            (field_type.name, field_type.block(self))
            for field_type in self.all()
            if field_type.allowed_in_group or not in_group
        ]


field_types = FieldTypeRegistry()


@dataclass
class Field:
    """One question of a definition: its type and the editor's settings for it."""

    type: FieldType
    spec: dict

    @property
    def key(self):
        return self.spec.get("key")

    @cached_property
    def form_field(self):
        """The question's Django form field, built once: a definition never changes (it is
        kept per form revision), and reading or validating answers only reads the field
        (drawing it draws a copy). None for words that ask nothing (guidance text)."""
        return self.type.form_field(self.spec) if self.type.has_answer else None

    def render(self, *, name, value, errors, show_errors=True):
        """The question's GOV.UK markup, drawn by its type from its own form field."""
        return self.type.render(
            self.spec,
            name=name,
            value=value,
            errors=errors,
            show_errors=show_errors,
            form_field=self.form_field,
        )

    @property
    def show_if(self):
        """(key, expected answer) of the rule that shows this field, or None."""
        rule = self.spec.get("show_if") or {}
        return (rule["key"], rule.get("value") or "") if rule.get("key") else None


def to_spec(value):
    """A block value as a plain dict; nested streams of fields become lists of Field."""
    spec = {}
    for name, child in value.items():
        if isinstance(child, StreamValue):
            child = fields_from_stream(child)
        elif isinstance(child, StructValue):
            child = dict(child)
        spec[name] = child
    return spec


def fields_from_stream(stream_value):
    """The Field objects of a StreamBlock of field blocks, in order."""
    return [
        Field(field_types.get(child.block_type), to_spec(child.value)) for child in stream_value
    ]


def without_null_characters(data):
    """POST-like data with NUL characters taken out of its text: no keyboard types them, and
    PostgreSQL cannot store them in text or JSON (the save would fail and lose the rest of
    the step). Data rebuilt from stored answers may hold numbers; they pass as they are."""
    cleaned = MultiValueDict()
    for name, values in data.lists():
        cleaned.setlist(name, [v.replace("\x00", "") if isinstance(v, str) else v for v in values])
    return cleaned


def read_answers(fields, data, prefix=""):
    """The answers as typed for `fields`, read from POSTed data, keyed by field key."""
    data = without_null_characters(data)
    return {
        field.key: field.type.raw_value(field.spec, data, prefix + field.key, field.form_field)
        for field in fields
        if field.type.has_answer and field.type.answered_in_page
    }


def bind_answers(fields, answers, prefix=""):
    """POST-like data rebuilt from stored answers, so a saved step validates as if typed."""
    data = MultiValueDict()
    for field in fields:
        if field.type.has_answer:
            for name, value in field.type.bind(
                field.spec, answers.get(field.key), prefix + field.key
            ):
                data.appendlist(name, value)
    return data


def export_answers(fields, answers):
    """The answers to `fields` as their JSON Schema describes them; unanswered keys left out."""
    exported = {}
    for field in fields:
        if field.type.has_answer:
            value = field.type.export(field.spec, answers.get(field.key))
            if value is not None:
                exported[field.key] = value
    return exported


def form_for_fields(fields, data):
    """A Django form with one form field per answerable field, bound to `data`."""
    form = GovukForm(data=data)
    for field in fields:
        if field.type.has_answer:
            form.fields[field.key] = field.form_field
    form.full_clean()
    return form

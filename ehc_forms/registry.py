"""The field-type registry: the one place that knows what each kind of form field does.

Every question in a form definition is a StreamField block whose block name is a field
type's `name`. The step's Django form, the summary, the data guidance and the JSON Schema
are all built by looping over a definition's blocks and asking the registry, so adding a
field type is adding one class. Other apps add types through the `register_ehc_field_types`
Wagtail hook: a function that receives the registry and calls `registry.register(SomeType)`.
"""

from dataclasses import dataclass

from django import forms
from django.template.loader import render_to_string
from django.utils.datastructures import MultiValueDict
from wagtail import hooks
from wagtail.blocks import StreamValue, StructValue

EMPTY_VALUES = (None, "", [], {})


class FieldType:
    """One kind of question. Subclasses set `name`, `type_name` and `block_class` and override
    the methods whose default does not fit.

    `spec` is always a plain dict of the field block's value (label, key, hint, required,
    show_if and the type's own options)."""

    name = None  # the block name stored in every definition
    type_name = None  # how data guidance names the type ("Memo")
    block_class = None
    template = "ehc_forms/fields/input.html"
    has_answer = True
    # Repeating groups hold other fields; a group inside a group is not offered.
    allowed_in_group = True
    # Names the question, so each line of a long form's error summary makes sense alone.
    required_message = "Enter an answer for “{label}”"

    def block(self, registry):
        """The StructBlock editors fill in. Most types need nothing from the registry; a
        repeating group uses it to offer the other types as its sub-fields."""
        return self.block_class()

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

    def raw_value(self, spec, data, name):
        """The answer as typed, read from POSTed data: kept even when it does not validate."""
        return self.form_field(spec).widget.value_from_datadict(data, {}, name)

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

    def prefetch(self, specs):
        """Load in bulk whatever the given fields of this type need (lookup options)."""

    def check_definition(self, spec):
        """Errors in the editor's set-up of one field, beyond what the block validates."""
        return []

    def render(self, spec, *, name, value, errors, show_errors=True):
        """The field's GOV.UK markup in a step page; `value` is the answer as typed."""
        return render_to_string(
            self.template,
            {
                "spec": spec,
                "name": name,
                "value": value,
                "errors": errors,
                **self.render_context(spec, name=name, value=value, show_errors=show_errors),
            },
        )

    def render_context(self, spec, *, name, value, show_errors):
        """Extra template context for this type's markup."""
        return {}


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
        field.key: field.type.raw_value(field.spec, data, prefix + field.key)
        for field in fields
        if field.type.has_answer
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


def form_for_fields(fields, data):
    """A Django form with one form field per answerable field, bound to `data`."""
    form = forms.Form(data=data)
    for field in fields:
        if field.type.has_answer:
            form.fields[field.key] = field.type.form_field(field.spec)
    form.full_clean()
    return form

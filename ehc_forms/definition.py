"""A form definition read from its `steps` StreamField: steps, fields by key, the rules that
show or hide them, and everything built by asking the registry about each field."""

from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cached_property

from ehc_forms.registry import Field, export_answers, to_spec


class StepState:
    """How far a step has got, as the task list shows it."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANNOT_START = "cannot_start"

    LABELS = {
        NOT_STARTED: "Not yet started",
        IN_PROGRESS: "In progress",
        COMPLETED: "Completed",
        CANNOT_START: "Cannot start yet",
    }


@dataclass
class Step:
    """One step of a form: a page of questions with its own status on the task list."""

    id: str
    number: int
    title: str
    intro: str
    fields: list = dataclass_field(default_factory=list)
    show_if: tuple | None = None

    @property
    def answer_fields(self):
        return [field for field in self.fields if field.type.has_answer]


class Definition:
    """The steps and fields of one version of a form, with lookups loaded in bulk."""

    def __init__(self, steps_value):
        self.steps = []
        for number, child in enumerate(steps_value, start=1):
            spec = to_spec(child.value)
            rule = spec.get("show_if") or {}
            self.steps.append(
                Step(
                    id=child.id,
                    number=number,
                    title=spec["title"],
                    intro=spec.get("intro") or "",
                    fields=spec["fields"],
                    show_if=(rule["key"], rule.get("value") or "") if rule.get("key") else None,
                )
            )
        self._prefetch()

    def _prefetch(self):
        by_type = defaultdict(list)
        for field in self.all_fields(nested=True):
            by_type[field.type].append(field.spec)
        for field_type, specs in by_type.items():
            field_type.prefetch(specs)

    def all_fields(self, nested=False):
        """Every field in order; with `nested`, the sub-fields of groups as well."""
        for step in self.steps:
            for field in step.fields:
                yield field
                if nested:
                    yield from sub_fields(field)

    @cached_property
    def fields_by_key(self):
        return {field.key: field for field in self.all_fields() if field.key}

    def step(self, number):
        """The step with this 1-based number, or None."""
        return self.steps[number - 1] if 1 <= number <= len(self.steps) else None

    def rule_holds(self, rule, answers, _seen=()):
        """True, False, or None while the answer the rule depends on is not given yet.

        An answer to a question that is itself hidden counts as not given, so rules chain:
        a follow-up to a hidden question is hidden too."""
        if rule is None:
            return True
        key, expected = rule
        source = self.fields_by_key.get(key)
        if source is None or key in _seen:
            return True
        if source.show_if and not self.rule_holds(source.show_if, answers, (*_seen, key)):
            return None
        answer = answers.get(key)
        if source.type.is_empty(answer):
            return None
        return source.type.matches(source.spec, answer, expected)

    def field_visible(self, field, answers):
        return bool(self.rule_holds(field.show_if, answers))

    def visible_fields(self, step, answers):
        """The step's fields whose show-if rule holds for `answers`."""
        return [field for field in step.fields if self.field_visible(field, answers)]

    def step_availability(self, step, answers):
        """True when the step applies, False when an answer rules it out, None when it
        depends on an answer not given yet (shown as "Cannot start yet")."""
        return self.rule_holds(step.show_if, answers)

    def required_when(self, step, field):
        """When an answer must be given: None when it is optional, else the show-if rules
        (key, expected) that must all hold for it to be asked (none: always required).

        The step's rule and the field's own both count; the data guidance and the JSON
        Schema both read this, so they say the same."""
        if not field.spec.get("required"):
            return None
        return [rule for rule in (step.show_if, field.show_if) if rule]

    def export(self, answers):
        """The answers to the questions that apply, in the shape of `json_schema`: what the
        API, exports and webhooks hand on. Answers to hidden questions are left out."""
        fields = [
            field
            for step in self.steps
            if self.step_availability(step, answers)
            for field in self.visible_fields(step, answers)
        ]
        return export_answers(fields, answers)

    def data_guidance(self):
        """One row per answer for data-guidance tables: step, key, question, the type's
        description of the answer, and whether (and when) it must be given."""
        rows = []
        for step in self.steps:
            for field in step.answer_fields:
                rules = self.required_when(step, field)
                if rules is None:
                    required = "No"
                elif not rules:
                    required = "Yes"
                else:
                    required = "When " + " and ".join(f"{key} is {value}" for key, value in rules)
                rows.append(
                    {
                        "step": step.title,
                        "key": field.key,
                        "question": field.spec["label"],
                        "description": field.type.guidance(field.spec),
                        "required": required,
                    }
                )
        return rows

    def schema_condition(self, rules):
        """The `if` of a JSON Schema conditional: every rule's answer given and as expected."""
        properties, required = {}, []
        for key, expected in rules:
            source = self.fields_by_key.get(key)
            if source is not None:
                properties[key] = source.type.schema_condition(source.spec, expected)
                required.append(key)
        return {"properties": properties, "required": required}

    def json_schema(self, title):
        """The JSON Schema of a submission's exported answers, keyed by field key. A question
        required only when rules show it is required through an if/then on those rules."""
        properties, required, conditional = {}, [], defaultdict(list)
        for step in self.steps:
            for field in step.answer_fields:
                properties[field.key] = field.type.schema_fragment(field.spec)
                rules = self.required_when(step, field)
                if rules == []:
                    required.append(field.key)
                elif rules:
                    conditional[tuple(rules)].append(field.key)
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if conditional:
            schema["allOf"] = [
                {"if": self.schema_condition(rules), "then": {"required": keys}}
                for rules, keys in conditional.items()
            ]
        return schema


def sub_fields(field):
    """The fields a field holds (a repeating group's questions); none for most types."""
    return [item for item in field.spec.get("fields", []) if isinstance(item, Field)]


def definition_errors(steps_value):
    """Problems an editor must fix before saving: repeated or unknown keys, and each type's
    own checks. Returns a list of messages."""
    definition = Definition(steps_value)
    errors = []
    keys = [field.key for field in definition.all_fields() if field.key]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        errors.append(f"Each field needs its own key. Used more than once: {', '.join(repeated)}.")
    for step in definition.steps:
        rules = [("Step", step.title, step.show_if)]
        rules += [("Field", field.spec.get("label", ""), field.show_if) for field in step.fields]
        for kind, name, rule in rules:
            if rule and rule[0] not in definition.fields_by_key:
                errors.append(
                    f"{kind} '{name}' in step '{step.title}' depends on the key '{rule[0]}', "
                    "which no field in this form has."
                )
        for field in step.fields:
            errors += [
                f"'{field.spec.get('label', '')}' in step '{step.title}': {message}"
                for message in field.type.check_definition(field.spec)
            ]
    return errors

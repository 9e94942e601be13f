"""Each built-in field type, valid and invalid, and the registry round trip for every one."""

import datetime
import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from wagtail import hooks

from ehc_forms.definition import Definition
from ehc_forms.demo import f, text
from ehc_forms.field_types import ShortTextType
from ehc_forms.registry import (
    Field,
    bind_answers,
    field_types,
    form_for_fields,
    read_answers,
    to_spec,
)


def spec_of(type_name, **raw):
    """The spec a field block of this type gives after the block has read editor input."""
    raw = {"label": "Question", "key": "question", "hint": "", "required": True, **raw}
    block = field_types.get(type_name).block(field_types)
    return to_spec(block.to_python(raw))


def clean(type_name, value, **raw):
    spec = spec_of(type_name, **raw)
    return field_types.get(type_name).form_field(spec).clean(value)


def error_of(type_name, value, **raw):
    with pytest.raises(ValidationError) as raised:
        clean(type_name, value, **raw)
    return " ".join(raised.value.messages)


def test_short_text_keeps_to_its_maximum_length():
    assert clean("short_text", "Alex", max_length=20) == "Alex"
    assert "must be 20 characters or fewer" in error_of("short_text", "x" * 21, max_length=20)
    assert error_of("short_text", "   ", max_length=20) == "Enter an answer for “Question”"


def test_memo_allows_exactly_its_limit_and_no_more():
    assert len(clean("memo", "a" * 4000, max_chars=4000)) == 4000
    assert error_of("memo", "a" * 4001, max_chars=4000) == (
        "Answer must be 4,000 characters or fewer"
    )


def test_an_optional_memo_may_be_empty():
    assert clean("memo", "", max_chars=100, required=False) == ""


def test_lookup_accepts_only_codes_from_its_list(lookup):
    assert clean("lookup", "ASD", lookup=lookup.pk) == "ASD"
    assert error_of("lookup", "XYZ", lookup=lookup.pk) == "Choose one of the options in the list"


def test_multiple_choice_accepts_only_its_options():
    options = "Conversation\nDrawing"
    assert clean("multiple_choice", ["Drawing"], options=options) == ["Drawing"]
    assert "only options" in error_of("multiple_choice", ["Singing"], options=options)
    assert error_of("multiple_choice", [], options=options) == (
        "Select at least one option for “Question”"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"day": "3", "month": "", "year": "2020"}, "Date must include a month"),
        ({"day": "", "month": "", "year": "2020"}, "Date must include a day and month"),
        ({"day": "31", "month": "2", "year": "2020"}, "Date must be a real date"),
        ({"day": "1", "month": "2", "year": "20"}, "Date must be a real date"),
        ({"day": "", "month": "", "year": ""}, "Enter the date for “Question”"),
    ],
)
def test_date_errors_follow_the_govuk_date_input(value, message):
    assert error_of("date", value) == message


def test_date_reads_three_boxes_and_can_refuse_the_future():
    assert clean("date", {"day": "3", "month": "3", "year": "2020"}) == datetime.date(2020, 3, 3)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    future = {"day": str(tomorrow.day), "month": str(tomorrow.month), "year": str(tomorrow.year)}
    assert error_of("date", future, past_only=True) == "Date must be today or in the past"
    assert clean("date", future) == tomorrow


def test_yes_no_is_two_radios_never_a_box_to_tick():
    field = field_types.get("yes_no").form_field(spec_of("yes_no"))
    assert isinstance(field.widget, forms.RadioSelect)
    assert clean("yes_no", "no") == "no"
    assert error_of("yes_no", "") == "Select yes or no for “Question”"
    assert error_of("yes_no", "maybe") == "Select yes or no"


def test_number_keeps_between_its_limits():
    assert clean("number", "12", min_value=0, max_value=40) == 12
    assert "must be 40 or less" in error_of("number", "41", min_value=0, max_value=40)
    assert "must be 0 or more" in error_of("number", "-1", min_value=0, max_value=40)
    assert error_of("number", "twelve") == "Enter a whole number, like 12"


def test_email_must_look_like_an_email_address():
    assert clean("email", "jo@school.sch.uk") == "jo@school.sch.uk"
    assert "correct format" in error_of("email", "jo at school")


@pytest.mark.parametrize(
    "number", ["020 7946 0000", "0161 496 0000", "+44 161 496 0000", "01632 960 123"]
)
def test_phone_accepts_uk_numbers(number):
    assert clean("phone", number) == number


@pytest.mark.parametrize("number", ["12345", "+1 202 555 0100", "0161 496"])
def test_phone_refuses_anything_else(number):
    assert error_of("phone", number).startswith("Enter a UK phone number")


def group_spec(max_count=2):
    return spec_of(
        "repeating_group",
        item_name="person",
        max_count=max_count,
        required=False,
        fields=[
            {"type": "short_text", "value": {"label": "Name", "key": "name", "max_length": 50}},
            {
                "type": "email",
                "value": {"label": "Email", "key": "email", "required": False},
            },
        ],
    )


def test_repeating_group_validates_each_row_and_its_maximum():
    group = field_types.get("repeating_group")
    spec = group_spec(max_count=2)
    field = group.form_field(spec)
    rows = [{"name": "Jo", "email": "jo@school.sch.uk"}, {"name": "Sam", "email": ""}]
    assert field.clean(rows) == rows
    with pytest.raises(ValidationError, match="up to 2 of person"):
        field.clean([*rows, {"name": "Kim", "email": ""}])
    with pytest.raises(ValidationError, match="Check the details of each person"):
        field.clean([{"name": "Jo", "email": "not an email"}])
    assert group.row_errors(spec, {"name": "Jo", "email": "not an email"}).keys() == {"email"}
    # A row left entirely empty is not an answer and does not fail validation.
    assert field.clean([{"name": "", "email": ""}]) == []


def test_repeating_group_add_and_remove_respect_the_maximum():
    group = field_types.get("repeating_group")
    spec = group_spec(max_count=2)
    rows = group.apply_action(spec, [{"name": "Jo"}], "add")
    assert rows == [{"name": "Jo"}, {}]
    assert group.apply_action(spec, rows, "add") == rows
    assert group.apply_action(spec, rows, "remove-0") == [{}]
    assert group.apply_action(spec, rows, "remove-9") == rows


def test_repeating_group_reads_rows_from_posted_data(post_data):
    group = field_types.get("repeating_group")
    spec = group_spec(max_count=2)
    data = post_data(
        **{
            "people-rows": "5",
            "people-0-name": "Jo",
            "people-1-name": "Sam",
            "people-2-name": "Kim",
        }
    )
    rows = group.raw_value(spec, data, "people")
    # Three rows are read for a maximum of two, so the extra row is reported, not dropped.
    assert [row["name"] for row in rows] == ["Jo", "Sam", "Kim"]


# One example per built-in type: editor's block input, a valid answer as typed, and what the
# summary, data guidance and schema say about it.
ROUND_TRIPS = {
    "short_text": (
        {"max_length": 60},
        "Oakfield Primary",
        "Oakfield Primary",
        "Short text, up to 60 characters",
        {"type": "string", "maxLength": 60},
    ),
    "memo": (
        {"max_chars": 4000},
        "Alex enjoys music.",
        "Alex enjoys music.",
        "Memo, up to 4,000 characters",
        {"type": "string", "maxLength": 4000},
    ),
    "lookup": (
        {},
        "ASD",
        "Autistic spectrum disorder",
        "Lookup from the list 'Primary need': ASD = Autistic spectrum disorder; "
        "SLCN = Speech and language",
        {"type": "string", "enum": ["ASD", "SLCN"]},
    ),
    "multiple_choice": (
        {"options": "Conversation\nDrawing"},
        ["Conversation", "Drawing"],
        "Conversation, Drawing",
        "Multiple choice, any of: Conversation; Drawing",
        {
            "type": "array",
            "items": {"type": "string", "enum": ["Conversation", "Drawing"]},
            "uniqueItems": True,
        },
    ),
    "date": (
        {"past_only": True},
        {"day": "3", "month": "3", "year": "2020"},
        "3 March 2020",
        "Date (DD/MM/YYYY), today or earlier",
        {"type": "string", "format": "date"},
    ),
    "yes_no": ({}, "yes", "Yes", "Yes or no", {"type": "string", "enum": ["yes", "no"]}),
    "number": (
        {"min_value": 0, "max_value": 40},
        "12",
        "12",
        "Number, a whole number from 0 to 40",
        {"type": "integer", "minimum": 0, "maximum": 40},
    ),
    "email": (
        {},
        "jo@school.sch.uk",
        "jo@school.sch.uk",
        "Email address",
        {"type": "string", "format": "email"},
    ),
    "phone": (
        {},
        "020 7946 0000",
        "020 7946 0000",
        "UK phone number",
        {"type": "string", "pattern": r"^[0-9 +()-]{10,20}$"},
    ),
    "documents": (
        {"max_files": 2, "kinds": ["pdf", "png"]},
        [
            {
                "key": "0b6f5f3e-8c1d-4a5e-9d1e-3f7a2b9c4d10",
                "name": "EP report.pdf",
                "size": 48_000,
                "kind": "pdf",
            }
        ],
        "EP report.pdf (PDF, 48KB)",
        "Documents, up to 2 files: PDF or PNG",
        {
            "type": "array",
            "maxItems": 2,
            "items": {
                "type": "object",
                "properties": {
                    "key": {"type": "string", "format": "uuid"},
                    "name": {"type": "string"},
                    "size": {"type": "integer", "minimum": 1},
                    "kind": {"type": "string", "enum": ["pdf", "png"]},
                },
                "required": ["key", "name", "size", "kind"],
            },
        },
    ),
    "repeating_group": (
        {
            "item_name": "person",
            "max_count": 3,
            "fields": [{"type": "short_text", "value": {"label": "Name", "key": "name"}}],
        },
        [{"name": "Jo Marsh"}],
        "Person 1: Name: Jo Marsh",
        "Repeating group, up to 3 of person, each with name: Short text, up to 200 characters",
        {
            "type": "array",
            "maxItems": 3,
            "items": {
                "type": "object",
                "properties": {
                    "name": {"title": "Name", "type": "string", "maxLength": 200},
                },
            },
        },
    ),
}


def test_every_built_in_type_has_a_round_trip_example():
    answerable = {t.name for t in field_types.all() if t.has_answer}
    assert answerable == set(ROUND_TRIPS)


@pytest.mark.parametrize("type_name", sorted(ROUND_TRIPS))
def test_registry_round_trip(type_name, lookup):
    options, typed, summary, guidance, schema = ROUND_TRIPS[type_name]
    if type_name == "lookup":
        options = {"lookup": lookup.pk}
    field_type = field_types.get(type_name)
    spec = spec_of(type_name, hint="A hint", **options)
    # block value -> form field: the typed answer validates
    field_type.form_field(spec).clean(typed)
    # -> summary text
    assert field_type.display(spec, typed) == summary
    # -> data-guidance line
    assert field_type.guidance(spec) == guidance
    # -> schema fragment, with the label and hint every field carries
    assert field_type.schema_fragment(spec) == {
        "title": "Question",
        "description": "A hint",
        **schema,
    }
    # and the answer survives being stored and rebound as posted data; an answer not typed
    # into the page (documents) is never read from posted data, so a save keeps it as stored
    bound = _bound(field_type, spec, typed, "question")
    if not field_type.answered_in_page:
        assert read_answers([Field(field_type, spec)], bound) == {}
        return
    stored = field_type.raw_value(spec, bound, "question")
    assert field_type.display(spec, stored) == summary


def _bound(field_type, spec, answer, name):
    data = MultiValueDict()
    for key, value in field_type.bind(spec, answer, name):
        data.appendlist(key, value)
    return data


def test_guidance_text_has_no_answer_and_no_schema():
    guidance = field_types.get("guidance_text")
    spec = to_spec(guidance.block(field_types).to_python({"text": "<p>Read this</p>"}))
    assert not guidance.has_answer
    assert guidance.schema_fragment(spec) is None
    assert guidance.guidance(spec) == "Guidance text (no answer is stored)"
    html = guidance.render(spec, name="", value=None, errors=[])
    assert "Read this" in html


def test_conditional_fields_are_validated_only_when_shown(sample_form):
    definition = Definition(sample_form.steps)
    step = definition.step(1)
    answers = {"known_as": "Alex", "primary_need": "ASD", "looked_after": "no"}
    visible = definition.visible_fields(step, answers)
    assert "social_worker" not in [field.key for field in visible]
    assert form_for_fields(visible, _data(visible, answers)).is_valid()

    answers["looked_after"] = "yes"
    visible = definition.visible_fields(step, answers)
    form = form_for_fields(visible, _data(visible, answers))
    assert list(form.errors) == ["social_worker"]


def _data(fields, answers):
    return bind_answers(fields, answers)


def test_a_follow_up_to_a_hidden_question_is_hidden_too(make_form):
    form = make_form(
        [
            (
                "One",
                "",
                [
                    f("yes_no", "applies", "Applies?"),
                    f("yes_no", "delivered", "Delivered?", show_if=("applies", "yes")),
                    text("gaps", "What is missing?", show_if=("delivered", "no")),
                ],
            )
        ],
        slug="chain",
    )
    definition = Definition(form.steps)
    step = definition.step(1)

    def shown(answers):
        return [field.key for field in definition.visible_fields(step, answers)]

    assert shown({"applies": "yes", "delivered": "no"}) == ["applies", "delivered", "gaps"]
    assert shown({"applies": "no", "delivered": "no"}) == ["applies"]


def test_a_conditional_step_cannot_start_until_its_answer_is_given(sample_form):
    definition = Definition(sample_form.steps)
    care_step = definition.step(3)
    assert definition.step_availability(care_step, {}) is None
    assert definition.step_availability(care_step, {"looked_after": "no"}) is False
    assert definition.step_availability(care_step, {"looked_after": "yes"}) is True


def test_other_apps_add_types_through_the_hook(monkeypatch):
    class SchoolUrnType(ShortTextType):
        name = "school_urn"
        type_name = "School URN"

    def register(registry):
        registry.register(SchoolUrnType)

    # The registry every form and the admin use, read again as at start-up, then restored.
    monkeypatch.setattr(field_types, "_types", dict(field_types._types))
    monkeypatch.setattr(field_types, "_extensions_loaded", False)
    with hooks.register_temporarily("register_ehc_field_types", register):
        names = [name for name, _ in field_types.blocks()]
    assert names[0] == "short_text" and names[-1] == "school_urn"
    assert field_types.get("school_urn").type_name == "School URN"
    # The type builds its own editor block: its name in the menu and its options.
    block = dict(field_types.blocks())["school_urn"]
    assert block.meta.label == "School URN"
    assert list(block.child_blocks)[-1] == "max_length"


def checked_values(html):
    return re.findall(r'value="([^"]+)" checked', html)


def test_choices_render_as_govuk_checkboxes_and_radios_with_the_answer_ticked():
    choice = field_types.get("multiple_choice")
    spec = spec_of("multiple_choice", options="Conversation\nDrawing")
    html = choice.render(spec, name="how", value=["Drawing"], errors=[])
    assert 'class="govuk-checkboxes__input"' in html and 'type="checkbox"' in html
    assert checked_values(html) == ["Drawing"]

    yes_no = field_types.get("yes_no")
    html = yes_no.render(spec_of("yes_no"), name="agree", value="no", errors=["Select"])
    assert "govuk-radios--inline" in html and 'type="radio"' in html
    assert checked_values(html) == ["no"]
    assert 'id="agree-error"' in html and "govuk-form-group--error" in html

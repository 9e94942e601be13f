"""The registry as the only description of a type: every exported answer has the shape the
live JSON Schema states, "required when" reads the same in the schema and data guidance,
and answers read as people expect."""

import io

import jsonschema
import pytest
from django.core.management import call_command
from django.urls import reverse

from ehc_forms.models import EHCFormPage, Submission
from ehc_forms.registry import field_types
from ehc_forms.submitting import steps_needing_attention

# One typical answer per built-in type, stored as the step pages store them.
TYPICAL = {
    "short_text": lambda spec: "Sam",
    "memo": lambda spec: "First line\nSecond line",
    "lookup": lambda spec: field_types.get("lookup").options(spec)[0][0],
    "multiple_choice": lambda spec: [field_types.get("multiple_choice").options(spec)[0][0]],
    "date": lambda spec: {"day": "27", "month": "3", "year": "2016"},
    "yes_no": lambda spec: "yes",
    "number": lambda spec: str(spec.get("min_value") or 3),
    "email": lambda spec: "someone@example.org",
    "phone": lambda spec: "01632 960 123",
    "documents": lambda spec: [
        {
            "key": "0b6f5f3e-8c1d-4a5e-9d1e-3f7a2b9c4d10",
            "name": "EP report.pdf",
            "size": 48_000,
            "kind": "pdf",
        }
    ],
}


def typical_answers(fields):
    answers = {}
    for field in fields:
        if field.type.name == "repeating_group":
            answers[field.key] = [typical_answers(field.spec["fields"])]
        elif field.type.has_answer:
            answers[field.key] = TYPICAL[field.type.name](field.spec)
    return answers


def live_schema(client, page):
    response = client.get(f"/api/v2/form-schemas/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def validate(answers, schema):
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [error.message for error in validator.iter_errors(answers)]
    assert errors == []


def test_exported_answers_of_every_demo_form_match_its_live_schema(client, demo_site):
    call_command("load_demo_content", stdout=io.StringIO())
    pages = EHCFormPage.objects.live()
    assert pages.count() == 5
    for page in pages:
        definition = page.definition
        answers = typical_answers(definition.all_fields())
        exported = definition.export(answers)
        validate(exported, live_schema(client, page))
        # Only questions whose rules hide them (a rule expecting another answer) are left out.
        hidden = {
            field.key
            for step in definition.steps
            for field in step.fields
            if field.key and not definition.field_visible(field, answers)
        }
        assert set(exported) == {
            field.key for field in definition.all_fields() if field.key and field.key not in hidden
        } - {
            key
            for step in definition.steps
            if not definition.step_availability(step, answers)
            for key in (f.key for f in step.fields)
        }

    # The demo professional's drafts and sent versions: those with every step done match the
    # whole schema; the one part way through matches it except for questions not reached yet.
    mine = Submission.objects.filter(author__email="sendco@oakfield-primary.sch.uk")
    assert mine.count() == 4
    for submission in mine:
        exported = submission.definition.export(submission.answers)
        assert exported and set(exported) <= set(submission.answers)
        schema = live_schema(client, submission.form)
        if steps_needing_attention(submission):
            schema.pop("allOf", None)
            schema["required"] = []
        validate(exported, schema)


def test_export_gives_each_type_the_shape_its_schema_states(sample_form, client):
    definition = sample_form.definition
    answers = {
        "known_as": "Al",
        "primary_need": "ASD",
        "looked_after": "yes",
        "social_worker": "Kim",
        "child_views": "Line one\nLine two",
        "meeting_date": {"day": "27", "month": "3", "year": "2016"},
        "care_plan": "Reviewed",
        "people": [{"name": "Jo", "email": ""}, {"name": "", "email": ""}],
    }
    exported = definition.export(answers)
    assert exported["meeting_date"] == "2016-03-27"
    # An empty row and an empty optional answer are left out, not exported as blanks.
    assert exported["people"] == [{"name": "Jo"}]
    validate(exported, live_schema(client, sample_form))

    # A date still being typed, kept by autosave, is not an answer yet.
    half_typed = definition.export(
        {**answers, "meeting_date": {"day": "27", "month": "", "year": ""}}
    )
    assert "meeting_date" not in half_typed
    # An answer to a question its rule hides is not handed on.
    hidden = definition.export({**answers, "looked_after": "no"})
    assert "social_worker" not in hidden and "care_plan" not in hidden


def test_numbers_are_exported_as_integers():
    number = field_types.get("number")
    spec = {"label": "Age", "required": True, "min_value": 0, "max_value": 30}
    assert number.export(spec, " 12 ") == 12
    assert number.export(spec, "twelve") is None
    jsonschema.validate(number.export(spec, "12"), number.json_schema(spec))


def test_required_when_is_the_same_in_the_schema_and_the_data_guidance(sample_form, client):
    definition = sample_form.definition
    rows = {row["key"]: row["required"] for row in definition.data_guidance()}
    assert rows["care_plan"] == "When looked_after is yes"
    assert rows["social_worker"] == "When looked_after is yes"

    schema = live_schema(client, sample_form)
    assert "care_plan" not in schema["required"]
    answers = definition.export(
        {
            "known_as": "Al",
            "primary_need": "ASD",
            "looked_after": "yes",
            "child_views": "Fine",
            "people": [{"name": "Jo"}],
        }
    )
    validator = jsonschema.Draft202012Validator(schema)
    missing = sorted(error.message for error in validator.iter_errors(answers))
    assert missing == [
        "'care_plan' is a required property",
        "'social_worker' is a required property",
    ]
    # When the rule does not hold, neither is asked for.
    validate({**answers, "looked_after": "no"}, schema)


def test_answers_read_on_a_summary_as_people_expect(sample_form):
    fields = sample_form.definition.fields_by_key
    shown = {
        key: fields[key].type.display(fields[key].spec, answer)
        for key, answer in {
            "primary_need": "ASD",
            "looked_after": "no",
            "meeting_date": {"day": "27", "month": "3", "year": "2016"},
        }.items()
    }
    assert shown == {
        "primary_need": "Autistic spectrum disorder",
        "looked_after": "No",
        "meeting_date": "27 March 2016",
    }


@pytest.mark.parametrize("line_break", ["\r\n", "\n"])
def test_a_memo_that_fits_the_counter_is_accepted_with_line_breaks_as_one(
    professional_client, draft, reload, line_break
):
    # 48 letters and two line breaks: 50 characters for the counter, 52 if \r\n were two.
    text = line_break.join(["a" * 16, "b" * 16, "c" * 16])
    assert len(text.replace("\r\n", "\n")) == 50
    url = reverse("ehc_forms:step", args=[draft.pk, 2])
    response = professional_client.post(
        url, {"version": draft.version, "action": "continue", "child_views": text}
    )
    assert response.status_code == 302
    saved = reload(draft)
    assert saved.answers["child_views"] == "\n".join(["a" * 16, "b" * 16, "c" * 16])
    assert saved.step_states[saved.definition.step(2).id] == "completed"

    too_long = professional_client.post(
        url, {"version": saved.version, "action": "continue", "child_views": text + "x"}
    )
    assert "Answer must be 50 characters or fewer" in too_long.content.decode()


def test_a_date_too_big_for_the_calendar_is_an_error_on_the_step_not_a_server_error(
    professional_client, draft, reload
):
    url = reverse("ehc_forms:step", args=[draft.pk, 2])
    response = professional_client.post(
        url,
        {
            "version": draft.version,
            "action": "continue",
            "child_views": "Fine",
            "meeting_date-day": "1",
            "meeting_date-month": "1",
            "meeting_date-year": "99999999999999999999",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Date must be a real date" in html and 'href="#meeting_date"' in html
    # What was typed is kept, as autosave keeps it.
    assert reload(draft).answers["meeting_date"]["year"] == "99999999999999999999"

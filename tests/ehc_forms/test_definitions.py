"""Form definitions: key rules, the admin, the JSON Schema endpoint and the demo forms."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from ehc_forms.demo import build_steps, f, memo, text
from ehc_forms.models import EHCFormPage, LookupList, Submission
from ehc_forms.submitting import steps_needing_attention
from portal_pages.accounts.models import User
from portal_pages.accounts.testing import sign_in_verified


def unsaved_form(form_index, steps, lookup):
    page = EHCFormPage(
        title="Draft form",
        slug="draft-form",
        intro="Intro",
        steps=build_steps("draft-form", steps, {"Primary need": lookup}),
    )
    page.path, page.depth = form_index.path + "0009", form_index.depth + 1
    return page


def test_keys_must_be_unique_within_a_form(form_index, lookup):
    page = unsaved_form(
        form_index,
        [
            ("One", "", [text("name", "Name"), memo("views", "Views")]),
            ("Two", "", [text("name", "Name again")]),
        ],
        lookup,
    )
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert raised.value.message_dict["steps"] == [
        "Each field needs its own key. Used more than once: name."
    ]


def test_a_rule_must_refer_to_a_key_in_the_form(form_index, lookup):
    page = unsaved_form(
        form_index,
        [("One", "", [text("name", "Name", show_if=("missing", "yes"))])],
        lookup,
    )
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "depends on the key 'missing'" in raised.value.message_dict["steps"][0]


def test_a_valid_definition_passes_full_clean(form_index, lookup):
    page = unsaved_form(
        form_index,
        [
            (
                "One",
                "",
                [f("yes_no", "agree", "Agree?"), text("why", "Why", show_if=("agree", "no"))],
            )
        ],
        lookup,
    )
    page.full_clean()


def admin_form_data(slug, keys, **extra):
    """The admin's POST for a new form with one short-text question per step."""
    data = {"title": "New form", "slug": slug, "intro": "Intro", "audience": "everyone", **extra}
    data["steps-count"] = str(len(keys))
    data.update(
        {
            "reference_prefix": "NF",
            "what_happens_next": "We will be in touch.",
            "declarations-count": "1",
            "declarations-0-deleted": "",
            "declarations-0-order": "0",
            "declarations-0-type": "declaration",
            "declarations-0-id": "",
            "declarations-0-value": "I have checked every answer.",
        }
    )
    for index, key in enumerate(keys):
        prefix = f"steps-{index}"
        question = f"{prefix}-value-fields-0"
        data.update(
            {
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(index),
                f"{prefix}-type": "step",
                f"{prefix}-id": "",
                f"{prefix}-value-title": f"Step {index}",
                f"{prefix}-value-intro": "",
                f"{prefix}-value-show_if-key": "",
                f"{prefix}-value-show_if-value": "",
                f"{prefix}-value-fields-count": "1",
                f"{question}-deleted": "",
                f"{question}-order": "0",
                f"{question}-type": "short_text",
                f"{question}-id": "",
                f"{question}-value-label": "Name",
                f"{question}-value-key": key,
                f"{question}-value-hint": "",
                f"{question}-value-required": "on",
                f"{question}-value-max_length": "20",
                f"{question}-value-show_if-key": "",
                f"{question}-value-show_if-value": "",
            }
        )
    return data


@pytest.fixture
def editor_client(client, sign_in):
    from portal_pages.accounts.models import User

    editor = User.objects.create_superuser(email="editor@exampleshire.gov.uk", password="x" * 16)
    return sign_in(client, editor)


def test_the_admin_refuses_repeated_keys_with_a_clear_error(editor_client, form_index):
    response = editor_client.post(
        f"/admin/pages/add/ehc_forms/ehcformpage/{form_index.pk}/",
        admin_form_data("new-form", ["name", "name"]),
    )
    assert response.status_code == 200
    assert "Used more than once: name." in response.content.decode()
    assert not EHCFormPage.objects.filter(slug="new-form").exists()


def test_editors_build_and_publish_a_form_in_the_admin(editor_client, form_index):
    response = editor_client.post(
        f"/admin/pages/add/ehc_forms/ehcformpage/{form_index.pk}/",
        admin_form_data(
            "new-form",
            ["name", "school_name"],
            offered_at_stages=["request", "assessment"],
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    page = EHCFormPage.objects.get(slug="new-form")
    assert page.live and page.offered_at_stages == ["request", "assessment"]
    assert [field.key for field in page.definition.all_fields()] == ["name", "school_name"]
    assert page.live_revision is not None
    edit = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert re.search(r'name="offered_at_stages" value="assessment"[^>]*checked', edit)
    assert not re.search(r'name="offered_at_stages" value="draft_plan"[^>]*checked', edit)


def test_json_schema_endpoint_describes_a_live_form(client, sample_form):
    listing = client.get("/api/v2/form-schemas/").json()
    assert [item["title"] for item in listing["items"]] == ["Test form"]

    schema = client.get(f"/api/v2/form-schemas/{sample_form.pk}/").json()
    assert schema["title"] == "Test form"
    assert schema["properties"]["primary_need"] == {
        "title": "Primary need",
        "type": "string",
        "enum": ["ASD", "SLCN"],
    }
    assert schema["properties"]["people"]["maxItems"] == 2
    # Conditional fields are never unconditionally required.
    assert "known_as" in schema["required"]
    assert "social_worker" not in schema["required"]
    assert client.get("/api/v2/form-schemas/999999/").status_code == 404
    # Larger than any database's integer column: still no such form, not a server error.
    assert client.get(f"/api/v2/form-schemas/{'9' * 30}/").status_code == 404


def test_unpublished_forms_have_no_schema(client, sample_form):
    sample_form.unpublish()
    assert client.get(f"/api/v2/form-schemas/{sample_form.pk}/").status_code == 404


def test_demo_forms_are_realistic_and_loading_twice_changes_nothing(demo_site):
    call_command("load_demo_content", stdout=io.StringIO())
    counts = (EHCFormPage.objects.count(), LookupList.objects.count(), Submission.objects.count())
    call_command("load_demo_content", stdout=io.StringIO())
    assert counts == (
        EHCFormPage.objects.count(),
        LookupList.objects.count(),
        Submission.objects.count(),
    )
    titles = set(EHCFormPage.objects.values_list("title", flat=True))
    assert titles == {
        "Request for an EHC needs assessment",
        "Annual review",
        "Interim review",
        "Post-16 annual review",
        "Professional advice",
    }
    review = EHCFormPage.objects.get(slug="annual-review").definition
    fields = list(review.all_fields())
    assert len(review.steps) >= 10
    assert len(fields) >= 100
    assert max(field.spec.get("max_chars") or 0 for field in fields) >= 4000
    for page in EHCFormPage.objects.all():
        page.full_clean()
    mine = Submission.objects.filter(author__email="sendco@oakfield-primary.sch.uk")
    # A draft in progress, with a completed step.
    draft = mine.get(form__slug="request-for-assessment")
    assert "completed" in draft.step_states.values()
    assert "in_progress" in draft.step_states.values()
    # A draft ready to submit.
    ready = mine.get(form__slug="professional-advice")
    assert ready.status == "draft" and steps_needing_attention(ready) == []
    # A submitted form with a second version and its reason.
    first, second = mine.filter(form__slug="interim-review").order_by("version_number")
    assert (first.status, second.status) == ("submitted", "submitted")
    assert second.reference == first.reference and second.previous == first
    assert second.version_number == 2 and second.edit_reason
    assert first.answers["interim_reason"] != second.answers["interim_reason"]
    # Two reports go with both versions, and the SEND team officer has marked it Received.
    names = [document["name"] for document in second.answers["supporting_documents"]]
    assert names == ["Educational psychology report.pdf", "Speech and language report.pdf"]
    assert first.answers["supporting_documents"] == second.answers["supporting_documents"]
    assert second.review_status == "received"
    officer = sign_in_verified(Client(), User.objects.get(email="send.officer@exampleshire.gov.uk"))
    listing = officer.get(reverse("submissions:index"), {"review_status": "received"})
    assert reverse("submissions:inspect", args=[second.pk]) in listing.content.decode()
    download = officer.get(
        reverse("submissions:document", args=[second.answers["supporting_documents"][0]["key"]])
    )
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_published_page_previews_every_step_for_editors(client, sample_form):
    html = client.get(sample_form.url).content.decode()
    assert "Step 1: About the child" in html
    assert "Step 4: People" in html
    assert 'name="known_as"' in html and "govuk-character-count" in html


def test_data_guidance_rows_come_from_the_registry(sample_form):
    rows = {row["key"]: row for row in sample_form.definition.data_guidance()}
    assert list(rows)[:4] == ["known_as", "primary_need", "looked_after", "social_worker"]
    assert rows["known_as"] == {
        "step": "About the child",
        "key": "known_as",
        "question": "Known as",
        "description": "Short text, up to 20 characters",
        "required": "Yes",
    }
    assert rows["social_worker"]["required"] == "When looked_after is yes"
    assert rows["care_plan"]["required"] == "When looked_after is yes"
    assert rows["meeting_date"]["required"] == "No"
    assert rows["people"]["description"].startswith("Repeating group, up to 2 of person")

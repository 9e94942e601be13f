"""The SEND team's submissions workspace: listing filters, search and sorting, a
submission's page, status changes with their log and messages, and downloads."""

import csv
import datetime
import html
import io
import json

import jsonschema
import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from ehc_forms.demo import complete_steps, demo_pdf, f, text
from ehc_forms.models import Document, Submission
from ehc_forms.reviewing import STATUS_ACTION
from ehc_forms.saving import start_draft
from ehc_forms.submitting import start_edit, submit
from ehc_forms.viewsets import EXPORT_ACTION
from portal_pages.accounts.models import Organisation
from portal_pages.children.models import Child, EHCCase
from portal_pages.inbox.models import Message

REVIEW_STEPS = [
    (
        "Review",
        "",
        [
            text("summary", "Summary"),
            f("documents", "reports", "Reports", required=False),
        ],
    )
]


@pytest.fixture
def review_form(make_form):
    return make_form(REVIEW_STEPS, slug="review", title="Interim review")


def attach(draft, name):
    content = demo_pdf(name)
    document = Document(
        submission=draft, name=name, size=len(content), kind="pdf", content_type="application/pdf"
    )
    document.file.save("upload", ContentFile(content), save=False)
    document.save()
    draft.answers = {
        **draft.answers,
        "reports": [*draft.answers.get("reports", []), document.as_answer()],
    }
    draft.save(update_fields=["answers"])
    return draft


def send(form, author, child, summary, documents=()):
    draft = start_draft(
        author,
        child,
        form,
        {"full_name": author.full_name, "organisation": str(author.organisation)},
    )
    for name in documents:
        draft = attach(draft, name)
    draft = complete_steps(draft, author, {"summary": summary})
    return submit(draft.pk, author, draft.version, form.declaration_texts)


@pytest.fixture
def sent(review_form, professional, child):
    return send(review_form, professional, child, "Attendance has dropped.", ["EP report.pdf"])


@pytest.fixture
def officer_client(send_team_officer, sign_in):
    return sign_in(Client(), send_team_officer)


def listed_references(response):
    assert response.status_code == 200
    page = response.content.decode()
    return sorted(
        submission.reference
        for submission in Submission.objects.filter(status="submitted")
        if reverse("submissions:inspect", args=[submission.pk]) + '"' in page
    )


def test_the_listing_shows_sent_versions_not_drafts(
    officer_client, sent, review_form, professional, make_child_for
):
    other_child = make_child_for(professional, "Bea")
    start_draft(professional, other_child, review_form, {})
    assert Submission.objects.filter(status="draft").exists()
    assert listed_references(officer_client.get(reverse("submissions:index"))) == [sent.reference]


@pytest.fixture
def make_child_for():
    def make(author, given_name, **fields):
        return Child.objects.create(
            created_by=author,
            given_name=given_name,
            family_name="Rivers",
            date_of_birth=datetime.date(2015, 1, 2),
            **fields,
        )

    return make


@pytest.fixture
def many(review_form, make_form, make_professional, make_child_for, sent):
    """Submissions across forms, organisations, statuses, dates and case links."""
    other_form = make_form(REVIEW_STEPS, slug="advice", title="Professional advice")
    riverside = Organisation.objects.create(name="Riverside Academy", kind="school")
    other = make_professional(full_name="Quentin Blake", organisation=riverside)
    case = EHCCase.objects.create(
        reference="EHC-1",
        given_name="Cleo",
        family_name="Rivers",
        date_of_birth=datetime.date(2015, 1, 2),
        request_received_on=datetime.date(2026, 1, 5),
    )
    linked_child = make_child_for(other, "Cleo", ehc_case=case)
    advice = send(other_form, other, linked_child, "Advice given.")
    Submission.objects.filter(pk=advice.pk).update(
        review_status=Submission.Review.RECEIVED,
        submitted_at=datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC),
    )
    return {
        "sent": sent,
        "advice": Submission.objects.get(pk=advice.pk),
        "riverside": riverside,
        "other_form": other_form,
    }


FILTER_CASES = [
    (lambda m: {"form": m["other_form"].pk}, ["advice"]),
    (lambda m: {"review_status": "received"}, ["advice"]),
    (lambda m: {"review_status": "submitted"}, ["sent"]),
    (lambda m: {"organisation": "riverside"}, ["advice"]),
    (lambda m: {"linked": "true"}, ["advice"]),
    (lambda m: {"linked": "false"}, ["sent"]),
    (lambda m: {"submitted_at_from": "2026-01-01", "submitted_at_to": "2026-01-31"}, ["advice"]),
    (lambda m: {"q": m["sent"].reference}, ["sent"]),
    (lambda m: {"q": "Cleo"}, ["advice"]),
    (lambda m: {"q": "Quentin"}, ["advice"]),
    (lambda m: {}, ["advice", "sent"]),
]


def test_listing_filters_and_search(officer_client, many):
    for params, expected in FILTER_CASES:
        response = officer_client.get(reverse("submissions:index"), params(many))
        assert listed_references(response) == sorted(many[name].reference for name in expected), (
            params(many)
        )


def test_the_listing_sorts_and_its_queries_do_not_grow_with_rows(
    officer_client, many, review_form, professional, make_child_for, django_assert_max_num_queries
):
    for number in range(30):
        send(review_form, professional, make_child_for(professional, f"Child{number}"), "More.")
    with django_assert_max_num_queries(20):
        response = officer_client.get(reverse("submissions:index"), {"ordering": "submitted_at"})
    page = response.content.decode()
    assert page.index(many["advice"].reference) < page.index(many["sent"].reference)
    newest_first = officer_client.get(reverse("submissions:index")).content.decode()
    assert newest_first.index(many["sent"].reference) < newest_first.index(many["advice"].reference)


def test_a_submissions_page_shows_everything_sent(officer_client, sent, professional, child):
    page = officer_client.get(reverse("submissions:inspect", args=[sent.pk])).content.decode()
    assert child.full_name in page and "Not linked to a case" in page
    assert professional.full_name in page and "Oakfield Primary School" in page
    assert "Attendance has dropped." in page
    document = Document.objects.get(submission=sent)
    assert reverse("submissions:document", args=[document.key]) in page and "EP report.pdf" in page
    for declaration in sent.declarations:
        assert html.escape(declaration) in page
    assert reverse("submissions:pdf", args=[sent.pk]) in page
    assert 'id="status-form"' in page


def test_versions_show_their_reason_and_what_changed_including_files(
    officer_client, sent, professional, review_form
):
    draft = start_edit(sent, professional, "Added the speech and language report.")
    draft = attach(draft, "SALT report.pdf")
    draft = complete_steps(draft, professional, {"summary": "Attendance has dropped."})
    second = submit(draft.pk, professional, draft.version, review_form.declaration_texts)
    page = officer_client.get(reverse("submissions:inspect", args=[second.pk])).content.decode()
    assert "Added the speech and language report." in page
    assert "SALT report.pdf" in page.split('id="version-2"')[1].split("</section>")[0]
    # Both versions list the first report, which stays with each of them.
    first_page = officer_client.get(reverse("submissions:inspect", args=[sent.pk])).content.decode()
    assert "EP report.pdf" in first_page


def test_the_send_team_downloads_files_and_the_pdf_with_its_attachments(officer_client, sent):
    document = Document.objects.get(submission=sent)
    response = officer_client.get(reverse("submissions:document", args=[document.key]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    # The admin adds its own never-cache directives to the file's own.
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == demo_pdf("EP report.pdf")
    pdf = officer_client.get(reverse("submissions:pdf", args=[sent.pk]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Attachments" in text and "EP report.pdf" in text


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """Posts a status change as the officer would, running what waits for the commit."""

    def post(client, submission, status, action_needed=""):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("submissions:status", args=[submission.pk]),
                {"status": status, "action_needed": action_needed},
            )

    return post


def test_received_is_logged_shown_to_the_professional_and_told_in_their_inbox(
    officer_client, sent, professional, child, professional_client, send_team_officer, change
):
    response = change(officer_client, sent, "received")
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.review_status == "received"
    entry = ModelLogEntry.objects.get(action=STATUS_ACTION)
    assert entry.user == send_team_officer and entry.data["new_status"] == "received"
    history = officer_client.get(reverse("submissions:history", args=[sent.pk])).content.decode()
    assert "Status changed from Submitted to Received" in history
    message = Message.objects.filter(recipient=professional).latest("id")
    assert message.subject == f"Interim review {sent.reference}: Received"
    assert (
        professional_client.get(reverse("ehc_forms:submitted", args=[sent.pk]))
        .content.decode()
        .count("Received")
        >= 1
    )
    home = professional_client.get(reverse("children:home", args=[child.pk])).content.decode()
    assert "Received" in home


def test_action_needed_needs_words_and_sends_an_action_request_that_edit_answers(
    officer_client, sent, professional, professional_client, change
):
    change(officer_client, sent, "received")
    refused = change(officer_client, sent, "action_needed")
    assert refused.status_code == 200
    assert "Write what the professional needs to do" in refused.content.decode()
    change(officer_client, sent, "action_needed", "Please attach the speech and language report.")
    sent.refresh_from_db()
    assert sent.review_status == "action_needed"
    message = Message.objects.filter(recipient=professional).latest("id")
    assert message.category == Message.Category.ACTION
    assert "Please attach the speech and language report." in message.body
    assert message.link_url == reverse("ehc_forms:submitted", args=[sent.pk])
    page = professional_client.get(message.link_url).content.decode()
    assert "Please attach the speech and language report." in page
    edit = professional_client.post(
        reverse("ehc_forms:edit", args=[sent.pk]), {"reason": "Attached the report."}
    )
    draft = Submission.objects.get(previous=sent)
    assert edit.url == reverse("ehc_forms:task_list", args=[draft.pk])
    assert draft.answers["reports"] == sent.answers["reports"]


def test_a_status_the_flow_does_not_allow_is_refused(officer_client, sent, change):
    response = change(officer_client, sent, "accepted")
    assert response.status_code == 200
    sent.refresh_from_db()
    assert sent.review_status == "submitted"
    change(officer_client, sent, "received")
    change(officer_client, sent, "accepted")
    sent.refresh_from_db()
    assert sent.review_status == "accepted"
    page = officer_client.get(reverse("submissions:inspect", args=[sent.pk])).content.decode()
    assert 'id="status-form"' not in page


def export(client, export_format, **params):
    response = client.get(reverse("submissions:index"), {"export": export_format, **params})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response


def test_csv_export_has_one_row_per_version_with_columns_named_by_field_keys(
    officer_client, sent, professional, review_form, many
):
    draft = start_edit(sent, professional, "Corrected the summary.")
    draft = complete_steps(draft, professional, {"summary": "Attendance has dropped, a lot."})
    second = submit(draft.pk, professional, draft.version, review_form.declaration_texts)
    response = export(officer_client, "csv", form=review_form.pk)
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["Reference"], row["Version"]) for row in rows] == [
        (second.reference, "2"),
        (sent.reference, "1"),
    ]
    assert rows[0]["summary"] == "Attendance has dropped, a lot."
    assert rows[1]["summary"] == "Attendance has dropped."
    assert rows[0]["Reason for this version"] == "Corrected the summary."
    reports = json.loads(rows[1]["reports"])
    assert [report["name"] for report in reports] == ["EP report.pdf"]
    assert rows[1]["Status"] == "Submitted" and rows[1]["Organisation"] == "Oakfield Primary School"


def test_json_export_nests_answers_in_the_shape_of_each_forms_schema(
    officer_client, many, review_form
):
    response = export(officer_client, "json")
    rows = json.loads(response.content)
    assert sorted(row["reference"] for row in rows) == sorted(
        [many["sent"].reference, many["advice"].reference]
    )
    for row in rows:
        submission = Submission.objects.get(
            reference=row["reference"], version_number=row["version"]
        )
        schema = submission.definition.json_schema(submission.form.title)
        jsonschema.validate(row["answers"], schema)
    sent_row = next(row for row in rows if row["reference"] == many["sent"].reference)
    assert sent_row["answers"]["reports"][0]["name"] == "EP report.pdf"
    assert sent_row["status"] == "submitted"
    filtered = json.loads(export(officer_client, "json", review_status="received").content)
    assert [row["reference"] for row in filtered] == [many["advice"].reference]


def test_each_export_is_logged_with_who_exported_the_filter_and_the_row_count(
    officer_client, many, send_team_officer
):
    export(officer_client, "csv", review_status="received", q="Cleo")
    [entry] = ModelLogEntry.objects.filter(action=EXPORT_ACTION)
    assert entry.object_id == str(many["advice"].pk)
    assert entry.user == send_team_officer
    assert entry.data == {
        "format": "csv",
        "filters": {"review_status": "received", "q": "Cleo"},
        "rows": 1,
    }
    history = officer_client.get(reverse("submissions:history", args=[many["advice"].pk]))
    assert "Exported as CSV: 1 row in all, filtered by q=Cleo, review_status=received" in (
        html.unescape(history.content.decode())
    )

    export(officer_client, "xlsx")
    export(officer_client, "json")
    for export_format in ("xlsx", "json"):
        entries = ModelLogEntry.objects.filter(action=EXPORT_ACTION, data__format=export_format)
        assert sorted(entry.object_id for entry in entries) == sorted(
            str(many[name].pk) for name in ("sent", "advice")
        )
        assert {(entry.data["rows"], str(entry.data["filters"])) for entry in entries} == {
            (2, "{}")
        }
    sent_history = officer_client.get(reverse("submissions:history", args=[many["sent"].pk]))
    assert "Exported as JSON: 2 rows in all, no filter" in sent_history.content.decode()
    site_history = officer_client.get(reverse("wagtailadmin_reports:site_history"))
    assert "Exported as XLSX: 2 rows in all, no filter" in site_history.content.decode()

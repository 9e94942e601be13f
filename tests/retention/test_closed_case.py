"""The SEND team exports a closed case's portal data, then deletes it, in the admin."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ehc_forms.models import Document, Submission, SubmissionPDF
from portal_pages.children.models import Child, EHCCase
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message


@pytest.fixture
def closed_case(make_case):
    return make_case(
        given_name="Rosalind",
        family_name="Achterberg",
        closed_on=datetime.date.today() - datetime.timedelta(days=3),
    )


@pytest.fixture
def case_data(closed_case, professional, make_child, make_submitted, make_draft):
    child = make_child(professional, given_name="Rosalind", ehc_case=closed_case)
    sent = make_submitted(professional, child)
    Document.objects.create(
        submission=sent, name="plan.pdf", size=4, kind="pdf", content_type="application/pdf"
    ).file.save("plan", ContentFile(b"%PDF"), save=True)
    draft = make_draft(professional, child)
    send_message(professional, "About Rosalind", "Rosalind's plan ceased.", child=child)
    return {"child": child, "sent": sent, "draft": draft}


def page_url(case):
    return reverse("closed_cases:delete", args=[case.pk])


def test_a_closed_case_is_deleted_only_after_its_export(send_client, closed_case, case_data):
    listing = send_client.get(reverse("ehc-cases:index")).content.decode()
    assert page_url(closed_case) in listing

    page = send_client.get(page_url(closed_case))
    assert page.status_code == 200
    assert page.context["contents"] == {
        "child_records": 1,
        "sent": 1,
        "drafts": 1,
        "documents": 1,
        "messages": 1,
    }

    refused = send_client.post(page_url(closed_case), {"stored": "on"})
    assert refused.status_code == 200
    assert "Download the export before deleting the portal data." in refused.content.decode()
    assert Child.objects.filter(pk=case_data["child"].pk).exists()

    export = send_client.get(reverse("closed_cases:export", args=[closed_case.pk]))
    assert export.status_code == 200
    assert export["Content-Disposition"].startswith("attachment;")
    archive = zipfile.ZipFile(io.BytesIO(export.content))
    data = json.loads(archive.read("case.json"))
    assert data["case"]["reference"] == closed_case.reference
    [record] = data["child_records"]
    assert record["given_name"] == "Rosalind"
    assert {form["status"] for form in record["forms"]} == {"draft", "submitted"}
    sent = next(form for form in record["forms"] if form["status"] == "submitted")
    assert sent["answers"]["known_as"] == "Pip"
    [document] = sent["documents"]
    assert archive.read(document["file"]) == b"%PDF"
    assert record["messages"][0]["body"] == "Rosalind's plan ceased."

    unconfirmed = send_client.post(page_url(closed_case), {})
    assert "Confirm that you have stored the export" in unconfirmed.content.decode()
    assert EHCCase.objects.filter(pk=closed_case.pk).exists()

    deleted = send_client.post(page_url(closed_case), {"stored": "on"})
    assert deleted.status_code == 302
    assert not EHCCase.objects.filter(pk=closed_case.pk).exists()
    assert not Child.objects.filter(pk=case_data["child"].pk).exists()
    assert not Submission.objects.exists()
    assert not Document.objects.exists()
    assert not Message.objects.exists()
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(closed_case.pk)).values_list("action", "label")
    )
    assert {
        ("retention.export_case_data", f"EHC case {closed_case.pk}"),
        ("retention.delete_case_data", f"EHC case {closed_case.pk}"),
    } <= actions
    assert not ModelLogEntry.objects.filter(label__contains="Rosalind").exists()


def test_an_open_case_offers_nothing(send_client, make_case):
    case = make_case()
    assert page_url(case) not in send_client.get(reverse("ehc-cases:index")).content.decode()
    assert send_client.get(page_url(case)).status_code == 404
    assert send_client.get(reverse("closed_cases:export", args=[case.pk])).status_code == 404


def test_professionals_cannot_reach_it(professional_client, closed_case, case_data):
    for url in (page_url(closed_case), reverse("closed_cases:export", args=[closed_case.pk])):
        response = professional_client.get(url)
        assert response.status_code in (302, 403)
        assert professional_client.post(url, {"stored": "on"}).status_code in (302, 403)
    assert EHCCase.objects.filter(pk=closed_case.pk).exists()


def test_deleting_the_case_data_deletes_the_kept_pdfs(
    send_client, professional_client, closed_case, case_data
):
    sent = case_data["sent"]
    assert professional_client.get(reverse("ehc_forms:pdf", args=[sent.pk])).status_code == 200
    name = SubmissionPDF.objects.get(submission=sent).file.name
    assert default_storage.exists(name)

    send_client.get(reverse("closed_cases:export", args=[closed_case.pk]))
    assert send_client.post(page_url(closed_case), {"stored": "on"}).status_code == 302
    assert not SubmissionPDF.objects.exists()
    assert not default_storage.exists(name)

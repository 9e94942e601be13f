"""A sent version's PDF is drawn once and kept: later downloads read the kept file, a change
to anything the PDF shows draws a new one in its place, the file goes with its submission,
and storage that fails only costs the time of drawing it again."""

import logging
import re
from pathlib import Path

from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from ehc_forms.demo import complete_steps
from ehc_forms.expiry import delete_submission
from ehc_forms.models import Submission, SubmissionPDF
from ehc_forms.submitting import start_edit, submit
from tests.ehc_forms.test_documents_s3 import BUCKET, s3_endpoint, s3_server, s3_storage
from tests.ehc_forms.test_pdf import long_form, pdf_text, sent

__all__ = ["long_form", "s3_endpoint", "s3_server", "s3_storage"]

ANSWERS = {"views": "Likes the sensory room before lessons.", "name": "Łódź"}


def download(client, submission):
    return client.get(reverse("ehc_forms:pdf", args=[submission.pk]))


def kept_bytes(pdf):
    with pdf.file.open("rb") as stored:
        return stored.read()


def test_the_second_download_is_the_kept_file(
    professional_client, officer_client, professional, child, long_form
):
    submission = sent(long_form, professional, child, ANSWERS)
    first = download(professional_client, submission)
    kept = SubmissionPDF.objects.get(submission=submission)
    assert kept_bytes(kept) == first.content
    # Under a random key that says nothing of the child, the form or the submission.
    assert re.fullmatch(r"pdfs/[0-9a-f]{32}", kept.file.name)

    # The kept file, not a new drawing, is what both downloads serve from now on.
    Path(kept.file.path).write_bytes(b"%PDF-1.7 the kept file")
    assert download(professional_client, submission).content == b"%PDF-1.7 the kept file"
    admin = officer_client.get(reverse("submissions:pdf", args=[submission.pk]))
    assert admin.content == b"%PDF-1.7 the kept file"
    assert SubmissionPDF.objects.count() == 1


def test_a_new_name_draws_a_new_pdf_and_removes_the_old_one(
    professional_client, professional, child, long_form
):
    submission = sent(long_form, professional, child, ANSWERS)
    download(professional_client, submission)
    old = SubmissionPDF.objects.get()

    child.given_name = "Augusta"
    child.save()
    response = download(professional_client, submission)
    pages, _flat = pdf_text(response, submission)
    assert "Augusta Lovelace" in pages[0]
    new = SubmissionPDF.objects.get()
    assert new.digest != old.digest
    assert kept_bytes(new) == response.content
    assert not default_storage.exists(old.file.name)


def test_a_kept_file_that_is_gone_is_drawn_and_kept_again(
    professional_client, professional, child, long_form, caplog
):
    submission = sent(long_form, professional, child, ANSWERS)
    download(professional_client, submission)
    gone = SubmissionPDF.objects.get()
    default_storage.delete(gone.file.name)
    with caplog.at_level(logging.WARNING, logger="ehc_forms.pdf"):
        response = download(professional_client, submission)
    assert "Ada Lovelace" in pdf_text(response, submission)[0][0]
    assert f"The kept PDF of submission {submission.pk} cannot be read" in caplog.text
    kept = SubmissionPDF.objects.get()
    assert kept.digest == gone.digest and kept.file.name != gone.file.name
    assert kept_bytes(kept) == response.content


def test_another_professional_gets_nothing_and_draws_nothing(
    professional, child, long_form, make_professional, sign_in
):
    submission = sent(long_form, professional, child, ANSWERS)
    stranger = sign_in(Client(), make_professional(email="other@example.org"))
    assert download(stranger, submission).status_code == 404
    assert not SubmissionPDF.objects.exists()


def test_sending_a_version_keeps_its_pdf(
    professional_client,
    professional,
    child,
    long_form,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        first = sent(long_form, professional, child, ANSWERS)
    kept = SubmissionPDF.objects.get(submission=first)
    assert download(professional_client, first).content == kept_bytes(kept)

    draft = start_edit(first, professional, "Corrected the name")
    draft = complete_steps(draft, professional, {**ANSWERS, "name": "Cwm"})
    with django_capture_on_commit_callbacks(execute=True):
        second = submit(draft.pk, professional, draft.version, long_form.declaration_texts)
    kept_second = SubmissionPDF.objects.get(submission=second)
    response = download(professional_client, second)
    assert response.content == kept_bytes(kept_second)
    _pages, flat = pdf_text(response, second)
    assert "Correctedthename" in flat and "Cwm" in flat
    assert SubmissionPDF.objects.count() == 2


def test_deleting_the_submission_or_the_pdf_deletes_its_file(
    professional_client, professional, child, long_form
):
    submission = sent(long_form, professional, child, ANSWERS)
    download(professional_client, submission)
    name = SubmissionPDF.objects.get().file.name
    assert default_storage.exists(name)
    SubmissionPDF.objects.get().delete()
    assert not default_storage.exists(name)

    download(professional_client, submission)
    name = SubmissionPDF.objects.get().file.name
    delete_submission(submission, reason="a test")
    assert not Submission.objects.exists() and not SubmissionPDF.objects.exists()
    assert not default_storage.exists(name)


def pdf_keys(client):
    listed = client.list_objects_v2(Bucket=BUCKET, Prefix="pdfs/").get("Contents", [])
    return [item["Key"] for item in listed]


def test_a_download_while_storage_is_down_is_drawn_afresh_and_logged(
    professional_client, professional, child, long_form, s3_storage, s3_server, caplog
):
    submission = sent(long_form, professional, child, ANSWERS)
    download(professional_client, submission)
    assert pdf_keys(s3_storage) == [SubmissionPDF.objects.get().file.name]

    s3_server.stop()
    with caplog.at_level(logging.WARNING, logger="ehc_forms.pdf"):
        unread = download(professional_client, submission)
        child.given_name = "Augusta"
        child.save()
        unkept = download(professional_client, submission)
    assert "Ada Lovelace" in pdf_text(unread, submission)[0][0]
    assert "Augusta Lovelace" in pdf_text(unkept, submission)[0][0]
    warnings = [record.getMessage().split(":")[0] for record in caplog.records]
    assert warnings.count(f"The kept PDF of submission {submission.pk} cannot be read") == 1
    assert warnings.count(f"The PDF of submission {submission.pk} could not be kept") == 2

    s3_server.start()
    download(professional_client, submission)
    # Kept once storage answers again, in place of the one drawn for the old name.
    assert pdf_keys(s3_storage) == [SubmissionPDF.objects.get().file.name]

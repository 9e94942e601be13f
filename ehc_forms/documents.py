"""Documents attached to forms: checking an upload, scanning it, keeping it privately and
streaming it back only to those allowed to read it.

A file is checked before anything is kept: not empty, not over the size limits (one file,
and everything attached to the submission), not over the field's number of files, and of an
allowed kind as its content shows (its first bytes), whatever its name or the browser
claim. Then the scanner reads it; only a clean file reaches storage, under a random key."""

import logging
from dataclasses import dataclass

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.base import File
from django.http import FileResponse

from ehc_forms.file_kinds import KINDS, clean_name, kind_of, kinds_sentence, megabytes
from ehc_forms.models import Document, Submission
from ehc_forms.scanning import ScanRefused, scan

logger = logging.getLogger(__name__)

STORAGE_UNAVAILABLE = (
    "The selected file “{name}” could not be uploaded because the file store is not "
    "answering. Your other answers are saved: try uploading the file again in a few minutes"
)
# What storage raises when it cannot keep a file: the file system's errors, and S3's
# (unreachable endpoint, timeouts, refused requests).
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


@dataclass
class UploadResult:
    """What came of the files sent for one field: those kept, and the error for the rest."""

    documents: list
    errors: list


def attached(submission):
    """Every document the submission's answers list, field by field in the form's order."""
    return [
        document
        for field in submission.definition.all_fields()
        if field.type.has_answer
        for document in field.type.documents(field.spec, submission.answers.get(field.key))
    ]


def attached_size(submission):
    """Bytes already attached to this submission (all its Documents fields)."""
    return sum(document.get("size") or 0 for document in attached(submission))


def check_upload(upload, spec, count_before, size_before):
    """The GOV.UK error message for one file, or None when it may be kept."""
    allowed = spec.get("kinds") or list(KINDS)
    if count_before >= spec["max_files"]:
        return f"You can upload up to {spec['max_files']} files for “{spec['label']}”"
    if upload.size == 0:
        return f"The selected file “{clean_name(upload.name)}” is empty"
    if upload.size > settings.DOCUMENT_MAX_FILE_SIZE:
        return (
            f"The selected file “{clean_name(upload.name)}” must be smaller than "
            f"{megabytes(settings.DOCUMENT_MAX_FILE_SIZE)}"
        )
    kind = kind_of(upload)
    if kind is None or kind.extension not in allowed:
        return f"The selected file “{clean_name(upload.name)}” must be a {kinds_sentence(allowed)}"
    if size_before + upload.size > settings.DOCUMENT_MAX_SUBMISSION_SIZE:
        return (
            "The files attached to this form must be "
            f"{megabytes(settings.DOCUMENT_MAX_SUBMISSION_SIZE)} or smaller in total"
        )
    return None


def receive_uploads(submission, field, uploads):
    """Check, scan and keep the files sent for one Documents field of a draft."""
    count = len(field.type.documents(field.spec, submission.answers.get(field.key)))
    size = attached_size(submission)
    kept, errors = [], []
    for upload in uploads:
        error = check_upload(upload, field.spec, count, size)
        if error is None:
            try:
                scan(upload)
            except ScanRefused as refusal:
                error = refusal.message.format(name=clean_name(upload.name))
        if error:
            errors.append(error)
            continue
        kind = kind_of(upload)
        document = Document(
            submission=submission,
            name=clean_name(upload.name),
            size=upload.size,
            kind=kind.extension,
            content_type=kind.content_type,
        )
        try:
            document.file.save("upload", File(upload), save=False)
        except STORAGE_ERRORS:
            logger.exception("Storing an upload to draft %s failed", submission.pk)
            errors.append(STORAGE_UNAVAILABLE.format(name=clean_name(upload.name)))
            continue
        document.save()
        kept.append(document.as_answer())
        count += 1
        size += upload.size
    return UploadResult(kept, errors)


def listed_keys(submission):
    """The keys of the documents that any version of this submission lists in its answers."""
    versions = [submission]
    if submission.reference:
        versions += Submission.objects.filter(
            reference=submission.reference, author=submission.author
        ).exclude(pk=submission.pk)
    return {document["key"] for version in versions for document in attached(version)}


def discard_unlisted(submission):
    """Delete the files of this draft that no version lists any more (removed before they
    were ever sent), from storage and from the database."""
    listed = listed_keys(submission)
    for document in Document.objects.filter(submission=submission):
        if str(document.key) not in listed:
            document.delete()  # and its file, with the row (`delete_stored_file`)


def stream(document):
    """The file as a download that no browser will show inline or guess the type of, and
    that no cache keeps."""
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def receive_step_uploads(submission, step, files):
    """Check, scan and keep the files sent with a step, field by field. Returns the kept
    documents and the error messages, each keyed by field key."""
    uploads, errors = {}, {}
    for field in step.answer_fields:
        sent = files.getlist(field.key)
        if not sent:
            continue
        result = receive_uploads(submission, field, sent)
        if result.documents:
            uploads[field.key] = result.documents
        if result.errors:
            errors[field.key] = result.errors
    return uploads, errors

"""A closed case's portal data: the SEND team exports it for the council's records, then
deletes it from the portal (the linked child records, every form sent or started for them
with their files, the messages about them, and the portal's copy of the case).

Deleting is refused until an export has been downloaded since the case was closed, and
both are recorded in Wagtail's log against the case's id.
"""

import io
import json
import logging
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ehc_forms.expiry import delete_all_answers_for
from ehc_forms.exporting import exported_answers
from ehc_forms.models import Document, Submission
from portal_pages.children.deletion import delete_child
from portal_pages.children.models import Child
from portal_pages.inbox.models import Message
from portal_pages.pages.audit import forget_names_in_log

logger = logging.getLogger(__name__)

PERMISSION = "children.delete_closed_case_data"
EXPORT_ACTION = "retention.export_case_data"
DELETE_ACTION = "retention.delete_case_data"
DELETE_REASON = "closed case's portal data deleted by the SEND team after export"


def audit_title(case_id):
    return f"EHC case {case_id}"


def fields_of(instance):
    """Every stored field of a row, for the export."""
    return {
        field.attname: field.value_from_object(instance) for field in instance._meta.concrete_fields
    }


def linked_children(case):
    return Child.objects.filter(ehc_case=case).order_by("pk")


def contents(case):
    """How much the deletion removes, for the confirmation page."""
    children = linked_children(case)
    submissions = Submission.objects.filter(child__in=children)
    return {
        "child_records": children.count(),
        "sent": submissions.filter(status=Submission.Status.SUBMITTED).count(),
        "drafts": submissions.filter(status=Submission.Status.DRAFT).count(),
        "documents": Document.objects.filter(submission__in=submissions).count(),
        "messages": Message.objects.filter(child__in=children).count(),
    }


def export_data(case):
    """Everything the portal holds about the case, as one JSON-ready dict."""
    records = []
    for child in linked_children(case):
        submissions = Submission.objects.filter(child=child).select_related("form")
        records.append(
            {
                **fields_of(child),
                "forms": [
                    {
                        **fields_of(submission),
                        "form_title": submission.form.title,
                        "answers": exported_answers(submission),
                        "documents": [
                            {
                                "key": str(document.key),
                                "name": document.name,
                                "file": document_path(document),
                            }
                            for document in submission.documents.all()
                        ],
                    }
                    for submission in submissions
                ],
                "messages": [
                    {
                        "id": m.pk,
                        "recipient_id": m.recipient_id,
                        "subject": m.subject,
                        "body": m.body,
                        "created": m.created,
                    }
                    for m in Message.objects.filter(child=child)
                ],
            }
        )
    return {"case": fields_of(case), "child_records": records, "exported_at": timezone.now()}


def document_path(document):
    return f"documents/{document.key}/{document.name}"


def export_zip(case, by):
    """The export as a ZIP (`case.json` and every attached file), logged against the case."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "case.json", json.dumps(export_data(case), cls=DjangoJSONEncoder, indent=2)
        )
        children = linked_children(case)
        for document in Document.objects.filter(submission__child__in=children):
            with document.file.open("rb") as stored:
                archive.writestr(document_path(document), stored.read())
    log(instance=case, action=EXPORT_ACTION, user=by, title=audit_title(case.pk))
    logger.info("Exported the portal data of closed EHC case %s", case.pk)
    return buffer.getvalue()


def exported_since_closed(case):
    return (
        ModelLogEntry.objects.for_instance(case)
        .filter(action=EXPORT_ACTION, timestamp__date__gte=case.closed_on)
        .exists()
    )


def delete_case_data(case, by):
    """Delete the case's portal data. Only for a closed case exported since it closed."""
    if not (case.closed_on and exported_since_closed(case)):
        raise ValueError("Only a closed case exported since it closed can be deleted.")
    case_id = case.pk
    with transaction.atomic():
        children = list(linked_children(case))
        child_ids = [child.pk for child in children]
        for child in children:
            delete_all_answers_for(child, reason=DELETE_REASON)
            delete_child(child, reason=DELETE_REASON, by=by)
        forget_names_in_log(case, audit_title(case_id))
        log(
            instance=case,
            action=DELETE_ACTION,
            user=by,
            title=audit_title(case_id),
            data={"reason": DELETE_REASON, "child_record_ids": child_ids},
            deleted=True,
        )
        case.delete()
    logger.info("Deleted the portal data of closed EHC case %s: %s", case_id, DELETE_REASON)

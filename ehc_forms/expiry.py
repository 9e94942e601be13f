"""Drafts nobody touches are not kept for ever: the retention rules warn the author, then
delete the draft. Saving the draft or its author opening it restarts the clock.

A draft counts as touched when it was last saved (`updated_at`) or opened by its author
(`opened_at`). A warning counts only for the untouched spell it was sent in: it is sent
once per spell, and a draft is deleted only once its warning is old enough.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from wagtail.log_actions import log

from ehc_forms.models import Document, Submission
from portal_pages.inbox.models import Message
from portal_pages.pages.audit import forget_names_in_log

logger = logging.getLogger(__name__)

DELETE_ACTION = "ehc_forms.delete_answers"
# Opening a page of the draft writes at most once a day, so reading stays a read.
OPENED_RESOLUTION = timedelta(days=1)


def last_touched():
    """The later of the last save and the author's last opening, for querysets."""
    return Greatest(F("updated_at"), Coalesce(F("opened_at"), F("updated_at")))


def touched_at(draft):
    return max(draft.updated_at, draft.opened_at or draft.updated_at)


def keep_opened_draft(draft, user):
    """The author opened their draft: it counts as touched, and any warning is spent."""
    if user.pk != draft.author_id:
        return
    now = timezone.now()
    if touched_at(draft) > now - OPENED_RESOLUTION:
        return
    draft.opened_at = now
    Submission.objects.filter(pk=draft.pk).update(opened_at=now)


def untouched_drafts(since):
    """Drafts neither saved nor opened by their author since `since`, with when they were
    last touched as `touched`."""
    return (
        Submission.objects.filter(status=Submission.Status.DRAFT)
        .alias(touched=last_touched())
        .filter(touched__lt=since)
        .annotate(last_touched=last_touched())
    )


def unwarned(drafts):
    """Those not yet warned in their current untouched spell."""
    return drafts.filter(Q(expiry_warned_at__isnull=True) | Q(expiry_warned_at__lt=F("touched")))


def warned_before(drafts, warned_by):
    """Those warned in their current untouched spell, on or before `warned_by`."""
    return drafts.filter(expiry_warned_at__gte=F("touched"), expiry_warned_at__lte=warned_by)


def warning_key(draft):
    """The inbox's event key for the warning about this spell, so one is sent per spell."""
    return f"draft-expiring:{draft.pk}:{draft.last_touched:%Y%m%d%H%M%S}"


def mark_warned(draft, when):
    draft.expiry_warned_at = when
    Submission.objects.filter(pk=draft.pk).update(expiry_warned_at=when)


def audit_title(submission_id):
    """How logs name a draft or sent form: by id, never by its child's name."""
    return f"Form answers {submission_id}"


def delete_submission(submission, *, reason):
    """Delete a draft (or, with a closed case's data, a sent version) with its files and
    the messages about it, logging `reason` (words without personal data) against its id.
    A sent version is deleted only after the versions that came from it."""
    submission_id = submission.pk
    with transaction.atomic():
        # Each row's file goes with it (`delete_stored_file`), the PDFs' with the submission.
        Document.objects.filter(submission=submission).delete()
        Message.objects.filter(dedupe_key__startswith=f"draft-expiring:{submission_id}:").delete()
        forget_names_in_log(submission, audit_title(submission_id))
        log(
            instance=submission,
            action=DELETE_ACTION,
            title=audit_title(submission_id),
            data={
                "reason": reason,
                "status": submission.status,
                "child_id": submission.child_id,
                "form_id": submission.form_id,
            },
            deleted=True,
        )
        submission.delete()
    logger.info(
        "Deleted %s form answers %s (form %s, child record %s): %s",
        submission.status,
        submission_id,
        submission.form_id,
        submission.child_id,
        reason,
    )


def delete_all_answers_for(child, *, reason):
    """Every draft and sent version for `child`, newest version first."""
    for submission in Submission.objects.filter(child=child).order_by("status", "-version_number"):
        delete_submission(submission, reason=reason)

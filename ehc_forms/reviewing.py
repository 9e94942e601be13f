"""The SEND team's statuses for a sent version: Submitted → Received → Action needed →
Accepted. Every change is logged with Wagtail's log actions (the submission's history in
the admin), recorded in the submission's own history, told to the professional and posted
to the form's webhook."""

from django.db import transaction
from wagtail.log_actions import log

from ehc_forms.models import Submission, SubmissionEvent, WebhookDelivery
from ehc_forms.submitting import announce
from portal_pages.inbox.events import notify_form_status_changed

STATUS_ACTION = "ehc_forms.status_changed"
Review = Submission.Review

# The statuses each status may move to. Accepted is where a version ends; after Action
# needed, the professional's edit is a new version that starts again at Submitted.
NEXT_STATUSES = {
    Review.SUBMITTED: [Review.RECEIVED],
    Review.RECEIVED: [Review.ACTION_NEEDED, Review.ACCEPTED],
    Review.ACTION_NEEDED: [Review.RECEIVED, Review.ACCEPTED],
    Review.ACCEPTED: [],
}


class StatusNotAllowed(Exception):
    """The submission cannot move to that status from where it is now."""


def next_statuses(submission):
    return NEXT_STATUSES[Review(submission.review_status)]


def change_status(submission, new_status, officer, action_needed=""):
    """Move a sent version to `new_status` for `officer`; Action needed carries what the
    professional must do. Raises StatusNotAllowed for a move the flow does not have."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        old_status = submission.review_status
        if new_status not in next_statuses(submission):
            raise StatusNotAllowed(new_status)
        submission.review_status = new_status
        submission.action_needed = action_needed if new_status == Review.ACTION_NEEDED else ""
        submission.save(update_fields=["review_status", "action_needed"])
        detail = {"old_status": old_status, "new_status": new_status}
        if submission.action_needed:
            detail["action_needed"] = submission.action_needed
        submission.record(SubmissionEvent.Kind.STATUS_CHANGED, officer, **detail)
        log(instance=submission, action=STATUS_ACTION, user=officer, data=detail)
        transaction.on_commit(
            lambda: announce(
                submission,
                WebhookDelivery.Event.STATUS_CHANGED,
                notify_form_status_changed,
                status=submission.get_review_status_display(),
                action_needed=submission.action_needed,
                dedupe_key=f"form-status:{submission.pk}:{submission.events.count()}",
            )
        )
    return submission

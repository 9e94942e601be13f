"""The SEND team's statuses for a sent version: Submitted → Received → Action needed →
Accepted. Every change is logged with Wagtail's log actions (the submission's history in
the admin), recorded in the submission's own history, and told to the professional."""

from django.db import transaction
from django.urls import reverse
from wagtail.log_actions import log

from ehc_forms.models import Submission, SubmissionEvent
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
        transaction.on_commit(lambda: tell_author_of_status(submission))
    return submission


def tell_author_of_status(submission):
    notify_form_status_changed(
        submission.author,
        form_name=submission.form.title,
        reference=submission.reference_label,
        status=submission.get_review_status_display(),
        action_needed=submission.action_needed,
        link_url=reverse("ehc_forms:submitted", args=[submission.pk]),
        child=submission.child,
        dedupe_key=f"form-status:{submission.pk}:{submission.events.count()}",
    )

"""Receivers that keep the forms area in step with the others. Connected in
`EHCFormsConfig.ready`."""

from django.db.models import Exists, OuterRef
from django.dispatch import receiver

from ehc_forms.expiry import delete_submission
from ehc_forms.models import Submission
from portal_pages.children.signals import child_deleting, records_handed_over


@receiver(records_handed_over, dispatch_uid="ehc_forms_move_handed_over_drafts")
def move_drafts_to_receiver(sender, leaver, receiver=None, **kwargs):
    """The leaver's drafts for their organisation's children go to the receiver. A draft of
    a form the receiver has already started for that child stays under the leaver's name
    (the receiver still opens it through the child); with no receiver, the drafts follow
    their children, now shared with the team."""
    if receiver is None:
        return
    receivers_own = Submission.objects.filter(
        child=OuterRef("child"),
        form=OuterRef("form"),
        author=receiver,
        status=Submission.Status.DRAFT,
    )
    Submission.objects.filter(
        author=leaver,
        status=Submission.Status.DRAFT,
        child__organisation_id=leaver.organisation_id,
    ).exclude(Exists(receivers_own)).update(author=receiver)


@receiver(child_deleting, dispatch_uid="ehc_forms_delete_drafts_of_deleted_child")
def delete_drafts_of_child(sender, child, **kwargs):
    """A deleted child's drafts go with it (a child with a submitted form is never deleted
    this way: the `register_child_records_kept` hook keeps it)."""
    for draft in Submission.objects.filter(child=child, status=Submission.Status.DRAFT):
        delete_submission(draft, reason="its child record was deleted")

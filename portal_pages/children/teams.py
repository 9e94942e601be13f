"""What a team does with its shared work, in one place so the portal's team pages, the
SEND team's admin screens and the audit log never disagree: sharing a record, marking a
child as moved on, and handing over a leaver's work."""

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log

from portal_pages.accounts import services
from portal_pages.accounts.models import User
from portal_pages.accounts.signals import organisations_merged
from portal_pages.children.models import Child
from portal_pages.children.signals import records_handed_over

SHARING_ACTION = "children.change_sharing"
MOVED_ON_ACTION = "children.moved_on"
HANDOVER_ACTION = "children.handover"
TEAM_SETTINGS_ACTION = "children.team_settings"


def set_sharing(child, shared, by):
    """Share the record with its organisation's team, or make it private to its creator."""
    if child.shared_with_team == shared:
        return
    child.shared_with_team = shared
    child.save(update_fields=["shared_with_team"])
    log(instance=child, action=SHARING_ACTION, user=by, data={"shared_with_team": shared})


def mark_moved_on(child, by):
    """The child left for another setting: the record stays readable to its team, but gets
    no more stage-change messages, key-date reminders or new forms."""
    if child.moved_on_at is not None:
        return
    child.moved_on_at = timezone.now()
    child.save(update_fields=["moved_on_at"])
    log(instance=child, action=MOVED_ON_ACTION, user=by)


def colleagues_of(user):
    """The approved members of `user`'s organisation other than `user`: who may receive
    their work."""
    if user.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(
        organisation_id=user.organisation_id, status=User.Status.APPROVED
    ).exclude(pk=user.pk)


def hand_over(leaver, by, receiver=None):
    """In one transaction: the leaver's child records at their organisation (and, through
    `records_handed_over`, their drafts) move to `receiver`, or become shared with the team
    when there is none; the leaver's account is suspended; the handover is logged. Forms
    and their histories keep the names of the people who wrote them. Returns how many
    records moved."""
    organisation = leaver.organisation
    if receiver is None:
        outcome = f"shared with the team at {organisation}"
    else:
        outcome = f"handed over to {receiver.full_name}"
    with transaction.atomic():
        records = Child.objects.select_for_update().filter(
            created_by=leaver, organisation=organisation
        )
        child_ids = list(records.values_list("pk", flat=True))
        moved = Child.objects.filter(pk__in=child_ids)
        if receiver is None:
            moved.update(shared_with_team=True)
        else:
            moved.update(created_by=receiver)
        records_handed_over.send(
            sender=Child, leaver=leaver, receiver=receiver, child_ids=child_ids, by=by
        )
        log(
            instance=leaver,
            action=HANDOVER_ACTION,
            user=by,
            data={
                "organisation": str(organisation),
                "receiver": receiver.full_name if receiver else None,
                "records": len(child_ids),
            },
        )
        services.decide(
            services.SUSPEND,
            leaver,
            by=by,
            reason=f"You have left {organisation}. Your work in the portal has been {outcome}.",
        )
    return len(child_ids)


@receiver(organisations_merged, dispatch_uid="children_follow_merged_organisation")
def move_records_to_kept_organisation(sender, duplicate, kept, **kwargs):
    Child.objects.filter(organisation=duplicate).update(organisation=kept)

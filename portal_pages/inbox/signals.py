"""Receivers that turn other areas' events into messages. Connected in `InboxConfig.ready`."""

from django.db import transaction
from django.dispatch import receiver

from portal_pages.accounts.signals import account_anonymised, user_approved
from portal_pages.children.signals import case_stage_changed, child_deleting, records_handed_over
from portal_pages.children.teams import colleagues_of
from portal_pages.inbox import events
from portal_pages.inbox.models import Message


@receiver(user_approved, dispatch_uid="inbox_welcome_approved_professional")
def welcome_on_approval(sender, user, approved_by=None, **kwargs):
    events.welcome_approved_professional(user)


@receiver(case_stage_changed, dispatch_uid="inbox_notify_stage_changed")
def message_on_stage_change(sender, case, old_stage, new_stage, changed_by=None, **kwargs):
    events.notify_stage_changed(case, old_stage, new_stage)


@receiver(records_handed_over, dispatch_uid="inbox_notify_handover")
def message_on_handover(sender, leaver, receiver=None, child_ids=(), **kwargs):
    """Only once the handover commits: a rolled-back handover tells nobody anything."""
    recipients = [receiver] if receiver else list(colleagues_of(leaver))

    def notify():
        for recipient in recipients:
            events.notify_handover(
                recipient, leaver=leaver, receiver=receiver, records=len(child_ids)
            )

    transaction.on_commit(notify)


@receiver(child_deleting, dispatch_uid="inbox_delete_messages_about_deleted_child")
def delete_messages_about_child(sender, child, **kwargs):
    """Messages about a deleted child go with their record: they name the child."""
    Message.objects.filter(child=child).delete()


@receiver(account_anonymised, dispatch_uid="inbox_delete_messages_of_anonymised_account")
def delete_messages_of_anonymised_account(sender, user, **kwargs):
    """Nobody can read an anonymised account's inbox any more; what it held goes."""
    Message.objects.filter(recipient=user).delete()

"""The status changes the SEND team makes, in one place for the admin's single and bulk
actions and the demo loader: each checks it is allowed, saves, emails the user and is
recorded in Wagtail's log (who, when, reason). Merging duplicate organisations lives here
too, for the same reason."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_email.models import EmailDevice
from wagtail.log_actions import log
from wagtail.models import Site

from portal_pages.accounts.emails import email_user, forget_emails_to
from portal_pages.accounts.models import (
    Organisation,
    Registration,
    RegistrationSettings,
    ReplacementRegistration,
    User,
    new_session_token,
)
from portal_pages.accounts.signals import account_anonymised, organisations_merged, user_approved
from portal_pages.pages.audit import forget_names_in_log

logger = logging.getLogger(__name__)

Status = User.Status
ANONYMISE_ACTION = "accounts.anonymise"
EMAIL_DEVICE_NAME = "email"


@dataclass(frozen=True)
class Decision:
    """One thing the SEND team can do to a registration."""

    name: str
    label: str
    log_message: str
    allowed_from: tuple
    to: str
    needs_reason: bool = False

    @property
    def log_action(self):
        return f"accounts.{self.name}"


APPROVE = Decision(
    "approve",
    "Approve",
    "Approved registration",
    (Status.EMAIL_CONFIRMED, Status.REJECTED),
    Status.APPROVED,
)
REJECT = Decision(
    "reject",
    "Reject",
    "Rejected registration",
    (Status.EMAIL_CONFIRMED,),
    Status.REJECTED,
    needs_reason=True,
)
SUSPEND = Decision(
    "suspend",
    "Suspend",
    "Suspended account",
    (Status.APPROVED,),
    Status.SUSPENDED,
    needs_reason=True,
)
REACTIVATE = Decision(
    "reactivate", "Reactivate", "Reactivated account", (Status.SUSPENDED,), Status.APPROVED
)
DECISIONS = [APPROVE, REJECT, SUSPEND, REACTIVATE]


def ensure_email_device(user):
    """The device that emails a code at every sign-in; named like the test fixture's."""
    device, _ = EmailDevice.objects.get_or_create(
        user=user, name=EMAIL_DEVICE_NAME, defaults={"confirmed": True}
    )
    return device


def decide(decision, user, by=None, reason=""):
    """Apply `decision` to `user`; returns False (and changes nothing) when the user's
    status does not allow it."""
    if user.status not in decision.allowed_from:
        return False
    with transaction.atomic():
        user.status = decision.to
        user.status_changed_at = timezone.now()
        user.status_reason = reason if decision.needs_reason else ""
        user.save(update_fields=["status", "status_changed_at", "status_reason"])
        if decision.to == Status.APPROVED:
            ensure_email_device(user)
        log(instance=user, action=decision.log_action, user=by, data={"reason": reason})
    email_user(user, f"decision_{decision.name}", reason=reason)
    if decision is APPROVE:
        user_approved.send(sender=User, user=user, approved_by=by)
    return True


def remove_unconfirmed_registrations():
    """Delete the accounts never confirmed within the link lifetime, and details waiting
    to replace one, as the default site's Registration settings give it. Returns how many
    accounts went."""
    site = Site.objects.filter(is_default_site=True).first()
    settings = RegistrationSettings.for_site(site) if site else RegistrationSettings()
    expired_before = timezone.now() - timedelta(hours=settings.confirmation_link_hours)
    ReplacementRegistration.objects.filter(created__lt=expired_before).delete()
    removed, _ = User.objects.filter(
        status=User.Status.REGISTERED, date_joined__lt=expired_before
    ).delete()
    return removed


MERGE_ACTION = "accounts.merge_organisation"


def merge_organisations(duplicate, kept, by):
    """Merge an organisation created twice at registration into the one the SEND team
    keeps: in one transaction its members (and, through `organisations_merged`, their
    child records and forms) move to `kept`, the merge is logged on `kept`, and the
    duplicate is deleted."""
    if duplicate.pk == kept.pk:
        raise ValueError("An organisation cannot be merged into itself.")
    with transaction.atomic():
        members = User.objects.filter(organisation=duplicate).update(organisation=kept)
        organisations_merged.send(sender=Organisation, duplicate=duplicate, kept=kept, by=by)
        log(
            instance=kept,
            action=MERGE_ACTION,
            user=by,
            data={
                "merged": duplicate.name,
                "merged_id": duplicate.pk,
                "urn": duplicate.urn,
                "postcode": duplicate.postcode,
                "members": members,
            },
        )
        duplicate.delete()
    return members


def anonymised_title(user_id):
    """How an anonymised account is named everywhere from then on: by its id alone."""
    return f"Anonymised account {user_id}"


def anonymise(user, *, reason):
    """Replace a suspended or rejected account's personal details and make sure it can
    never sign in again. The row stays, so what the person sent (submitted forms, the SEND
    team's audit trail) still points at an account. `reason` is logged without the details."""
    title = anonymised_title(user.pk)
    with transaction.atomic():
        forget_emails_to([address for address in (user.email, user.pending_email) if address])
        user.full_name = title
        # `.invalid` can never be a real domain (RFC 2606), so no email can reach it.
        user.email = f"anonymised-{user.pk}@anonymised.invalid"
        user.pending_email = ""
        user.phone = ""
        user.job_title = ""
        user.status_reason = ""
        user.is_active = False
        user.set_unusable_password()
        # Ends every session still open on any device.
        user.session_token = new_session_token()
        user.anonymised_at = timezone.now()
        user.save()
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        account_anonymised.send(sender=User, user=user)
        forget_names_in_log(user, title, Registration)
        log(instance=user, action=ANONYMISE_ACTION, title=title, data={"reason": reason})
    logger.info("Anonymised account %s: %s", user.pk, reason)

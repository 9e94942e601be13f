"""The retention rules: what the portal removes, when, and why (UK GDPR, storage limitation:
personal data is kept no longer than it is needed).

Each rule yields `Removal`s, found afresh from the database at each run, so running the
rules again finds nothing left to do and a `--dry-run` is the same list without `apply`.
Reasons name the rule and its period, never the person.

- A draft form nobody saved and its author did not open for `draft_months` is deleted; the
  author is told once, at least `draft_warning_days` before (`ehc_forms.expiry`).
- A professional's child record with no activity for `child_record_months`, no linked EHC
  case and no submitted form is deleted (`children.deletion`).
- A suspended or rejected account is anonymised `closed_account_months` after the decision:
  its details are replaced and it can never sign in (`accounts.services.anonymise`).

Messages about a deleted draft or child go with it, and an anonymised account's inbox goes;
email alerts never carried any content. Submitted forms are kept (the council's records
policy), unless the SEND team exports and deletes a closed case's data (`cases`).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from dateutil.relativedelta import relativedelta
from django.db.models.functions import Coalesce
from django.urls import reverse

from ehc_forms import expiry
from portal_pages.accounts.models import User
from portal_pages.accounts.services import anonymise
from portal_pages.children.deletion import delete_child, without_kept_records
from portal_pages.children.models import Child
from portal_pages.inbox.events import notify_draft_expiring

logger = logging.getLogger(__name__)


@dataclass
class Removal:
    """One thing a rule does to one object: `describe` is what the command prints and
    logs (kind, id and reason only); `apply` does it."""

    kind: str
    object_id: int
    reason: str
    apply: Callable = field(repr=False)

    @property
    def description(self):
        return f"{self.kind} {self.object_id}: {self.reason}"


def months(count):
    return f"{count} month{'s' * (count != 1)}"


def warn_author(draft, deletes_on, now):
    """Tell the author once per untouched spell; the mark is what makes deletion possible."""
    notify_draft_expiring(
        draft.author,
        form_name=draft.form.title,
        child=draft.child,
        deletes_on=deletes_on,
        link_url=reverse("ehc_forms:task_list", args=[draft.pk]),
        dedupe_key=expiry.warning_key(draft),
    )
    expiry.mark_warned(draft, now)
    logger.info("Told the author of draft form %s it will be deleted on %s", draft.pk, deletes_on)


def draft_removals(settings, now):
    keep_for = relativedelta(months=settings.draft_months)
    notice = timedelta(days=settings.draft_warning_days)
    expired_before = now - keep_for
    untouched = months(settings.draft_months)

    soon = expiry.untouched_drafts(since=expired_before + notice)
    for draft in expiry.unwarned(soon).select_related("form", "child", "author"):
        deletes_on = max(draft.last_touched + keep_for, now + notice).date()
        yield Removal(
            "Warn the author of draft form",
            draft.pk,
            f"untouched for nearly {untouched}, to be deleted on {deletes_on:%Y-%m-%d}",
            partial(warn_author, draft, deletes_on, now),
        )

    expired = expiry.untouched_drafts(since=expired_before)
    for draft in expiry.warned_before(expired, now - notice):
        reason = (
            f"draft untouched for {untouched}, "
            f"its author told at least {settings.draft_warning_days} days before"
        )
        yield Removal(
            "Delete draft form",
            draft.pk,
            reason,
            partial(expiry.delete_submission, draft, reason=reason),
        )


def child_removals(settings, now):
    reason = (
        f"no activity for {months(settings.child_record_months)}, "
        "no linked EHC case and no submitted form"
    )
    inactive = Child.objects.filter(
        ehc_case__isnull=True,
        last_activity_at__lt=now - relativedelta(months=settings.child_record_months),
    )
    for child in without_kept_records(inactive).order_by("pk"):
        yield Removal(
            "Delete child record", child.pk, reason, partial(delete_child, child, reason=reason)
        )


def account_removals(settings, now):
    reason = f"suspended or rejected {months(settings.closed_account_months)} ago"
    closed = (
        User.objects.filter(
            status__in=[User.Status.SUSPENDED, User.Status.REJECTED], anonymised_at__isnull=True
        )
        .alias(closed_at=Coalesce("status_changed_at", "date_joined"))
        .filter(closed_at__lt=now - relativedelta(months=settings.closed_account_months))
        .order_by("pk")
    )
    for user in closed:
        yield Removal("Anonymise account", user.pk, reason, partial(anonymise, user, reason=reason))


RULES = (draft_removals, child_removals, account_removals)


def removals(settings, now):
    """Every rule's removals in turn. A generator: each rule queries only once the one
    before it has been applied (a deleted child's drafts are not listed twice)."""
    for rule in RULES:
        yield from rule(settings, now)

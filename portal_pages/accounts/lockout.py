"""Per-account sign-in lock: 5 wrong passwords or 5 wrong codes lock the account for
15 minutes (PORTAL_SIGN_IN_MAX_FAILURES, PORTAL_SIGN_IN_LOCK_SECONDS).

Each guess takes a numbered place under a row lock *before* it is checked, and the
decision is made on that number: whatever arrives while the first five are being checked
is refused without being looked at. So at most five guesses per address are ever
evaluated in a lock window, however many requests arrive at once. The same mechanism
serves the password step and the code step.

Counts are kept under a hash of the email address, so an address with no account is
counted and locked exactly like one with an account: the lock never tells anyone whether
an address is registered. Wrong attempts more than 15 minutes apart never add up.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal_pages.accounts.emails import email_user
from portal_pages.accounts.models import SignInAttempts

PASSWORD = "password"  # noqa: S105 - the name of the lock's password step, not a password
CODE = "code"
_COUNTERS = {PASSWORD: "password_failures", CODE: "code_failures"}


def _digest(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def _lock_window():
    return timedelta(seconds=settings.PORTAL_SIGN_IN_LOCK_SECONDS)


def locked_until(email):
    """When the lock on this address ends, as an aware datetime, or None if not locked."""
    until = (
        SignInAttempts.objects.filter(address_digest=_digest(email))
        .values_list("locked_until", flat=True)
        .first()
    )
    return until if until and until > timezone.now() else None


def begin_attempt(email, kind):
    """Take a place for one guess before it is checked. Returns the lock's end if the
    guess must be refused unchecked, or None when it may be checked (and must then be
    settled with `wrong_attempt`, `clear_failures` or `cancel_attempt`)."""
    now = timezone.now()
    counter = _COUNTERS[kind]
    with transaction.atomic():
        attempts, _ = SignInAttempts.objects.select_for_update().get_or_create(
            address_digest=_digest(email)
        )
        if attempts.locked_until and attempts.locked_until > now:
            return attempts.locked_until
        if attempts.locked_until or attempts.last_attempt_at < now - _lock_window():
            attempts.password_failures = attempts.code_failures = 0
            attempts.locked_until = None
        places = getattr(attempts, counter) + 1
        setattr(attempts, counter, places)
        attempts.last_attempt_at = now
        attempts.save()
    if places > settings.PORTAL_SIGN_IN_MAX_FAILURES:
        # Every allowed guess is already being checked: this one is refused unchecked, and
        # the lock itself starts when the last allowed guess proves wrong.
        return now + _lock_window()
    return None


def wrong_attempt(email, kind, user=None):
    """Settle a checked guess that was wrong; lock and tell the owner when it was the last
    one allowed. Returns the lock's end, or None while attempts remain."""
    now = timezone.now()
    with transaction.atomic():
        attempts = SignInAttempts.objects.select_for_update().get(address_digest=_digest(email))
        if getattr(attempts, _COUNTERS[kind]) < settings.PORTAL_SIGN_IN_MAX_FAILURES:
            return None
        newly_locked = not (attempts.locked_until and attempts.locked_until > now)
        if newly_locked:
            attempts.locked_until = now + _lock_window()
            attempts.save(update_fields=["locked_until"])
    if newly_locked and user is not None:
        email_user(
            user,
            "account_locked",
            reason="security code" if kind == CODE else "password",
            until=format_lock_time(attempts.locked_until),
        )
    return attempts.locked_until


def cancel_attempt(email, kind):
    """Give back the place of a guess that was never checked (an empty or mistyped code)."""
    with transaction.atomic():
        attempts = SignInAttempts.objects.select_for_update().get(address_digest=_digest(email))
        counter = _COUNTERS[kind]
        setattr(attempts, counter, max(0, getattr(attempts, counter) - 1))
        attempts.save(update_fields=[counter])


def clear_failures(email, kind=None):
    """Forget wrong attempts: one kind after a right answer, all after a full sign-in."""
    counters = [_COUNTERS[kind]] if kind else list(_COUNTERS.values())
    # A lock taken by guesses running alongside this right answer stays until it ends.
    SignInAttempts.objects.filter(address_digest=_digest(email)).exclude(
        locked_until__gt=timezone.now()
    ).update(**dict.fromkeys(counters, 0))


def format_lock_time(until):
    """`11:45am` in the portal's time zone, as GOV.UK style writes times."""
    local = timezone.localtime(until)
    return local.strftime("%-I:%M%p").lower()

"""Per-account sign-in lock: 5 wrong passwords or 5 wrong codes lock the account for
15 minutes (PORTAL_SIGN_IN_MAX_FAILURES, PORTAL_SIGN_IN_LOCK_SECONDS).

Counts are kept in the shared cache under a hash of the email address, so an address with
no account is counted and locked exactly like one with an account: the lock never tells
anyone whether an address is registered. The counts live as long as the lock would, so
wrong attempts spread over more than 15 minutes apart never add up.
"""

import hashlib
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from portal_pages.accounts.emails import email_user

PASSWORD = "password"
CODE = "code"


def _key(email):
    return "accounts:sign-in-failures:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()


def locked_until(email):
    """When the lock on this address ends, as an aware datetime, or None if not locked."""
    state = cache.get(_key(email)) or {}
    until = state.get("locked_until")
    if until and until > time.time():
        return datetime.fromtimestamp(until, tz=UTC)
    return None


def record_failure(email, kind, user=None):
    """Count one wrong password or code; lock and tell the owner when it is the last one
    allowed. Returns the lock's end, or None while attempts remain."""
    key = _key(email)
    state = cache.get(key) or {}
    state[kind] = state.get(kind, 0) + 1
    lock_seconds = settings.PORTAL_SIGN_IN_LOCK_SECONDS
    if state[kind] >= settings.PORTAL_SIGN_IN_MAX_FAILURES:
        state = {"locked_until": time.time() + lock_seconds}
        cache.set(key, state, lock_seconds)
        until = locked_until(email)
        if user is not None:
            email_user(
                user,
                "account_locked",
                reason="security code" if kind == CODE else "password",
                until=format_lock_time(until),
            )
        return until
    cache.set(key, state, lock_seconds)
    return None


def clear_failures(email, kind=None):
    """Forget wrong attempts: one kind after a right answer, all after a full sign-in."""
    key = _key(email)
    if kind is None:
        cache.delete(key)
        return
    state = cache.get(key) or {}
    if kind in state:
        del state[kind]
        cache.set(key, state, settings.PORTAL_SIGN_IN_LOCK_SECONDS)


def format_lock_time(until):
    """`11:45am` in the portal's time zone, as GOV.UK style writes times."""
    local = timezone.localtime(until)
    return local.strftime("%-I:%M%p").lower()

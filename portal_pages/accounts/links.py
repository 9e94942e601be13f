"""Signed, time-limited, single-use links sent by email.

The token is `django.core.signing` with a timestamp, so it cannot be altered and expires.
It names the user and the address it was sent to; it is single use because following it
changes the state it names (the account leaves "awaiting email confirmation", or the
pending address becomes the account's address), after which the same token is refused.
"""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from portal_pages.accounts.models import User

CONFIRM_REGISTRATION = "accounts.confirm-registration"
CONFIRM_NEW_EMAIL = "accounts.confirm-new-email"


@dataclass
class LinkCheck:
    """What a followed link turned out to be: `problem` is None, "expired", "used" or
    "altered"; `user` and `email` are known unless the link was altered."""

    problem: str | None
    user: User | None = None
    email: str = ""
    replacement: int | None = None


def make_link(purpose, url_name, user, email, replacement=None):
    """A link for `user` at `email`; `replacement` names the ReplacementRegistration the
    link confirms, if any."""
    payload = {"user": user.pk, "email": email}
    if replacement is not None:
        payload["replacement"] = replacement
    token = signing.dumps(payload, salt=purpose, compress=True)
    return reverse(url_name, args=[token])


def check_link(token, purpose, max_age_seconds):
    """Read a token and say whether it may still be used."""
    problem = None
    try:
        payload = signing.loads(token, salt=purpose, max_age=max_age_seconds)
    except signing.SignatureExpired:
        payload = signing.loads(token, salt=purpose)
        problem = "expired"
    except signing.BadSignature:
        return LinkCheck("altered")
    user = User.objects.filter(pk=payload.get("user")).first()
    if user is None:
        return LinkCheck("altered")
    email = payload.get("email", "")
    if purpose == CONFIRM_REGISTRATION:
        unused = user.status == User.Status.REGISTERED and user.email == email
    else:
        unused = bool(user.pending_email) and user.pending_email == email
    if not unused:
        problem = "used"
    return LinkCheck(problem, user, email, payload.get("replacement"))

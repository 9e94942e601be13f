"""Sign-in for `make bench` and the test suite, which time and test pages behind both factors
without going through the password and emailed code each time."""

from django_otp import DEVICE_ID_SESSION_KEY

from portal_pages.accounts.services import ensure_email_device


def sign_in_verified(client, user):
    """`client` (a Django test client) signed in as `user` as if they had entered their
    password and emailed code: the session is logged in and OTP-verified with their email
    device, which is created as approval creates it."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = ensure_email_device(user).persistent_id
    session.save()
    return client

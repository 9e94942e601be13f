from datetime import timedelta
from urllib.parse import unquote

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice

from portal_pages.accounts.models import User

from .conftest import (
    LOGIN_STEP_FIELD,
    code_from,
    link_from,
    post_code,
    post_password,
    registration_data,
    sign_in_with_emailed_code,
)

LOGIN = reverse("two_factor:login")


def test_whole_journey_register_confirm_approve_sign_in_and_admin_needs_the_code(
    client, site, mailoutbox, officer_client
):
    client.post(reverse("accounts:register"), registration_data())
    client.post(link_from(mailoutbox[-1]))
    user = User.objects.get(email="alex.rivers@brookside.sch.uk")
    assert user.status == User.Status.EMAIL_CONFIRMED

    listing = officer_client.get(reverse("wagtailsnippets_accounts_registration:list"))
    assert "Alex Rivers" in listing.content.decode()
    approve_url = reverse("wagtail_bulk_action", args=["accounts", "registration", "approve"])
    officer_client.post(f"{approve_url}?id={user.pk}")
    user.refresh_from_db()
    assert user.status == User.Status.APPROVED
    # The decision email, then the alert for the inbox's welcome message.
    assert [m.subject for m in mailoutbox[-2:]] == [
        "Your registration has been approved",
        "You have a new message in the Professional Portal",
    ]

    response = sign_in_with_emailed_code(client, mailoutbox, user.email)
    assert response.status_code == 302 and response.url == "/"
    assert mailoutbox[-1].subject == "Your security code for the SEND Professional Portal"
    home = client.get("/")
    assert "Your account" in home.content.decode()
    assert client.get(reverse("accounts:account")).status_code == 200

    # The same password without the code never reaches the admin.
    half_signed_in = Client()
    half_signed_in.force_login(User.objects.get(pk=officer_client.session["_auth_user_id"]))
    refused = half_signed_in.get("/admin/")
    assert refused.status_code == 302
    assert unquote(refused.url) == LOGIN + "?next=/admin/"
    assert officer_client.get("/admin/").status_code == 200


def test_admin_login_redirects_to_the_portal_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert unquote(response.url) == LOGIN + "?next=/admin/pages/"
    assert client.get("/admin/pages/").url.startswith(LOGIN)


def test_code_works_once_and_only_for_ten_minutes(client, site, professional, mailoutbox):
    post_password(client, professional.email)
    code = code_from(mailoutbox[-1])
    assert "works once, for 10 minutes" in mailoutbox[-1].body

    with time_machine.travel(timezone.now() + timedelta(minutes=10, seconds=5)):
        response = post_code(client, code)
        assert response.status_code == 200
        assert not client.session.get("otp_device_id")

    post_password(client, professional.email)
    code = code_from(mailoutbox[-1])
    assert post_code(client, code).status_code == 302
    # The code is spent: the device no longer accepts it, whoever sends it.
    assert not EmailDevice.objects.get(user=professional).verify_token(code)


def test_every_sign_in_needs_a_new_code_with_no_remember_option(
    client, site, professional, mailoutbox
):
    page = post_password(client, professional.email).content.decode()
    assert "remember" not in page.lower()
    post_code(client, code_from(mailoutbox[-1]))
    client.logout()

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        page = post_password(client, professional.email).content.decode()
    assert "Enter your security code" in page
    assert len([m for m in mailoutbox if m.subject.startswith("Your security code")]) == 2


def ask_for_a_new_code(client):
    return client.post(LOGIN, {"resend_code": "1", LOGIN_STEP_FIELD: "token"}).content.decode()


def test_send_a_new_code_shows_the_cooldown_and_sends_after_it(
    client, site, professional, mailoutbox
):
    start = timezone.now()
    # Clocks stand still inside each step, so the seconds shown are exact.
    with time_machine.travel(start, tick=False):
        post_password(client, professional.email)
    first_code = code_from(mailoutbox[-1])

    with time_machine.travel(start + timedelta(seconds=20), tick=False):
        page = ask_for_a_new_code(client)
    assert "You can ask for a new code in 40 seconds" in page
    assert len(mailoutbox) == 1

    with time_machine.travel(start + timedelta(seconds=61)):
        page = ask_for_a_new_code(client)
        assert "We have sent you a new code" in page
        assert len(mailoutbox) == 2
        new_code = code_from(mailoutbox[-1])
        if new_code != first_code:
            assert post_code(client, first_code).status_code == 200
        assert post_code(client, new_code).status_code == 302


def test_five_wrong_codes_lock_the_account_for_fifteen_minutes(
    client, site, professional, mailoutbox
):
    post_password(client, professional.email)
    good_code = code_from(mailoutbox[-1])
    wrong = "000000" if good_code != "000000" else "111111"

    for attempt in range(4):
        page = post_code(client, wrong).content.decode()
        # In the error summary and by the field.
        assert page.count("The code is wrong or has expired") == 2, attempt
    locked = post_code(client, wrong)

    assert locked.status_code == 429
    assert "locked until" in locked.content.decode()
    assert mailoutbox[-1].subject == "Your account has been locked for 15 minutes"
    assert mailoutbox[-1].to == [professional.email]
    # Even the right password is refused while locked.
    page = post_password(client, professional.email).content.decode()
    assert "account is locked until" in page

    with time_machine.travel(timezone.now() + timedelta(minutes=14)):
        assert "locked until" in post_password(client, professional.email).content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=15, seconds=5)):
        response = sign_in_with_emailed_code(client, mailoutbox, professional.email)
        assert response.status_code == 302


def test_five_wrong_passwords_lock_the_account(client, site, professional, mailoutbox):
    for _ in range(4):
        page = post_password(client, professional.email, "not-the-password").content.decode()
        assert "Enter the email address and password you registered with" in page
    page = post_password(client, professional.email, "not-the-password").content.decode()

    assert "account is locked until" in page
    assert mailoutbox[-1].subject == "Your account has been locked for 15 minutes"
    assert "wrong password" in mailoutbox[-1].body
    assert "locked until" in post_password(client, professional.email).content.decode()


def test_unknown_addresses_lock_the_same_way_so_the_lock_reveals_nothing(client, site, mailoutbox):
    for _ in range(5):
        page = post_password(client, "nobody@school.sch.uk", "guess-guess-guess").content.decode()
    assert "account is locked until" in page
    assert not mailoutbox


@pytest.mark.parametrize(
    "status, heading",
    [
        (User.Status.REGISTERED, "Confirm your email address first"),
        (User.Status.EMAIL_CONFIRMED, "Your registration is waiting for approval"),
        (User.Status.REJECTED, "Your registration was not approved"),
        (User.Status.SUSPENDED, "Your account has been suspended"),
    ],
)
def test_unapproved_users_learn_their_state_only_after_a_correct_password(
    client, site, make_professional, mailoutbox, status, heading
):
    user = make_professional(status=status)

    wrong = post_password(client, user.email, "not-the-password").content.decode()
    assert heading not in wrong
    assert "Enter the email address and password you registered with" in wrong

    right = post_password(client, user.email).content.decode()
    assert heading in right
    assert not mailoutbox
    assert "_auth_user_id" not in client.session


def test_unconfirmed_user_can_ask_for_the_link_again_from_the_sign_in_page(
    client, site, make_professional, mailoutbox
):
    user = make_professional(status=User.Status.REGISTERED)
    page = post_password(client, user.email).content.decode()
    assert "Send the link again" in page

    client.post(reverse("accounts:resend_confirmation"), {"email": user.email})

    assert mailoutbox[-1].subject == "Confirm your email address"


def test_suspended_mid_session_is_signed_out_at_the_next_request(professional_client, professional):
    assert professional_client.get(reverse("accounts:account")).status_code == 200

    User.objects.filter(pk=professional.pk).update(status=User.Status.SUSPENDED)
    response = professional_client.get(reverse("accounts:account"))

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert "_auth_user_id" not in professional_client.session


def test_approval_gives_the_email_device_used_at_sign_in(
    client, site, awaiting, mailoutbox, send_officer
):
    from portal_pages.accounts import services

    user = awaiting()
    assert not EmailDevice.objects.filter(user=user).exists()
    services.decide(services.APPROVE, user, by=send_officer)

    device = EmailDevice.objects.get(user=user)
    assert device.confirmed and device.name == "email"
    assert sign_in_with_emailed_code(client, mailoutbox, user.email).status_code == 302


def test_sign_in_returns_to_next(client, site, professional, mailoutbox):
    post_password(client, professional.email, next_url="/account/password/")
    response = post_code(client, code_from(mailoutbox[-1]), next_url="/account/password/")
    assert response.url == "/account/password/"


def test_authenticator_app_becomes_the_second_factor_with_email_as_the_fallback(
    professional_client, professional, site, mailoutbox
):
    from binascii import unhexlify

    from django_otp.oath import totp

    setup = reverse("two_factor:setup")
    page = professional_client.post(setup, {"authenticator_setup_view-current_step": "welcome"})
    assert "Scan this QR code" in page.content.decode()
    key = professional_client.session["wizard_authenticator_setup_view"]["extra_data"]["keys"][
        "generator"
    ]
    token = totp(unhexlify(key))
    response = professional_client.post(
        setup, {"authenticator_setup_view-current_step": "generator", "generator-token": token}
    )
    assert response.status_code == 302
    assert professional.totpdevice_set.count() == 1
    account_page = professional_client.get(reverse("accounts:account")).content.decode()
    assert (
        "Authenticator app" in account_page and "On: you enter a code from your app" in account_page
    )

    mail_count = len(mailoutbox)
    client = Client()
    page = post_password(client, professional.email).content.decode()
    assert "Enter the code from your authenticator app" in page
    assert "Email me a code instead" in page
    assert len(mailoutbox) == mail_count


def test_with_an_authenticator_app_the_emailed_code_is_still_there_on_request(
    client, site, professional, mailoutbox
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from portal_pages.accounts.services import ensure_email_device

    TOTPDevice.objects.create(user=professional, name="default")
    email_device = ensure_email_device(professional)
    post_password(client, professional.email)
    assert not mailoutbox

    page = client.post(
        LOGIN, {"challenge_device": email_device.persistent_id, LOGIN_STEP_FIELD: "token"}
    ).content.decode()

    assert "We have sent a 6-digit security code" in page
    assert post_code(client, code_from(mailoutbox[-1])).status_code == 302


def test_backup_codes_are_made_on_the_account_pages_and_each_signs_in_once(
    professional_client, professional, site, mailoutbox
):
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=professional, name="default")
    professional_client.post(reverse("two_factor:backup_tokens"))
    page = professional_client.get(reverse("two_factor:backup_tokens")).content.decode()
    tokens = list(
        StaticDevice.objects.get(user=professional).token_set.values_list("token", flat=True)
    )
    assert len(tokens) == 10 and all(token in page for token in tokens)

    client = Client()
    post_password(client, professional.email)
    page = client.post(
        LOGIN, {"wizard_goto_step": "backup", LOGIN_STEP_FIELD: "token"}
    ).content.decode()
    assert "Use a backup code" in page
    response = client.post(LOGIN, {"backup-otp_token": tokens[0], LOGIN_STEP_FIELD: "backup"})
    assert response.status_code == 302

    again = Client()
    post_password(again, professional.email)
    again.post(LOGIN, {"wizard_goto_step": "backup", LOGIN_STEP_FIELD: "token"})
    page = again.post(
        LOGIN, {"backup-otp_token": tokens[0], LOGIN_STEP_FIELD: "backup"}
    ).content.decode()
    assert "The code is wrong or has expired" in page


def test_empty_or_mistyped_codes_do_not_count_towards_the_lock(
    client, site, professional, mailoutbox
):
    post_password(client, professional.email)
    for attempt in ("", "12ab56", "", "12", ""):
        page = post_code(client, attempt).content.decode()
        assert "There is a problem" in page
    assert len(mailoutbox) == 1

    assert post_code(client, code_from(mailoutbox[-1])).status_code == 302

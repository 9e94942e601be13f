from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal_pages.accounts.models import User

from .conftest import PASSWORD, link_from

ACCOUNT = reverse("accounts:account")
RESET = reverse("accounts:password_reset")


def test_account_page_shows_details_organisation_and_second_factors(
    professional_client, professional
):
    page = professional_client.get(ACCOUNT).content.decode()

    assert professional.full_name in page
    assert professional.email in page
    assert "Oakfield Primary School" in page
    assert "Security code by email" in page
    assert "Authenticator app" in page and "Set up" in page


def test_account_page_needs_both_factors(client, professional):
    client.force_login(professional)
    assert client.get(ACCOUNT).status_code == 302


def test_password_reset_is_enumeration_safe_and_works_once_within_an_hour(
    client, site, professional, mailoutbox
):
    unknown = client.post(RESET, {"email": "nobody@school.sch.uk"})
    known = client.post(RESET, {"email": professional.email})
    assert unknown.url == known.url == reverse("accounts:password_reset_sent")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [professional.email]
    link = link_from(mailoutbox[0])

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "password", "new_password2": "password"})
    assert "Password must be 12 characters or more" in weak.content.decode()
    new_password = "a different long passphrase"
    client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    professional.refresh_from_db()
    assert professional.check_password(new_password)

    again = client.get(link, follow=True).content.decode()
    assert "This link does not work" in again


def test_password_reset_link_expires_after_an_hour(client, site, professional, mailoutbox):
    client.post(RESET, {"email": professional.email})
    link = link_from(mailoutbox[0])

    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        page = client.get(link, follow=True).content.decode()

    assert "This link does not work" in page


def test_change_password_keeps_this_session_and_ends_others(professional, sign_in, mailoutbox):
    here, elsewhere = sign_in(Client(), professional), sign_in(Client(), professional)
    new_password = "another long passphrase"

    wrong = here.post(
        reverse("accounts:change_password"),
        {"old_password": "wrong", "new_password1": new_password, "new_password2": new_password},
    )
    assert "There is a problem" in wrong.content.decode()
    response = here.post(
        reverse("accounts:change_password"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )

    assert response.url == ACCOUNT
    assert here.get(ACCOUNT).status_code == 200
    assert elsewhere.get(ACCOUNT).status_code == 302
    assert mailoutbox[-1].subject == "Your password has been changed"


def test_change_email_needs_the_password_and_a_confirmed_link(
    professional_client, professional, site, mailoutbox
):
    url = reverse("accounts:change_email")
    wrong = professional_client.post(url, {"email": "jo@newschool.sch.uk", "password": "nope"})
    assert "Your current password is incorrect" in wrong.content.decode()
    webmail = professional_client.post(url, {"email": "jo@gmail.com", "password": PASSWORD})
    assert "cannot be used" in webmail.content.decode()

    professional_client.post(url, {"email": "jo@newschool.sch.uk", "password": PASSWORD})
    professional.refresh_from_db()
    assert professional.email != "jo@newschool.sch.uk"
    assert professional.pending_email == "jo@newschool.sch.uk"
    to_new = next(m for m in mailoutbox if m.to == ["jo@newschool.sch.uk"])
    assert any(m.to == [professional.email] for m in mailoutbox)

    link = link_from(to_new)
    professional_client.post(link)
    professional.refresh_from_db()
    assert professional.email == "jo@newschool.sch.uk"
    assert mailoutbox[-1].subject == "Your email address has been changed"
    assert "already been used" in professional_client.post(link).content.decode()


def test_change_email_to_an_address_in_use_tells_its_owner_only(
    professional_client, professional, make_professional, site, mailoutbox
):
    other = make_professional()

    page = professional_client.post(
        reverse("accounts:change_email"), {"email": other.email, "password": PASSWORD}
    ).content.decode()

    assert "Check your email" in page
    assert [m.to for m in mailoutbox] == [[other.email]]
    professional.refresh_from_db()
    assert professional.pending_email == ""


def test_removing_the_authenticator_app_keeps_the_emailed_code(professional_client, professional):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=professional, name="default")

    professional_client.post(reverse("accounts:remove_authenticator"))

    assert not TOTPDevice.objects.filter(user=professional).exists()
    assert professional.emaildevice_set.exists()


def test_navigation_for_visitors_and_signed_in_professionals(professional_client, demo_site):
    visitor = Client().get("/").content.decode()
    assert 'href="/account/login/"' in visitor and "Sign in" in visitor
    assert 'href="/account/register/"' in visitor

    signed_in = professional_client.get("/").content.decode()
    assert 'href="/account/"' in signed_in and "Your account" in signed_in
    assert 'href="/account/sign-out/"' in signed_in
    assert 'href="/account/register/"' not in signed_in


def test_sign_out_page_and_post(professional_client):
    assert "Sign out" in professional_client.get(reverse("accounts:sign_out")).content.decode()
    response = professional_client.post(reverse("accounts:sign_out"))
    assert response.url == "/"
    assert professional_client.get(ACCOUNT).status_code == 302


def test_users_made_on_the_command_line_get_their_email_device_at_first_sign_in(
    client, site, mailoutbox
):
    from .conftest import sign_in_with_emailed_code

    admin = User.objects.create_superuser(
        email="root@exampleshire.gov.uk", password=PASSWORD, full_name="Root"
    )

    assert sign_in_with_emailed_code(client, mailoutbox, admin.email).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_password_reset_links_go_at_most_once_a_minute(client, site, professional, mailoutbox):
    start = timezone.now()
    for seconds in (0, 20, 40):
        with time_machine.travel(start + timedelta(seconds=seconds), tick=False):
            response = client.post(RESET, {"email": professional.email})
            assert response.url == reverse("accounts:password_reset_sent")
    assert len(mailoutbox) == 1

    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        client.post(RESET, {"email": professional.email})
    assert len(mailoutbox) == 2

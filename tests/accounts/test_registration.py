import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal_pages.accounts.models import Organisation, User

from .conftest import PASSWORD, link_from, registration_data

REGISTER = reverse("accounts:register")


def register(client, **overrides):
    return client.post(REGISTER, registration_data(**overrides))


def test_registration_sends_a_link_that_confirms_and_waits_for_approval(client, site, mailoutbox):
    response = register(client)

    assert response.status_code == 302
    assert response.url == reverse("accounts:check_email")
    page = client.get(response.url).content.decode()
    assert "Check your email" in page and "alex.rivers@brookside.sch.uk" in page
    assert "junk" in page and "Send the link again" in page
    user = User.objects.get(email="alex.rivers@brookside.sch.uk")
    assert user.status == User.Status.REGISTERED
    assert user.check_password(PASSWORD)
    assert user.organisation.name == "Brookside Academy"
    assert user.organisation.postcode == "EX1 2AB"
    assert [m.to for m in mailoutbox] == [["alex.rivers@brookside.sch.uk"]]
    assert "12 hours" in mailoutbox[0].body

    link = link_from(mailoutbox[0])
    confirm_page = client.get(link)
    assert "Confirm email address" in confirm_page.content.decode()
    user.refresh_from_db()
    assert user.status == User.Status.REGISTERED  # opening the link is not confirming

    response = client.post(link)
    assert response.url == reverse("accounts:awaiting_approval")
    assert "waiting for approval" in client.get(response.url).content.decode()
    user.refresh_from_db()
    assert user.status == User.Status.EMAIL_CONFIRMED
    assert user.email_confirmed_at is not None
    to_team = mailoutbox[-1]
    assert to_team.to == ["send.team@exampleshire.gov.uk"]
    assert "Alex Rivers" in to_team.subject
    assert "/admin/registrations/" in to_team.body


@pytest.mark.parametrize("email", ["someone@gmail.com", "Someone@HOTMAIL.co.uk", "a@yahoo.com"])
def test_personal_webmail_is_refused_with_a_clear_message(client, site, mailoutbox, email):
    response = register(client, email=email)

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Personal email addresses such as Gmail or Hotmail cannot be used" in page
    assert 'href="#id_email"' in page
    # What was typed is still there, apart from the password.
    assert "Brookside Academy" in page and email in page
    assert not User.objects.exists() and not mailoutbox


def test_refused_domains_are_edited_in_the_site_settings(
    client, site, mailoutbox, registration_settings
):
    settings = registration_settings
    settings.refused_domains += "\nexample-mail.co.uk"
    settings.save()

    response = register(client, email="me@example-mail.co.uk")

    assert "cannot be used" in response.content.decode()


def test_allow_list_when_set_is_the_only_way_in(client, site, mailoutbox, registration_settings):
    settings = registration_settings
    settings.allowed_domain_patterns = "*.sch.uk\nnhs.net"
    settings.save()

    refused = register(client, email="alex@brookside-academy.org.uk")
    assert "Enter an email address from a school, setting or service" in (refused.content.decode())
    assert not User.objects.exists()

    assert register(client, email="alex@nhs.net").status_code == 302
    assert register(client, email="sam@brookside.sch.uk").status_code == 302
    assert User.objects.count() == 2


@pytest.mark.parametrize(
    "password, message",
    [
        ("short pass", "Password must be 12 characters or more"),
        ("password1234", "Choose a password that is harder to guess: this one is too common"),
        ("x" * 129, "Password must be 128 characters or fewer"),
        ("alex.rivers@brookside", "Password must not be like your"),
    ],
)
def test_weak_and_long_passwords_are_refused(client, site, password, message):
    response = register(client, password=password)

    page = response.content.decode()
    assert message in page
    assert 'href="#id_password"' in page
    assert not User.objects.exists()


@pytest.mark.parametrize("phone", ["01632 960 123", "07700 900 123", "+44 161 496 0000", ""])
def test_uk_phone_numbers_including_ofcom_drama_ranges_are_accepted(client, site, phone):
    assert register(client, phone=phone).status_code == 302
    assert User.objects.get().phone == phone


@pytest.mark.parametrize("phone", ["12345", "+1 202 555 0100", "call the office"])
def test_a_phone_number_that_is_not_a_uk_number_is_refused(client, site, phone):
    page = register(client, phone=phone).content.decode()

    assert "Enter a UK phone number, like 0161 496 0000" in page
    assert 'href="#id_phone"' in page
    assert f'value="{phone}"' in page  # kept as typed
    assert not User.objects.exists()


def test_a_128_character_passphrase_with_no_composition_rules_is_accepted(client, site):
    passphrase = ("lowercase words only " * 7)[:128]
    assert len(passphrase) == 128

    assert register(client, password=passphrase).status_code == 302


def test_each_missing_answer_is_listed_in_the_error_summary(client, site):
    response = client.post(REGISTER, {})

    page = response.content.decode()
    for message in (
        "Enter your full name",
        "Enter your job title",
        "Enter the name of your school, setting or service",
        "Select the type of organisation you work for",
        "Enter your work email address",
        "Enter a password",
        "Confirm that you will use the portal only for your professional work",
    ):
        assert page.count(message) == 2, message  # in the summary and by the field


def test_every_error_summary_link_focuses_an_input_on_the_page(client, site):
    page = client.post(REGISTER, {}).content.decode()

    anchors = re.findall(r'<a href="#([^"]+)">', page.split("govuk-error-summary__list")[1])
    assert "id_organisation_kind" in anchors
    for anchor in anchors:
        assert re.search(rf'<input[^>]* id="{anchor}"', page), anchor


def test_registering_an_address_with_an_account_shows_the_same_page_and_tells_the_owner(
    client, site, professional, mailoutbox
):
    response = register(client, email=professional.email.upper())

    assert response.url == reverse("accounts:check_email")
    assert User.objects.filter(email=professional.email).count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [professional.email]
    assert mailoutbox[0].subject == "Someone tried to register with your email address"
    professional.refresh_from_db()
    assert professional.full_name != "Alex Rivers"


@pytest.mark.parametrize(
    "name", ["Alex\u202eSrevir", "Alex\u200bRivers", "Alex\u2066Rivers\u2069", "Alex\u00adRivers"]
)
def test_names_with_hidden_or_direction_changing_characters_are_refused(client, site, name):
    page = register(client, full_name=name).content.decode()

    assert "Names cannot include hidden characters" in page
    assert not User.objects.exists()


def test_names_in_any_script_with_accents_and_apostrophes_are_accepted(client, site):
    register(client, full_name="Zoë O’Brien-Nguyễn محمد")

    assert User.objects.get().full_name == "Zoë O’Brien-Nguyễn محمد"


def test_an_address_with_an_account_costs_the_same_password_hashing_as_a_new_one(
    client, site, professional, monkeypatch
):
    """The hash is the expensive part of registering: both paths must pay it once, so the
    time taken does not tell whether an address is registered (`make bench` times both)."""
    hashed = []
    original = MD5PasswordHasher.encode

    def counting(self, password, salt):
        hashed.append(password)
        return original(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting)

    register(client, email="new.person@brookside.sch.uk")
    new_address_hashes = len(hashed)
    register(client, email=professional.email)

    assert new_address_hashes == 1
    assert hashed == [PASSWORD, PASSWORD]


def test_the_registration_bench_posts_both_paths(site):
    from django.test import Client

    from portal_pages.accounts import bench, demo

    demo.load()
    timed = {page[0]: page[2] for page in bench.pages()}
    for label in ("register, new address", "register, address with an account"):
        client = Client()
        assert timed[label](client).url == reverse("accounts:check_email")
        assert timed[label](client).url == reverse("accounts:check_email")
    assert User.objects.filter(email__startswith="new-").count() == 2


def test_organisation_is_matched_by_urn_then_by_name_and_otherwise_created(client, site):
    school = Organisation.objects.create(
        name="Brookside Academy Trust", kind="school", urn="123456"
    )
    nursery = Organisation.objects.create(name="Little Acorns", kind="early_years")

    register(client, email="one@brookside.sch.uk")
    register(
        client, email="two@acorns.org.uk", organisation_name="little acorns", urn="", postcode=""
    )
    register(
        client, email="three@hill.sch.uk", organisation_name="Hill School", urn="", postcode=""
    )

    assert User.objects.get(email="one@brookside.sch.uk").organisation == school
    assert User.objects.get(email="two@acorns.org.uk").organisation == nursery
    created = User.objects.get(email="three@hill.sch.uk").organisation
    assert created.name == "Hill School" and created.pk not in (school.pk, nursery.pk)


def test_expired_link_shows_a_clear_page_with_a_resend_button(client, site, mailoutbox):
    register(client)
    link = link_from(mailoutbox[0])

    with time_machine.travel(timezone.now() + timedelta(hours=12, minutes=1)):
        response = client.get(link)
        page = response.content.decode()
        assert response.status_code == 410
        assert "This link has expired" in page
        assert 'value="alex.rivers@brookside.sch.uk"' in page
        assert client.post(link).status_code == 410

        client.post(
            reverse("accounts:resend_confirmation"), {"email": "alex.rivers@brookside.sch.uk"}
        )
        fresh = link_from(mailoutbox[-1])
        assert fresh != link
        client.post(fresh)
    assert User.objects.get().status == User.Status.EMAIL_CONFIRMED


def test_link_lifetime_comes_from_the_registration_settings(
    client, site, mailoutbox, registration_settings
):
    settings = registration_settings
    settings.confirmation_link_hours = 2
    settings.save()
    register(client)
    link = link_from(mailoutbox[0])
    assert "2 hours" in mailoutbox[0].body

    with time_machine.travel(timezone.now() + timedelta(hours=2, minutes=1)):
        assert "This link has expired" in client.get(link).content.decode()


def test_used_link_cannot_be_used_again(client, site, mailoutbox):
    register(client)
    link = link_from(mailoutbox[0])
    client.post(link)

    response = client.post(link)

    assert response.status_code == 410
    assert "This link has already been used" in response.content.decode()
    assert "Send a new link" in response.content.decode()


def test_altered_link_is_refused(client, site, mailoutbox):
    register(client)
    link = link_from(mailoutbox[0])
    altered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]

    response = client.post(altered)

    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert User.objects.get().status == User.Status.REGISTERED


def test_links_go_at_most_once_a_minute_to_an_address(client, site, mailoutbox):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        register(client)
    resend = reverse("accounts:resend_confirmation")
    email = {"email": "alex.rivers@brookside.sch.uk"}

    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        page = client.post(resend, email, follow=True).content.decode()
    assert "less than a minute ago" in page
    assert len(mailoutbox) == 1

    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        client.post(resend, email)
    assert len(mailoutbox) == 2
    assert link_from(mailoutbox[1]) != link_from(mailoutbox[0])


def test_registering_again_and_again_with_someones_address_sends_one_notice_a_minute(
    client, site, professional, mailoutbox
):
    for _ in range(3):
        register(client, email=professional.email)

    assert len(mailoutbox) == 1


def test_resend_for_an_unknown_address_looks_the_same_and_sends_nothing(client, site, mailoutbox):
    response = client.post(
        reverse("accounts:resend_confirmation"), {"email": "nobody@school.sch.uk"}, follow=True
    )

    assert "Check your email" in response.content.decode()
    assert not mailoutbox


def test_registering_again_replaces_an_unconfirmed_registration_once_the_new_link_is_used(
    client, site, mailoutbox
):
    owner_email = "alex.rivers@brookside.sch.uk"
    register(
        client, full_name="Someone Else", job_title="Not the owner", password="squatter-pass-1"
    )
    squatters_link = link_from(mailoutbox[-1])

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        register(client, job_title="SENDCO at Brookside")
    assert len(mailoutbox) == 2 and mailoutbox[-1].to == [owner_email]
    account = User.objects.get(email=owner_email)
    # Nothing changes until the owner uses the new link.
    assert account.full_name == "Someone Else"
    assert account.check_password("squatter-pass-1")

    client.post(link_from(mailoutbox[-1]))

    account.refresh_from_db()
    assert account.status == User.Status.EMAIL_CONFIRMED
    assert (account.full_name, account.job_title) == ("Alex Rivers", "SENDCO at Brookside")
    assert account.check_password(PASSWORD)
    assert not account.check_password("squatter-pass-1")
    assert User.objects.filter(email=owner_email).count() == 1
    # The first link is spent with the account confirmed.
    assert client.post(squatters_link).status_code == 410


def test_unconfirmed_registrations_are_deleted_after_the_link_lifetime(client, site, mailoutbox):
    register(client, full_name="Someone Else")
    register(client, email="kept.person@brookside.sch.uk")
    with time_machine.travel(timezone.now() + timedelta(hours=11)):
        call_command("remove_unconfirmed_registrations")
    assert User.objects.filter(email="alex.rivers@brookside.sch.uk").exists()
    with time_machine.travel(timezone.now() + timedelta(hours=12, minutes=1)):
        call_command("remove_unconfirmed_registrations")
        assert not User.objects.filter(status=User.Status.REGISTERED).exists()
        # The address is free again: registering now starts a fresh account.
        register(client, full_name="Alex Rivers")
    assert User.objects.get(email="alex.rivers@brookside.sch.uk").full_name == "Alex Rivers"

"""Every portal form answers empty, too short, too long and wrongly formatted values with
messages written for its questions: never one of Django's or its packages' default messages,
and never the same message twice."""

import re
from html import unescape

import pytest
from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.tokens import default_token_generator
from django.core import validators
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.forms import OTPAuthenticationFormMixin
from two_factor import forms as two_factor_forms

from portal_pages.accounts.forms import RegistrationForm
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.children.forms import ChildForm

VARIANTS = {
    "empty": "",
    "too short": "x",
    "too long": "x" * 300,
    "wrongly formatted": "not@@a valid!value 99",
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def default_messages():
    """Django's, django-otp's and two_factor's own messages, each cut at its first
    placeholder so that a message filled in with values still matches."""
    messages = []
    for field in [forms.Field, *subclasses(forms.Field)]:
        messages += field.default_error_messages.values()
    for validator in vars(validators).values():
        if isinstance(validator, type) and hasattr(validator, "message"):
            messages.append(validator.message)
    messages += [
        *auth_forms.AuthenticationForm.error_messages.values(),
        *auth_forms.SetPasswordForm.error_messages.values(),
        *auth_forms.PasswordChangeForm.error_messages.values(),
        *OTPAuthenticationFormMixin.otp_error_messages.values(),
        *two_factor_forms.DeviceValidationForm.error_messages.values(),
        password_validation.MinimumLengthValidator(12).get_error_message(),
        password_validation.CommonPasswordValidator().get_error_message(),
        password_validation.UserAttributeSimilarityValidator().get_error_message(),
        "Ensure this value has at most",
        "Ensure this value has at least",
    ]
    starts = {PLACEHOLDER.split(str(message))[0].strip() for message in messages}
    return sorted(start for start in starts if len(start) >= 8)


DEFAULTS = default_messages()


def error_messages(html):
    """(summary messages, each field's messages) on a page."""
    summary = (
        [
            unescape(re.sub(r"<[^>]+>", "", item)).strip()
            for item in re.findall(
                r"<li><a href=\"#[^\"]*\">(.*?)</a></li>",
                html.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0],
            )
        ]
        if "govuk-error-summary__list" in html
        else []
    )
    by_field = []
    for block in re.findall(r'class="govuk-error-message">(.*?)</p>', html, re.S):
        parts = re.split(r'<span class="govuk-visually-hidden">Error:</span>', block)
        by_field.append(
            [unescape(re.sub(r"<[^>]+>", "", part)).strip(" .\n") for part in parts if part.strip()]
        )
    return summary, by_field


def check_messages(html, where):
    summary, by_field = error_messages(html)
    assert summary, f"{where}: no error shown"
    assert len(summary) == len(set(summary)), f"{where}: a message twice in {summary}"
    for messages in by_field:
        assert len(messages) == len(set(messages)), f"{where}: a message twice in {messages}"
    for message in summary + [m for messages in by_field for m in messages]:
        default = next((start for start in DEFAULTS if message.startswith(start)), None)
        assert default is None, f"{where}: {message!r} is a default message"


def post_each_variant(client, url, fields, extra=None, where=""):
    for variant, value in VARIANTS.items():
        data = {field: value for field in fields}
        data.update(extra or {})
        response = client.post(url, data)
        assert response.status_code in (200, 409), f"{where} {variant}: {response.status_code}"
        check_messages(response.content.decode(), f"{where} ({variant})")


# Every input each form has, so a question added later is tried too.
REGISTRATION = list(RegistrationForm.base_fields)
CHILD = [
    part
    for name in ChildForm.base_fields
    for part in (
        [f"{name}_day", f"{name}_month", f"{name}_year"] if name == "date_of_birth" else [name]
    )
]
LOGIN_STEP = "portal_login_view-current_step"


@pytest.mark.parametrize(
    ("name", "fields", "extra"),
    [
        ("accounts:register", REGISTRATION, None),
        ("accounts:resend_confirmation", ["email"], None),
        ("accounts:password_reset", ["email"], None),
        ("two_factor:login", ["auth-username", "auth-password"], {LOGIN_STEP: "auth"}),
    ],
)
def test_forms_for_visitors(client, demo_site, name, fields, extra):
    post_each_variant(client, reverse(name), fields, extra, where=name)


def test_the_security_code(client, demo_site, professional):
    from tests.factories import TEST_PASSWORD

    url = reverse("two_factor:login")
    client.post(
        url,
        {"auth-username": professional.email, "auth-password": TEST_PASSWORD, LOGIN_STEP: "auth"},
    )
    post_each_variant(client, url, ["token-otp_token"], {LOGIN_STEP: "token"}, where="code")


def test_choosing_a_new_password_from_a_reset_link(client, demo_site, professional):
    uid = urlsafe_base64_encode(force_bytes(professional.pk))
    token = default_token_generator.make_token(professional)
    page = client.get(reverse("accounts:password_reset_confirm", args=[uid, token]), follow=True)
    url = page.redirect_chain[-1][0]
    # A second box that never matches, so that a value good enough as a password is refused.
    post_each_variant(
        client, url, ["new_password1"], {"new_password2": "a different value"}, where="reset"
    )


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("accounts:change_password", ["old_password", "new_password1", "new_password2"]),
        ("accounts:change_email", ["email", "password"]),
        ("children:add", CHILD),
    ],
)
def test_forms_for_professionals(professional_client, demo_site, name, fields):
    post_each_variant(professional_client, reverse(name), fields, where=name)


def test_a_forms_details_and_steps(owner, owner_child, security_form, owner_draft):
    client = sign_in_verified(Client(), owner)
    other_child = owner_child.__class__.objects.create(
        created_by=owner, given_name="Other", family_name="Child", date_of_birth="2015-01-01"
    )
    details = reverse("ehc_forms:professional_details", args=[other_child.pk, security_form.pk])
    post_each_variant(
        client,
        details,
        ["full_name", "job_title", "organisation", "email", "phone"],
        where="your details",
    )
    step = reverse("ehc_forms:step", args=[owner_draft.pk, 1])
    for variant, value in VARIANTS.items():
        owner_draft.refresh_from_db()
        data = {
            "version": owner_draft.version,
            "action": "continue",
            "known_as": value,
            "views": value * 3,
            "siblings": value,
            "meeting_date-day": value,
            "meeting_date-month": value,
            "meeting_date-year": value,
            "people-rows": "1",
            "people-0-name": value,
            "people-0-email": value,
        }
        response = client.post(step, data)
        check_messages(response.content.decode(), f"step ({variant})")

"""Arbitrary input to the portal's forms and the autosave endpoint: never a server error,
always either success or a clear error, and nothing already saved is lost."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_email.models import EmailDevice
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ehc_forms.models import Submission
from portal_pages.accounts.models import SignInAttempts
from tests.factories import TEST_PASSWORD
from tests.security.fuzzing import counted

FUZZ = settings(
    deadline=None,
    # The database and client fixtures are meant to be shared by the examples of one test:
    # each example adds to or reads the same rows.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def fuzz(weight):
    """The fuzz settings, with `weight` times the hypothesis profile's number of examples
    (`tests/conftest.py`: a few dozen locally, a thousand with `--hypothesis-profile=ci`).
    The weights share out one CI run's time: fast requests get more examples than slow."""
    return settings(FUZZ, max_examples=round(settings.default.max_examples * weight))


LOGIN_STEP_FIELD = "portal_login_view-current_step"
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE children_child; --",
    "{{ request.user.password }}",
    "\u202egnp.exe",
    "\x00",
    "ﬀ" * 50,
]

# Any text a browser (or an attacker) could post: unicode, control characters, markup,
# template syntax, and very long strings.
any_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.sampled_from(HOSTILE),
    st.builds(
        lambda piece, times: piece * times,
        st.text(min_size=1, max_size=3),
        st.integers(1000, 30000),
    ),
)


def assert_success_or_error_summary(response, success_prefix):
    """A 302 onwards, or the page again with the GOV.UK error summary explaining why."""
    if response.status_code == 302:
        assert response.url.startswith(success_prefix), response.url
        return
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


@fuzz(1.0)
@given(
    values=st.fixed_dictionaries(
        {},
        optional={
            name: any_text
            for name in (
                "full_name",
                "job_title",
                "organisation_name",
                "organisation_kind",
                "urn",
                "postcode",
                "email",
                "phone",
                "password",
                "professional_use",
            )
        },
    )
)
@counted
def test_registration_never_fails_on_any_input(client, demo_site, values):
    response = client.post(reverse("accounts:register"), values)
    assert_success_or_error_summary(response, reverse("accounts:check_email"))
    for hostile in HOSTILE[:2]:
        assert hostile not in response.content.decode()


CHILD_FIELDS = (
    "given_name",
    "family_name",
    "gender",
    "upn",
    "nhs_number",
    "home_postcode",
    "setting",
)
date_part = st.one_of(any_text, st.integers(1, 2030).map(str))


@fuzz(1.2)
@given(
    # A browser posts every input of the form, filled or not.
    values=st.fixed_dictionaries(
        {
            **{name: any_text for name in CHILD_FIELDS},
            **{f"date_of_birth-{part}": date_part for part in ("day", "month", "year")},
        },
        optional={"save_anyway": st.sampled_from(["yes", "no"])},
    )
)
@counted
def test_add_person_never_fails_on_any_input(client, owner, sign_in, values):
    sign_in(client, owner)
    response = client.post(reverse("children:add"), values)
    page = response.content.decode()
    if response.status_code == 200 and "govuk-error-summary" not in page:
        # Valid, but like a record they already have: the warning and the choice to save.
        assert "You may already have a record for this child." in page
    else:
        assert_success_or_error_summary(response, "/children/")
    for hostile in HOSTILE[:2]:
        assert hostile not in page


STEP_FIELDS = (
    "known_as",
    "views",
    "siblings",
    "meeting_date-day",
    "meeting_date-month",
    "meeting_date-year",
    # The repeating group's inputs as the page posts them: a hidden row count and a row's
    # sub-questions.
    "people-rows",
    "people-0-name",
    "people-0-email",
    "people-1-name",
    "people-1-email",
)
# Mostly small row counts, so the rows are read, and sometimes anything at all.
STEP_VALUES = {
    **{name: any_text for name in STEP_FIELDS},
    "people-rows": st.one_of(st.integers(0, 4).map(str), any_text),
}


@fuzz(0.8)
@given(
    values=st.fixed_dictionaries({}, optional=STEP_VALUES),
    action=st.one_of(
        # The buttons' own values: save and continue, save for later, add and remove a row.
        st.sampled_from(["continue", "later", "people:add", "people:remove-0", "people:remove-1"]),
        st.builds("people:remove-{}".format, st.integers(-3, 2**40)),
        st.text(max_size=30),
        st.builds("people:{}".format, st.text(max_size=20)),
    ),
)
@counted
def test_a_step_save_never_fails_on_any_input(client, owner, sign_in, owner_draft, values, action):
    sign_in(client, owner)
    draft = Submission.objects.get(pk=owner_draft.pk)
    url = reverse("ehc_forms:step", args=[draft.pk, 1])
    response = client.post(url, {**values, "version": draft.version, "action": action})
    if response.status_code == 302:
        assert response.url.startswith(f"/forms/draft/{draft.pk}/"), response.url
    else:
        # Save and continue with invalid answers: the step again, with its errors.
        assert_success_or_error_summary(response, "")
    # What was saved shows again without an error page.
    assert client.get(url).status_code == 200


CURRENT_VERSION = "current version"  # replaced by the draft's version when posted

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=30),
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)

autosave_bodies = st.one_of(
    # JSON of any shape, including values that are not objects.
    st.builds(lambda value: ("application/json", json.dumps(value)), json_values),
    # Raw bytes that are not even text.
    st.builds(lambda raw: ("application/x-www-form-urlencoded", raw), st.binary(max_size=200)),
    # Form fields with wrong types and huge values; the version may be any text at all.
    st.builds(
        lambda fields, version: ("form", {**fields, "version": version}),
        st.fixed_dictionaries({}, optional=STEP_VALUES),
        st.one_of(
            # The version the page loaded with, as the page sends it: reaches the save itself.
            st.just(CURRENT_VERSION),
            st.integers(min_value=-(2**70), max_value=2**70).map(str),
            any_text,
            st.just("9" * 5000),
        ),
    ),
)


@fuzz(1.5)
@given(body=autosave_bodies)
@counted
def test_an_autosave_saves_or_answers_with_a_message_and_loses_nothing(
    client, owner, sign_in, owner_draft, body
):
    sign_in(client, owner)
    url = reverse("ehc_forms:autosave", args=[owner_draft.pk, 1])
    before = Submission.objects.get(pk=owner_draft.pk)
    content_type, payload = body
    if content_type == "form":
        if payload["version"] == CURRENT_VERSION:
            payload = {**payload, "version": str(before.version)}
        response = client.post(url, payload)
    else:
        response = client.post(url, payload, content_type=content_type)
    after = Submission.objects.get(pk=owner_draft.pk)
    if response.status_code == 200:
        assert response.json()["version"] == after.version
        # Applied, or (sent from another version) found to change nothing and left alone.
        unchanged = (after.version, after.answers, after.step_states) == (
            before.version,
            before.answers,
            before.step_states,
        )
        assert after.version == before.version + 1 or unchanged
        return
    assert response.status_code in (400, 409)
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]
    assert (after.version, after.answers, after.step_states) == (
        before.version,
        before.answers,
        before.step_states,
    )


@fuzz(1.0)
@given(values=st.fixed_dictionaries({}, optional=STEP_VALUES))
# A NUL character once made PostgreSQL refuse the whole save (a server error, and the rest
# of the step unsaved); it is now dropped and everything else kept.
@example(values={"known_as": "Perry\x00", "views": "Likes \x00trains"})
@counted
def test_an_autosave_with_the_current_version_keeps_every_value_as_typed(
    client, owner, sign_in, owner_draft, values
):
    sign_in(client, owner)
    draft = Submission.objects.get(pk=owner_draft.pk)
    url = reverse("ehc_forms:autosave", args=[draft.pk, 1])
    response = client.post(url, {**values, "version": draft.version})
    assert response.status_code == 200
    saved = Submission.objects.get(pk=draft.pk)
    for key in ("known_as", "views"):
        if key in values:
            typed = values[key].replace("\x00", "")
            if key == "views":  # a textarea: its line breaks are kept as \n, however sent
                typed = typed.replace("\r\n", "\n").replace("\r", "\n")
            assert saved.answers[key] == typed


# Numbers as a person or a script might send them where a number is expected: far too
# large for any database column, negative, written in other scripts' digits, or not
# numbers at all.
oversized_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("9" * 30),
    st.just("-" + "9" * 30),
    st.sampled_from(["0", "-1", "1e308", "NaN", "Infinity", "0x10", "١٢٣", "²", "1_000", " 7 "]),
    st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=30),
)
# Without any_text's very long strings: a query string that long is refused before any view.
number_or_text = st.one_of(oversized_numbers, st.text(max_size=60), st.sampled_from(HOSTILE))


@fuzz(2.5)
@given(
    username=st.one_of(any_text, st.just("owner")),
    password=any_text,
    step=st.one_of(st.just("auth"), any_text),
)
@counted
def test_the_password_step_of_sign_in_never_fails_on_any_input(
    client, owner, username, password, step
):
    response = client.post(
        reverse("two_factor:login"),
        {
            "auth-username": owner.email if username == "owner" else username,
            "auth-password": password,
            LOGIN_STEP_FIELD: step,
        },
    )
    # The sign-in page again (with its errors, or the code step if the password was
    # right), or 400 for a wizard step that does not exist; never a server error.
    assert response.status_code in (200, 400)
    for hostile in HOSTILE[:2]:
        assert hostile not in response.content.decode()


@fuzz(1.0)
@given(code=number_or_text, step=st.one_of(st.just("token"), any_text))
@counted
def test_the_code_step_of_sign_in_never_fails_on_any_input(owner, code, step):
    # Each example is a new browser that got past the password, with no failures counted
    # yet: the lock would otherwise answer every example after the fifth.
    SignInAttempts.objects.all().delete()
    browser = Client()
    at_code_step = browser.post(
        reverse("two_factor:login"),
        {"auth-username": owner.email, "auth-password": TEST_PASSWORD, LOGIN_STEP_FIELD: "auth"},
    )
    assert "Check your email" in at_code_step.content.decode()
    response = browser.post(
        reverse("two_factor:login"), {"token-otp_token": code, LOGIN_STEP_FIELD: step}
    )
    # The page again, with the code's error (or from the start for a step that does not
    # exist), or 400 for a wizard step name it cannot read; never signed in, never a 500.
    assert response.status_code in (200, 400)
    assert "_auth_user_id" not in browser.session
    assert EmailDevice.objects.get(user=owner).token  # no wrong code used up the real one


API_LISTINGS = ["pages", "guidance", "notices", "form-schemas"]
API_PARAMETERS = [
    "limit",
    "offset",
    "id",
    "type",
    "fields",
    "order",
    "search",
    "search_operator",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "slug",
    "show_in_menus",
    "html_path",
    "placement",
    "form",
]


@pytest.fixture
def unthrottled_api(settings):
    """Every example may ask (set once: each change of `settings` nests another override);
    the rate limit has its own test."""
    settings.PORTAL_API_ANON_RATE = None


@fuzz(1.5)
@given(
    endpoint=st.sampled_from(API_LISTINGS),
    detail=st.one_of(st.none(), oversized_numbers.filter(str.isdecimal)),
    find=st.booleans(),
    query=st.dictionaries(st.sampled_from(API_PARAMETERS), number_or_text, max_size=4),
)
# Once server errors: a form schema's id too large for the column, a superscript form id,
# a search operator the search backend refused.
@example(endpoint="form-schemas", detail="9" * 30, find=False, query={})
@example(
    endpoint="guidance", detail=None, find=False, query={"search": "a", "search_operator": "x"}
)
@example(endpoint="notices", detail=None, find=False, query={"placement": "forms", "form": "²"})
@counted
def test_the_api_answers_any_query_without_a_server_error(
    client, demo_forms, unthrottled_api, endpoint, detail, find, query
):
    url = f"/api/v2/{endpoint}/"
    if detail is not None:
        url += f"{detail}/"
    elif find:
        url += "find/"
    response = client.get(url, query)
    assert response.status_code < 500, (url, query)

"""Faults from below the portal: a database that fails mid-save and a mail server that
refuses to send. Nothing already saved may be lost, and the person is told what happened."""

import smtplib

import time_machine
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from ehc_forms.models import Submission
from portal_pages.accounts.models import User


def fail_submission_updates(execute, sql, params, many, context):
    """A database that refuses every write to submissions, as when the disk is full or the
    primary has gone away."""
    if sql.lstrip().upper().startswith("UPDATE") and "ehc_forms_submission" in sql:
        raise OperationalError("could not write: the database is unavailable")
    return execute(sql, params, many, context)


def test_a_database_failure_during_autosave_answers_with_a_message_and_keeps_the_saved_answers(
    client, owner, sign_in, owner_draft
):
    sign_in(client, owner)
    url = reverse("ehc_forms:autosave", args=[owner_draft.pk, 1])
    saved = client.post(url, {"version": owner_draft.version, "known_as": "Perry"})
    assert saved.status_code == 200
    version = saved.json()["version"]

    with connection.execute_wrapper(fail_submission_updates):
        failed = client.post(url, {"version": version, "known_as": "Lost in the outage"})

    assert failed.status_code == 503
    assert failed["Content-Type"] == "application/json"
    assert "not saved" in failed.json()["message"]
    draft = Submission.objects.get(pk=owner_draft.pk)
    assert draft.version == version
    assert draft.answers["known_as"] == "Perry"

    # Once the database is back, the same save goes through with the version the page holds.
    retried = client.post(url, {"version": version, "known_as": "Back again"})
    assert retried.status_code == 200
    assert Submission.objects.get(pk=owner_draft.pk).answers["known_as"] == "Back again"


def refuse_to_send(self, messages):
    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_failing_mail_server_does_not_lose_the_registration(
    client, demo_site, monkeypatch, mailoutbox
):
    """The registration is kept and the visitor sees "Check your email" with its "Send the
    link again" button: the address is not lost, and a new link can be sent once mail works
    (as in production, where a failed mail task is retried by the worker, not the request)."""
    data = {
        "full_name": "Alex Rivers",
        "job_title": "SENDCO",
        "organisation_name": "Brookside Academy",
        "organisation_kind": "school",
        "email": "alex.rivers@brookside.sch.uk",
        "password": "correct-horse-battery-staple",
        "professional_use": "on",
    }
    with time_machine.travel("2026-03-02 09:00:00+00:00", tick=False):
        monkeypatch.setattr(EmailBackend, "send_messages", refuse_to_send)
        response = client.post(reverse("accounts:register"), data)
        assert response.status_code == 302
        assert response.url == reverse("accounts:check_email")
        page = client.get(response.url)
        assert "alex.rivers@brookside.sch.uk" in page.content.decode()
        assert "Send the link again" in page.content.decode()
        user = User.objects.get(email="alex.rivers@brookside.sch.uk")
        assert user.status == User.Status.REGISTERED
        assert user.check_password(data["password"])
        assert mailoutbox == []
        monkeypatch.undo()

    with time_machine.travel("2026-03-02 09:01:05+00:00", tick=False):
        resent = client.post(
            reverse("accounts:resend_confirmation"), {"email": "alex.rivers@brookside.sch.uk"}
        )
        assert resent.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["alex.rivers@brookside.sch.uk"]


def database_down(execute, sql, params, many, context):
    """A database that cannot be reached: every query fails as a lost connection does."""
    raise OperationalError("server closed the connection unexpectedly")


def test_with_the_database_down_every_page_is_a_plain_503_that_needs_no_database(
    owner, sign_in, owner_child, owner_draft
):
    signed_in = sign_in(Client(raise_request_exception=False), owner)
    visitor = Client(raise_request_exception=False)
    pages = [
        (visitor, "/"),
        (visitor, reverse("two_factor:login")),
        (signed_in, "/"),
        (signed_in, reverse("children:home", args=[owner_child.pk])),
        (signed_in, reverse("ehc_forms:step", args=[owner_draft.pk, 1])),
    ]

    # Every query fails, the error page's own included: a page needing one would not render.
    with connection.execute_wrapper(database_down):
        responses = [client.get(url) for client, url in pages]
        posted = signed_in.post(
            reverse("ehc_forms:step", args=[owner_draft.pk, 1]), {"known_as": "Perry"}
        )
        healthz = visitor.get(reverse("healthz"))

    for response in [*responses, posted]:
        assert response.status_code == 503, response.request
        assert response["Retry-After"] == "60"
        page = response.content.decode()
        assert "The service is unavailable" in page
        assert "Try again in a few minutes" in page
    assert healthz.status_code == 503
    assert healthz.json() == {"status": "unavailable", "database": "down"}
    # Back up, the same pages work again.
    assert signed_in.get(reverse("children:home", args=[owner_child.pk])).status_code == 200


def test_with_the_database_down_autosave_answers_json_saying_nothing_saved_is_lost(
    owner, sign_in, owner_draft
):
    signed_in = sign_in(Client(raise_request_exception=False), owner)
    url = reverse("ehc_forms:autosave", args=[owner_draft.pk, 1])

    with connection.execute_wrapper(database_down):
        failed = signed_in.post(
            url,
            {"version": owner_draft.version, "known_as": "Typed in the outage"},
            headers={"Accept": "application/json"},
        )

    assert failed.status_code == 503
    assert failed["Content-Type"] == "application/json"
    message = failed.json()["message"]
    assert "not saved yet" in message and "Nothing you saved before has been lost" in message
    assert Submission.objects.get(pk=owner_draft.pk).version == owner_draft.version

"""Emails the mail server refuses are tried again with growing delays, against a real SMTP
server on loopback: down, then back. The person waiting for a sign-in code is told when it
could not be sent, and the SEND team sees emails that never went in the admin."""

import socket
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from portal_pages.accounts.emails import send_account_email
from portal_pages.inbox.notify import send_message
from portal_pages.inbox.tasks import email_new_message

from .conftest import LOGIN_STEP_FIELD, post_code, post_password

LOGIN = reverse("two_factor:login")
FAILED_EMAILS = reverse("failed_emails:index")


class Inbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_port(settings):
    """A free loopback port with nothing listening yet, and the portal set to send through
    it with the database task queue, as in production."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return port


@pytest.fixture
def start_smtp_server(smtp_port):
    controllers = []

    def start():
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        controllers.append(controller)
        return inbox

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def run_worker(monkeypatch):
    """The task worker, run until no task is due. Its check for stale database connections
    would close the test's own transaction, so it is left out."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", batch=True, interval=0, verbosity=0)


def code_tries():
    return DBTaskResult.objects.filter(task_path=send_account_email.module_path).order_by(
        "enqueued_at"
    )


def code_page_after_a_blank_submit(client):
    return client.post(LOGIN, {"token-otp_token": "", LOGIN_STEP_FIELD: "token"}).content.decode()


def test_a_sign_in_code_the_mail_server_refused_arrives_after_a_retry(
    client, site, professional, start_smtp_server, run_worker
):
    post_password(client, professional.email)
    run_worker()

    first, retry = code_tries()
    assert first.status == TaskResultStatus.SUCCESSFUL
    assert first.return_value == {"retry": str(retry.id)}
    assert retry.status == TaskResultStatus.READY
    assert timedelta(seconds=55) < retry.run_after - first.finished_at < timedelta(seconds=65)
    assert "We could not send your code yet" in code_page_after_a_blank_submit(client)

    inbox = start_smtp_server()
    run_worker()  # the retry is not due yet
    assert inbox.messages == []
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        run_worker()

    [envelope] = inbox.messages
    assert envelope.rcpt_tos == [professional.email]
    body = envelope.content.decode()
    assert "Your security code" in body
    assert "We could not send your code" not in code_page_after_a_blank_submit(client)
    code = next(line for line in body.splitlines() if line.strip().isdigit())
    assert post_code(client, code.strip()).status_code == 302


def test_an_email_that_fails_every_try_is_failed_told_and_listed_for_the_send_team(
    client, site, professional, smtp_port, settings, officer_client, make_professional, run_worker
):
    settings.EMAIL_RETRY_DELAYS = (0, 0, 0, 0)
    post_password(client, professional.email)
    run_worker()

    tries = list(code_tries())
    assert [t.status for t in tries] == [TaskResultStatus.SUCCESSFUL] * 4 + [
        TaskResultStatus.FAILED
    ]
    assert tries[-1].args_kwargs["kwargs"] == {"attempt": 5}
    page = code_page_after_a_blank_submit(client)
    assert "We could not send your code. Ask for a new code" in page

    listing = officer_client.get(FAILED_EMAILS).content.decode()
    assert "Sign in code" in listing
    assert professional.email in listing
    assert "ConnectionRefusedError" in listing
    assert str(tries[-1].args_kwargs["args"][2]["code"]) not in listing

    other = make_professional(email="other.person@brookside.sch.uk")
    client.force_login(other)
    assert client.get(FAILED_EMAILS).status_code in (302, 403)


def test_a_new_message_alert_is_retried_and_a_final_failure_names_its_recipient(
    site, professional, smtp_port, settings, officer_client, run_worker
):
    settings.EMAIL_RETRY_DELAYS = (0, 0, 0, 0)
    send_message(professional, "Annual review paperwork", "Body")
    run_worker()

    tries = DBTaskResult.objects.filter(task_path=email_new_message.module_path)
    assert tries.count() == 5
    assert tries.filter(status=TaskResultStatus.FAILED).count() == 1
    listing = officer_client.get(FAILED_EMAILS).content.decode()
    assert "New message alert" in listing
    assert professional.email in listing
    assert "Annual review paperwork" not in listing

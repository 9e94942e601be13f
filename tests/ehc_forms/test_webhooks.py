"""A form's webhook: each sent version and each status change is posted, signed, to a real
HTTP server on loopback that checks the signature; failed tries come again after growing
delays (the clock moved on, never slept through), and every try is in the delivery log."""

import hashlib
import hmac
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jsonschema
import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from ehc_forms.demo import complete_steps
from ehc_forms.models import FormWebhook, Submission, WebhookDelivery
from ehc_forms.reviewing import change_status
from ehc_forms.submitting import start_edit, submit
from ehc_forms.webhooks import deliver_webhook, signature
from tests.factories import ProfessionalFactory

from .test_workspace import REVIEW_STEPS, send

SECRET = "a-long-shared-secret-for-tests"


def verify(secret, headers, body, now, tolerance=300):
    """How a receiver checks a delivery (the README's example): the HMAC-SHA256 of
    `<timestamp>.<body>` with the shared secret, compared in constant time, and a timestamp
    no older than `tolerance` seconds so a captured request cannot be replayed later."""
    timestamp = headers["X-Portal-Timestamp"]
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    given = headers["X-Portal-Signature"].removeprefix("sha256=")
    return hmac.compare_digest(expected, given) and abs(now - int(timestamp)) <= tolerance


class Receiver:
    """A webhook receiver on a free loopback port: it checks each request's signature,
    keeps what it was sent, and answers with the next of `answers` (then 200)."""

    def __init__(self, secret):
        self.secret = secret
        self.answers = []
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                verified = verify(receiver.secret, self.headers, body, int(time.time()))
                receiver.requests.append(
                    {"headers": dict(self.headers), "body": body, "verified": verified}
                )
                status = (receiver.answers.pop(0) if receiver.answers else 200) if verified else 401
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/portal-hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def bodies(self):
        return [json.loads(request["body"]) for request in self.requests]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    receiver = Receiver(SECRET)
    yield receiver
    receiver.stop()


@pytest.fixture
def review_form(make_form):
    return make_form(REVIEW_STEPS, slug="review", title="Interim review")


@pytest.fixture
def hooked_form(review_form, receiver):
    FormWebhook.objects.create(form=review_form, url=receiver.url, secret=SECRET)
    return review_form


@pytest.fixture
def task_queue(settings, monkeypatch):
    """The database task queue, as in production, and its worker run until no task is due.
    The worker's check for stale connections would close the test's transaction."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", batch=True, interval=0, verbosity=0)


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    """Sends a form, running what waits for the commit (the inbox message, the webhook)."""

    def run(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return send(*args, **kwargs)

    return run


@pytest.fixture
def send_version(django_capture_on_commit_callbacks):
    """Sends a reopened draft as the next version, running what waits for the commit."""

    def run(draft, author, form):
        with django_capture_on_commit_callbacks(execute=True):
            return submit(draft.pk, author, draft.version, form.declaration_texts)

    return run


@pytest.fixture
def change_now(send_team_officer, django_capture_on_commit_callbacks):
    """The SEND team moves a sent version on, running what waits for the commit."""

    def run(submission, status, action_needed=""):
        with django_capture_on_commit_callbacks(execute=True):
            return change_status(submission, status, send_team_officer, action_needed)

    return run


def delivery_tries():
    return DBTaskResult.objects.filter(task_path=deliver_webhook.module_path).order_by(
        "enqueued_at"
    )


def test_a_receiver_verifies_the_signature_and_a_changed_body_or_secret_fails():
    body = b'{"event": "submitted"}'
    timestamp = 1_790_000_000
    headers = {
        "X-Portal-Timestamp": str(timestamp),
        "X-Portal-Signature": f"sha256={signature(SECRET, timestamp, body)}",
    }
    assert verify(SECRET, headers, body, now=timestamp)
    assert not verify(SECRET, headers, b'{"event": "submitted" }', now=timestamp)
    assert not verify("another-secret-of-some-length", headers, body, now=timestamp)
    assert not verify(SECRET, {**headers, "X-Portal-Timestamp": "1790000001"}, body, timestamp)
    assert not verify(SECRET, headers, body, now=timestamp + 301)  # a replay, later


def test_a_sent_form_is_retried_with_growing_delays_until_the_receiver_takes_it(
    hooked_form, professional, child, receiver, task_queue, send_now
):
    receiver.answers = [500, 500]
    sent = send_now(hooked_form, professional, child, "Attendance has dropped.")
    task_queue()

    first, retry = delivery_tries()
    assert first.return_value == {"retry": str(retry.id)}
    assert timedelta(seconds=55) < retry.run_after - first.finished_at < timedelta(seconds=65)
    task_queue()  # not due yet
    assert len(receiver.requests) == 1

    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        task_queue()
        second, third = list(delivery_tries())[1:]
        # The second delay is the longer one: 5 minutes.
        gap = third.run_after - second.finished_at
        assert timedelta(seconds=295) < gap < timedelta(seconds=305)
    with time_machine.travel(timezone.now() + timedelta(seconds=61 + 301)):
        task_queue()

    assert [request["verified"] for request in receiver.requests] == [True, True, True]
    assert (
        list(delivery_tries().values_list("status", flat=True)) == [TaskResultStatus.SUCCESSFUL] * 3
    )
    deliveries = WebhookDelivery.objects.filter(submission=sent).order_by("attempt")
    assert [(d.attempt, d.status_code, d.event) for d in deliveries] == [
        (1, 500, "submitted"),
        (2, 500, "submitted"),
        (3, 200, "submitted"),
    ]
    assert {d.url for d in deliveries} == {receiver.url}
    # Every try carries the same event, byte for byte; a receiver can tell a retry by its id.
    assert len({request["body"] for request in receiver.requests}) == 1
    [body] = {json.dumps(b, sort_keys=True) for b in receiver.bodies()}
    body = json.loads(body)
    assert body["event"] == "submitted" and body["event_id"] == str(deliveries[0].event_id)
    record = body["submission"]
    assert (record["reference"], record["version"], record["status"]) == (
        sent.reference,
        1,
        "submitted",
    )
    assert record["answers"]["summary"] == "Attendance has dropped."
    jsonschema.validate(record["answers"], sent.definition.json_schema(hooked_form.title))


def test_a_receiver_that_never_takes_it_fails_the_fifth_try(
    hooked_form, professional, child, receiver, task_queue, send_now, settings
):
    settings.WEBHOOK_RETRY_DELAYS = (0, 0, 0, 0)
    receiver.answers = [503] * 10
    sent = send_now(hooked_form, professional, child, "Attendance has dropped.")
    task_queue()

    assert [t.status for t in delivery_tries()] == [TaskResultStatus.SUCCESSFUL] * 4 + [
        TaskResultStatus.FAILED
    ]
    assert list(
        WebhookDelivery.objects.filter(submission=sent)
        .order_by("attempt")
        .values_list("attempt", "status_code")
    ) == [(n, 503) for n in range(1, 6)]


def test_an_unreachable_receiver_is_logged_with_its_error(
    hooked_form, professional, child, receiver, send_now
):
    receiver.stop()  # nothing listens on the port any more
    sent = send_now(hooked_form, professional, child, "Attendance has dropped.")
    [delivery] = WebhookDelivery.objects.filter(submission=sent)
    assert delivery.status_code is None
    assert delivery.error.startswith("ConnectionError")
    assert delivery.outcome == delivery.error


def test_each_status_change_and_each_new_version_is_posted(
    hooked_form, professional, child, receiver, send_now, change_now, send_version
):
    sent = send_now(hooked_form, professional, child, "Attendance has dropped.")
    change_now(sent, Submission.Review.RECEIVED)
    change_now(sent, Submission.Review.ACTION_NEEDED, "Add the EP report.")

    events = [(b["event"], b["submission"]["status"]) for b in receiver.bodies()]
    assert events == [
        ("submitted", "submitted"),
        ("status_changed", "received"),
        ("status_changed", "action_needed"),
    ]
    assert WebhookDelivery.objects.filter(submission=sent, status_code=200).count() == 3

    # The professional's edit is sent as version 2: a new submission event.
    draft = start_edit(sent, professional, "Attached the EP report.")
    draft = complete_steps(draft, professional, {"summary": "Attendance has dropped; report."})
    second = send_version(draft, professional, hooked_form)
    last = receiver.bodies()[-1]
    assert (last["event"], last["submission"]["version"]) == ("submitted", 2)
    assert last["submission"]["edit_reason"] == "Attached the EP report."
    assert WebhookDelivery.objects.get(submission=second).event == "submitted"
    assert all(request["verified"] for request in receiver.requests)
    assert len({b["event_id"] for b in receiver.bodies()}) == 4


def test_a_form_without_a_webhook_posts_nothing(
    review_form, professional, child, receiver, task_queue, send_now, change_now
):
    sent = send_now(review_form, professional, child, "Attendance has dropped.")
    change_now(sent, Submission.Review.RECEIVED)
    task_queue()
    assert receiver.requests == []
    assert not delivery_tries().exists()
    assert not WebhookDelivery.objects.exists()


@pytest.fixture
def officer_client(send_team_officer, sign_in):
    return sign_in(Client(), send_team_officer)


def test_the_send_team_reads_the_delivery_log_in_the_admin(
    hooked_form,
    professional,
    child,
    receiver,
    send_now,
    officer_client,
    make_child,
    django_assert_max_num_queries,
):
    receiver.answers = [500]
    sent = send_now(hooked_form, professional, child, "Attendance has dropped.")
    for number in range(12):
        send_now(hooked_form, professional, make_child(professional), f"Summary {number}")

    with django_assert_max_num_queries(20):
        listing = officer_client.get(reverse("webhook_deliveries:index"))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert sent.reference in page and receiver.url in page and "500" in page
    assert reverse("submissions:inspect", args=[sent.pk]) in page
    searched = officer_client.get(reverse("webhook_deliveries:index"), {"q": sent.reference})
    assert searched.content.decode().count(reverse("submissions:inspect", args=[sent.pk])) == 1

    inspect = officer_client.get(reverse("submissions:inspect", args=[sent.pk])).content.decode()
    assert 'id="webhook-deliveries"' in inspect
    assert inspect.count("<td>Submitted</td>") == 1  # the one try, answered 500
    assert "<td>500</td>" in inspect

    menu = officer_client.get("/admin/").content.decode()
    assert "Webhook deliveries" in menu and "Form webhooks" not in menu

    # The log is read-only, for everyone.
    delivery = WebhookDelivery.objects.filter(submission=sent).first()
    for name, args in [("add", []), ("edit", [delivery.pk]), ("delete", [delivery.pk])]:
        response = officer_client.get(reverse(f"webhook_deliveries:{name}", args=args))
        assert response.status_code in (302, 403)


@pytest.fixture
def administrator_client(sign_in, db):
    admin = ProfessionalFactory(
        email="admin@exampleshire.gov.uk", organisation=None, is_superuser=True
    )
    return sign_in(Client(), admin)


def test_an_administrator_sets_a_webhook_whose_secret_is_never_shown_again(
    review_form, administrator_client, officer_client, django_assert_max_num_queries
):
    add = reverse("form_webhooks:add")
    refused = administrator_client.post(add, {"form": review_form.pk, "url": "not a url"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Enter a full web address" in page
    assert "Enter a secret of at least 16 characters" in page
    short = administrator_client.post(
        add, {"form": review_form.pk, "url": "https://cases.example/hook", "secret": "short"}
    )
    assert "Enter a secret of at least 16 characters" in short.content.decode()

    saved = administrator_client.post(
        add, {"form": review_form.pk, "url": "https://cases.example/hook", "secret": SECRET}
    )
    assert saved.status_code == 302
    webhook = FormWebhook.objects.get(form=review_form)
    assert webhook.secret == SECRET

    edit = reverse("form_webhooks:edit", args=[webhook.pk])
    page = administrator_client.get(edit).content.decode()
    assert SECRET not in page
    assert f"A secret ending …{SECRET[-4:]} is saved" in page
    administrator_client.post(
        edit, {"form": review_form.pk, "url": "https://cases.example/v2", "secret": ""}
    )
    webhook.refresh_from_db()
    assert (webhook.url, webhook.secret) == ("https://cases.example/v2", SECRET)
    with django_assert_max_num_queries(20):
        listing = administrator_client.get(reverse("form_webhooks:index"))
    page = listing.content.decode()
    assert "Interim review" in page and "https://cases.example/v2" in page
    assert SECRET not in page

    # The SEND team reads deliveries but does not point forms elsewhere.
    assert officer_client.get(reverse("form_webhooks:index")).status_code in (302, 403)
    assert officer_client.get(edit).status_code in (302, 403)


def test_where_https_is_required_a_plain_http_webhook_is_refused(
    review_form, administrator_client, settings
):
    settings.WEBHOOK_REQUIRE_HTTPS = True
    add = reverse("form_webhooks:add")
    refused = administrator_client.post(
        add, {"form": review_form.pk, "url": "http://cases.example/hook", "secret": SECRET}
    )
    assert refused.status_code == 200
    assert "Enter an address that starts with https://" in refused.content.decode()
    assert not FormWebhook.objects.exists()

    saved = administrator_client.post(
        add, {"form": review_form.pk, "url": "https://cases.example/hook", "secret": SECRET}
    )
    assert saved.status_code == 302
    assert FormWebhook.objects.get().url == "https://cases.example/hook"

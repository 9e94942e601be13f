"""Telling another system about a form's submissions: a signed JSON POST to the form's
webhook for each version sent and each status change, through the tasks framework.

The body is the submission's record as the JSON export lists it (answers in the shape of
the form's JSON Schema), built once when the event happens, so every try at one event sends
the same bytes. Each try is signed with HMAC-SHA256 over `<timestamp>.<body>` with the
form's secret (`X-Portal-Timestamp`, `X-Portal-Signature: sha256=<hex>`), recorded as a
WebhookDelivery, and a try the receiver does not answer with 2xx is made again after
`WEBHOOK_RETRY_DELAYS`, the same way as an email the mail server refused."""

import hashlib
import hmac
import json
import time
import uuid

import requests
from django.conf import settings
from django_tasks import task

from ehc_forms.exporting import submission_record
from ehc_forms.models import FormWebhook, WebhookDelivery
from portal_pages.pages.task_retry import run_or_retry

SIGNATURE_HEADER = "X-Portal-Signature"
TIMESTAMP_HEADER = "X-Portal-Timestamp"


class NotDelivered(Exception):
    """The receiver could not be reached, or did not answer with a 2xx status."""


def signature(secret, timestamp, body):
    """The hex HMAC-SHA256 of `<timestamp>.<body>` (body as bytes) with `secret`."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(secret, body, timestamp):
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: f"sha256={signature(secret, timestamp, body)}",
    }


def send_webhook(submission, event):
    """Queue `event` of `submission` for its form's webhook, if the form has one. Called
    once the change is committed, so the receiver never hears of one that rolled back."""
    if not FormWebhook.objects.filter(form=submission.form_id).exists():
        return None
    body = {
        "event": event,
        "event_id": str(uuid.uuid4()),
        "submission": submission_record(submission),
    }
    return deliver_webhook.enqueue(submission.pk, event, json.dumps(body, ensure_ascii=False))


@task()
def deliver_webhook(submission_id, event, body, attempt=1):
    """One try at posting `body` for `event` of submission `submission_id`."""
    webhook = FormWebhook.objects.filter(form__submissions=submission_id).first()
    if webhook is None:
        return None  # removed since the event: nobody is waiting for it any more
    return run_or_retry(
        deliver_webhook,
        lambda: post(webhook, submission_id, event, body, attempt),
        submission_id,
        event,
        body,
        attempt=attempt,
        delays=settings.WEBHOOK_RETRY_DELAYS,
        retry_on=NotDelivered,
    )


def post(webhook, submission_id, event, body, attempt):
    """Post once and record the try; raises NotDelivered unless the answer is 2xx."""
    content = body.encode()
    delivery = WebhookDelivery(
        submission_id=submission_id,
        event=event,
        event_id=json.loads(body)["event_id"],
        url=webhook.url,
        attempt=attempt,
    )
    try:
        response = requests.post(
            webhook.url,
            data=content,
            headers=signed_headers(webhook.secret, content, int(time.time())),
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            # A redirect would carry the signed body somewhere nobody configured.
            allow_redirects=False,
        )
    except requests.RequestException as error:
        delivery.error = f"{type(error).__name__}: {error}"[:500]
        delivery.save()
        raise NotDelivered(delivery.error) from error
    delivery.status_code = response.status_code
    delivery.save()
    if not delivery.delivered:
        raise NotDelivered(f"HTTP {response.status_code}")

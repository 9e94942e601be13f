"""Running a task's work again later when it fails: an email the mail server refused, a
webhook the receiver did not accept.

A task whose work fails queues the next try of itself to run after a growing delay (such as
`EMAIL_RETRY_DELAYS`) and records that try's id as its result; the last try lets the error
through, so the task queue marks it failed (the SEND team sees failed emails in the admin,
"Failed emails"). Only backends that can run a task later retry; with the immediate backend
(development) a failure is final at once."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend
from django_tasks.exceptions import TaskResultDoesNotExist


def run_or_retry(task, run, *args, attempt, delays, retry_on):
    """Call `run()`; when it raises one of `retry_on`, queue `task(*args, attempt=attempt +
    1)` after `delays[attempt - 1]` seconds, or raise once the delays are used up."""
    try:
        run()
    except retry_on:
        if attempt > len(delays) or not task.get_backend().supports_defer:
            raise
        run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
        retry = task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
        return {"retry": retry.id}
    return None


def send_email_or_retry(task, send, *args, attempt):
    """`run_or_retry` for an email: smtplib's errors and refused connections are all
    OSErrors, retried after `EMAIL_RETRY_DELAYS`."""
    return run_or_retry(
        task, send, *args, attempt=attempt, delays=settings.EMAIL_RETRY_DELAYS, retry_on=OSError
    )


def delivery_problem(result_id):
    """Whether the email queued as task result `result_id` has failed at least once: None
    while it is waiting or sent, "retrying" while a later try is due, "failed" when every
    try failed (or the result cannot be found, so nobody can say it was sent)."""
    if not default_task_backend.supports_get_result:
        return None
    tried_before = False
    while True:
        try:
            result = default_task_backend.get_result(result_id)
        except TaskResultDoesNotExist:
            return "failed"
        if result.status == TaskResultStatus.FAILED:
            return "failed"
        if result.status != TaskResultStatus.SUCCESSFUL:
            return "retrying" if tried_before else None
        next_try = (result.return_value or {}).get("retry")
        if next_try is None:
            return None
        tried_before, result_id = True, next_try

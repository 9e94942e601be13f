"""Two requests at the same moment: one submission for a double submit, and never the same
reference for two submissions. These need real row locks, so they run on PostgreSQL (CI
runs the suite on it); SQLite has no SELECT ... FOR UPDATE and refuses concurrent writers."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from ehc_forms.demo import complete_steps
from ehc_forms.models import ReferenceCounter, Submission, SubmissionEvent
from ehc_forms.submitting import next_reference
from portal_pages.inbox.models import Message

pytestmark = [
    pytest.mark.usefixtures("committed_db"),
    pytest.mark.postgresql,
]


def at_once(count, work):
    """Runs `work(index)` in `count` threads released together; returns their results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        try:
            barrier.wait()
            results[index] = work(index)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_submit_requests_at_once_make_one_submission(draft, professional, professional_client):
    draft = complete_steps(
        draft,
        professional,
        {
            "known_as": "Alex",
            "primary_need": "ASD",
            "looked_after": "no",
            "child_views": "Likes maths.",
        },
    )
    clients = [professional_client, Client()]
    clients[1].cookies = professional_client.cookies
    url = reverse("ehc_forms:check", args=[draft.pk])
    data = {"version": draft.version, "declarations": ["1", "2"]}
    responses = at_once(2, lambda index: clients[index].post(url, data))
    assert [response.status_code for response in responses] == [302, 302]
    assert {response.url for response in responses} == {
        reverse("ehc_forms:confirmation", args=[draft.pk])
    }
    assert Submission.objects.filter(status=Submission.Status.SUBMITTED).count() == 1
    assert SubmissionEvent.objects.filter(kind=SubmissionEvent.Kind.SUBMITTED).count() == 1
    assert ReferenceCounter.objects.get().last == 1
    assert Message.objects.filter(recipient=professional).count() == 1


def test_references_taken_at_once_never_collide():
    def take(_index):
        with transaction.atomic():
            return next_reference("AR", 2026)

    references = at_once(8, take)
    assert sorted(references) == [f"AR-2026-{number:06d}" for number in range(1, 9)]
    assert ReferenceCounter.objects.get(prefix="AR", year=2026).last == 8

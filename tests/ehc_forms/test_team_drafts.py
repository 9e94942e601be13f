"""Colleagues on a child the team shares: each opens and continues the same draft, every
save records who made it, and a stale save names the colleague who saved in between."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ehc_forms.demo import complete_steps
from ehc_forms.models import Submission, SubmissionEvent
from ehc_forms.submitting import submit
from portal_pages.children import teams


def step_url(draft, number):
    return reverse("ehc_forms:step", args=[draft.pk, number])


@pytest.fixture
def colleague(make_professional):
    return make_professional(full_name="Jo Bloggs")


@pytest.fixture
def colleague_client(colleague, sign_in):
    return sign_in(Client(), colleague)


@pytest.fixture
def shared_draft(draft, child, professional):
    teams.set_sharing(child, True, professional)
    return draft


def test_a_colleague_cannot_open_a_draft_of_a_private_child(colleague_client, draft):
    assert colleague_client.get(reverse("ehc_forms:task_list", args=[draft.pk])).status_code == 404
    assert colleague_client.get(step_url(draft, 2)).status_code == 404
    response = colleague_client.post(step_url(draft, 2), {"version": draft.version})
    assert response.status_code == 404


def test_a_colleague_continues_a_shared_draft_and_each_save_records_its_person(
    professional_client, colleague_client, shared_draft, professional, colleague, reload
):
    assert (
        colleague_client.get(reverse("ehc_forms:task_list", args=[shared_draft.pk])).status_code
        == 200
    )
    response = colleague_client.post(
        step_url(shared_draft, 2),
        {"version": shared_draft.version, "action": "later", "child_views": "From Jo"},
    )
    assert response.status_code == 302
    saved = reload(shared_draft)
    assert saved.answers["child_views"] == "From Jo"
    assert saved.updated_by == colleague
    assert saved.author == professional  # the draft is still the author's

    professional_client.post(
        step_url(shared_draft, 2),
        {"version": saved.version, "action": "later", "child_views": "From the author"},
    )
    assert reload(shared_draft).updated_by == professional
    savers = list(
        shared_draft.events.filter(kind=SubmissionEvent.Kind.STEP_SAVED).values_list(
            "by__full_name", flat=True
        )
    )
    assert savers == ["Jo Bloggs", professional.full_name]


def test_a_stale_save_names_the_colleague_who_saved_in_between(
    professional_client, colleague_client, shared_draft, reload
):
    opened_at = shared_draft.version
    with time_machine.travel(
        timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 42)), tick=False
    ):
        colleague_client.post(
            step_url(shared_draft, 2),
            {"version": opened_at, "action": "later", "child_views": "Jo's words"},
        )

    response = professional_client.post(
        step_url(shared_draft, 2),
        {"version": opened_at, "action": "later", "child_views": "Mine"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Saved by Jo Bloggs at 10:42" in html
    assert ">\nMine</textarea>" in html
    assert '<dd class="govuk-summary-list__value">Jo&#x27;s words</dd>' in html
    assert reload(shared_draft).answers["child_views"] == "Jo's words"

    autosaved = professional_client.post(
        reverse("ehc_forms:autosave", args=[shared_draft.pk, 2]),
        {"version": opened_at, "child_views": "Mine again"},
    )
    assert autosaved.status_code == 409
    assert autosaved.json()["message"].startswith("Saved by Jo Bloggs at 10:42.")
    assert reload(shared_draft).answers["child_views"] == "Jo's words"


def test_the_childs_forms_offer_a_colleagues_draft_to_continue(
    colleague_client, shared_draft, child, sample_form
):
    start = colleague_client.get(reverse("ehc_forms:start", args=[child.pk, sample_form.pk]))
    assert start.status_code == 302
    assert start["Location"] == reverse("ehc_forms:task_list", args=[shared_draft.pk])
    details = colleague_client.post(
        reverse("ehc_forms:professional_details", args=[child.pk, sample_form.pk]),
        {
            "full_name": "Jo Bloggs",
            "job_title": "Teacher",
            "organisation": "Oakfield",
            "email": "jo@oakfield.sch.uk",
        },
    )
    assert details["Location"] == reverse("ehc_forms:task_list", args=[shared_draft.pk])
    assert Submission.objects.filter(child=child).count() == 1


def test_unsharing_takes_the_draft_away_from_the_colleague(
    professional, colleague_client, shared_draft, child
):
    teams.set_sharing(child, False, professional)
    assert (
        colleague_client.get(reverse("ehc_forms:task_list", args=[shared_draft.pk])).status_code
        == 404
    )


def test_no_new_form_for_a_child_who_moved_on(
    professional_client, professional, child, sample_form
):
    teams.mark_moved_on(child, professional)
    start = reverse("ehc_forms:start", args=[child.pk, sample_form.pk])
    assert professional_client.get(start).status_code == 404
    details = reverse("ehc_forms:professional_details", args=[child.pk, sample_form.pk])
    assert professional_client.post(details, {"full_name": "A"}).status_code == 404
    assert not Submission.objects.filter(child=child).exists()


def test_the_task_list_and_the_childs_forms_say_who_started_and_last_saved(
    colleague_client, shared_draft, professional, child, reload
):
    colleague_client.post(
        step_url(shared_draft, 2),
        {"version": shared_draft.version, "action": "later", "child_views": "From Jo"},
    )
    task_list = colleague_client.get(reverse("ehc_forms:task_list", args=[shared_draft.pk]))
    assert f"Started by {professional.full_name}. Last saved by you" in task_list.content.decode()
    forms = colleague_client.get(reverse("ehc_forms:child_forms", args=[child.pk]))
    assert f"Started by {professional.full_name}. Last saved by you" in forms.content.decode()


SUBMIT_ANSWERS = {
    "known_as": "Alex",
    "primary_need": "ASD",
    "looked_after": "no",
    "child_views": "Likes maths.",
    "people": [{"name": "Sam Carter"}],
}


def test_a_colleague_sends_a_shared_draft_reads_it_downloads_it_and_edits_it(
    colleague_client,
    professional_client,
    shared_draft,
    professional,
    colleague,
    reload,
    django_capture_on_commit_callbacks,
):
    finished = complete_steps(shared_draft, professional, SUBMIT_ANSWERS)
    with django_capture_on_commit_callbacks(execute=True):
        sent = colleague_client.post(
            reverse("ehc_forms:check", args=[finished.pk]),
            {"version": finished.version, "declarations": ["1", "2"]},
        )
    assert sent.status_code == 302
    v1 = reload(finished)
    assert v1.status == Submission.Status.SUBMITTED and v1.author == professional
    submitted_event = v1.events.get(kind=SubmissionEvent.Kind.SUBMITTED)
    assert submitted_event.by == colleague

    # Both read it, and it says who sent it for whom.
    for client in (colleague_client, professional_client):
        page = client.get(reverse("ehc_forms:submitted", args=[v1.pk]))
        assert f"Jo Bloggs, for {professional.full_name}" in page.content.decode()
        pdf = client.get(reverse("ehc_forms:pdf", args=[v1.pk]))
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert pdf["Content-Disposition"].startswith("attachment")

    # The author edits it with a reason and sends version 2; the history names each person.
    professional_client.post(reverse("ehc_forms:edit", args=[v1.pk]), {"reason": "New need."})
    v2 = Submission.objects.get(previous=v1)
    with django_capture_on_commit_callbacks(execute=True):
        professional_client.post(
            reverse("ehc_forms:check", args=[v2.pk]),
            {"version": v2.version, "declarations": ["1", "2"]},
        )
    history = colleague_client.get(reverse("ehc_forms:history", args=[v2.pk])).content.decode()
    assert f"Submitted by Jo Bloggs, for {professional.full_name}" in history
    assert f"Submitted by {professional.full_name} on" in history


def test_sent_forms_of_a_private_child_stay_with_their_author(
    colleague_client, draft, professional
):
    finished = complete_steps(draft, professional, SUBMIT_ANSWERS)
    sent = submit(finished.pk, professional, finished.version, ["a", "b"])
    for name in ("submitted", "pdf", "history", "edit", "confirmation"):
        assert colleague_client.get(reverse(f"ehc_forms:{name}", args=[sent.pk])).status_code == 404

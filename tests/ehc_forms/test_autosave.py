"""The autosave endpoint and the step states it leaves, and revision pinning."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from ehc_forms.definition import StepState
from ehc_forms.demo import build_steps, memo, text
from ehc_forms.models import SubmissionEvent
from portal_pages.children.models import Child


def step_url(draft, number):
    return reverse("ehc_forms:step", args=[draft.pk, number])


def autosave_url(draft, number):
    return reverse("ehc_forms:autosave", args=[draft.pk, number])


@time_machine.travel("2026-03-02 10:42:10+00:00", tick=False)
def test_autosave_stores_raw_values_and_returns_the_new_version(professional_client, draft, reload):
    response = professional_client.post(
        autosave_url(draft, 2), {"version": draft.version, "child_views": "x" * 60}
    )
    assert response.status_code == 200
    assert response.json() == {
        "version": draft.version + 1,
        "state": StepState.IN_PROGRESS,
        "saved_at": "10:42",
    }
    draft = reload(draft)
    # Too long to be valid, but kept as typed: validation decides only the state.
    assert draft.answers["child_views"] == "x" * 60
    assert draft.step_states[draft.definition.step(2).id] == StepState.IN_PROGRESS
    # Autosaves do not fill the history; button saves do.
    assert not draft.events.exclude(kind=SubmissionEvent.Kind.STARTED).exists()


def test_a_stale_autosave_is_refused_with_the_servers_answers(professional_client, draft, reload):
    first = {"version": draft.version, "child_views": "Typed in the first tab"}
    assert professional_client.post(autosave_url(draft, 2), first).status_code == 200

    stale = professional_client.post(
        autosave_url(draft, 2), {"version": draft.version, "child_views": "Second tab"}
    )
    assert stale.status_code == 409
    body = stale.json()
    assert body["version"] == draft.version + 1
    assert body["answers"] == {
        "child_views": "Typed in the first tab",
        "meeting_date": {"day": "", "month": "", "year": ""},
    }
    draft = reload(draft)
    assert draft.answers["child_views"] == "Typed in the first tab"
    assert draft.version == 2


def test_the_same_save_arriving_twice_is_no_conflict_and_keeps_the_version(
    professional_client, draft, reload
):
    # A page sends its typing as it is left, and the page that replaces it sends the same
    # values again from the version they were typed on: whichever arrives second changes
    # nothing, so it is not a conflict, and the version stays where the first one put it.
    typed = {"version": draft.version, "child_views": "Typed just before reloading"}
    assert professional_client.post(autosave_url(draft, 2), typed).json()["version"] == 2
    again = professional_client.post(autosave_url(draft, 2), typed)
    assert again.status_code == 200
    assert again.json()["version"] == 2
    assert reload(draft).version == 2

    button = professional_client.post(step_url(draft, 2), {**typed, "action": "later"})
    assert button.status_code == 302
    assert reload(draft).answers["child_views"] == "Typed just before reloading"


def test_every_save_of_a_step_counts_as_activity_on_the_child(professional_client, draft):
    child = draft.child
    long_ago = timezone.now() - datetime.timedelta(days=800)
    Child.objects.filter(pk=child.pk).update(last_activity_at=long_ago)
    professional_client.post(
        autosave_url(draft, 2), {"version": draft.version, "child_views": "Autosaved"}
    )
    child.refresh_from_db()
    assert child.last_activity_at > long_ago

    Child.objects.filter(pk=child.pk).update(last_activity_at=long_ago)
    professional_client.post(
        step_url(draft, 2),
        {"version": draft.version + 1, "action": "later", "child_views": "Button"},
    )
    child.refresh_from_db()
    assert child.last_activity_at > long_ago
    recent = professional_client.get(reverse("children:index") + "?view=recent")
    assert child.full_name in recent.content.decode()


def test_autosave_never_completes_a_step_but_can_reopen_one(professional_client, draft, reload):
    valid = {"child_views": "Fine", "meeting_date-day": "", "meeting_date-month": ""}
    response = professional_client.post(autosave_url(draft, 2), {"version": draft.version, **valid})
    assert response.json()["state"] == StepState.IN_PROGRESS

    professional_client.post(
        reverse("ehc_forms:step", args=[draft.pk, 2]),
        {"version": draft.version + 1, "action": "continue", **valid},
    )
    draft = reload(draft)
    step_id = draft.definition.step(2).id
    assert draft.step_states[step_id] == StepState.COMPLETED

    still_valid = professional_client.post(
        autosave_url(draft, 2), {"version": draft.version, "child_views": "Still fine"}
    )
    assert still_valid.json()["state"] == StepState.COMPLETED
    now_invalid = professional_client.post(
        autosave_url(draft, 2), {"version": draft.version + 1, "child_views": ""}
    )
    assert now_invalid.json()["state"] == StepState.IN_PROGRESS
    assert reload(draft).answers["child_views"] == ""


def test_autosave_drops_answers_to_questions_that_are_hidden(professional_client, draft, reload):
    professional_client.post(
        autosave_url(draft, 1),
        {"version": draft.version, "looked_after": "yes", "social_worker": "Sam"},
    )
    assert reload(draft).answers["social_worker"] == "Sam"
    professional_client.post(
        autosave_url(draft, 1),
        {"version": draft.version + 1, "looked_after": "no", "social_worker": "Sam"},
    )
    assert "social_worker" not in reload(draft).answers


def test_autosave_only_accepts_posts(professional_client, draft):
    assert professional_client.get(autosave_url(draft, 1)).status_code == 405
    assert professional_client.post(autosave_url(draft, 9), {"version": 1}).status_code == 404
    # The care step cannot start until "looked after" is answered.
    assert professional_client.post(autosave_url(draft, 3), {"version": 1}).status_code == 404


def publish_new_version(form, lookup):
    """An editor renames step 2's question and adds a required one."""
    new_steps = [
        ("About the child", "", [text("known_as", "Known as", max_length=20)]),
        (
            "Views",
            "",
            [
                memo("child_views", "In their own words", max_chars=50),
                text("new_question", "A new required question"),
            ],
        ),
    ]
    form.steps = build_steps(form.slug, new_steps, {"Primary need": lookup})
    form.save_revision().publish()
    form.refresh_from_db()
    return form


def test_drafts_keep_their_revision_until_the_author_moves_them(
    professional_client, draft, sample_form, lookup, reload
):
    professional_client.post(
        reverse("ehc_forms:step", args=[draft.pk, 2]),
        {"version": draft.version, "action": "continue", "child_views": "Happy at school"},
    )
    pinned = draft.revision_id
    form = publish_new_version(sample_form, lookup)
    assert form.live_revision_id != pinned

    draft = reload(draft)
    assert draft.revision_id == pinned
    task_list = reverse("ehc_forms:task_list", args=[draft.pk])
    html = professional_client.get(task_list).content.decode()
    # Still the four steps it was started with, and an offer to move.
    assert "You have completed 1 of 4 steps." in html
    assert "Use the latest version" in html
    step = professional_client.get(reverse("ehc_forms:step", args=[draft.pk, 2])).content
    assert "Child&#x27;s views" in step.decode()

    response = professional_client.post(task_list, {"action": "use_latest"})
    assert response.url == task_list
    draft = reload(draft)
    assert draft.revision_id == form.live_revision_id
    assert draft.answers["child_views"] == "Happy at school"
    # The step now has a required question not answered yet, so it is no longer complete.
    assert draft.step_states[draft.definition.step(2).id] == StepState.IN_PROGRESS
    assert draft.events.filter(kind=SubmissionEvent.Kind.REVISION_CHANGED).count() == 1
    html = professional_client.get(task_list).content.decode()
    assert "Use the latest version" not in html
    assert "You have completed 0 of 2 steps." in html


def test_new_drafts_start_on_the_live_revision(
    professional_client, professional, child, sample_form, lookup
):
    form = publish_new_version(sample_form, lookup)
    details_url = reverse("ehc_forms:professional_details", args=[child.pk, form.pk])
    professional_client.post(
        details_url,
        {
            "full_name": "Jo",
            "job_title": "SENDCO",
            "organisation": "Oakfield",
            "email": professional.email,
        },
    )
    assert professional.submissions.get().revision_id == form.live_revision_id


def test_an_oversized_date_part_is_kept_as_typed_not_a_server_error(
    professional_client, draft, reload
):
    # 20 digits: past the platform's C integer, where int() turns into OverflowError.
    oversized = "9" * 20
    response = professional_client.post(
        autosave_url(draft, 2),
        {
            "version": draft.version,
            "meeting_date-day": "1",
            "meeting_date-month": "2",
            "meeting_date-year": oversized,
        },
    )
    assert response.status_code == 200
    assert response.json()["state"] == StepState.IN_PROGRESS
    assert reload(draft).answers["meeting_date"] == {"day": "1", "month": "2", "year": oversized}

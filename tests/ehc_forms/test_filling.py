"""Filling in a form: starting it, confirming details, the task list and the step pages."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from ehc_forms.definition import StepState
from ehc_forms.demo import group, load_forms, text
from ehc_forms.models import EHCFormPage, FormShare, Submission, SubmissionEvent
from ehc_forms.saving import start_draft
from ehc_forms.wagtail_hooks import child_forms_section
from portal_pages.children.models import Child
from portal_pages.children.stages import Stage

# Queries of the page frame every portal page shares: session, user and device, the site and
# its settings, other areas' navigation counts, the session's idle-timeout stamp.
FRAME = 10


def step_url(draft, number):
    return reverse("ehc_forms:step", args=[draft.pk, number])


def test_child_forms_page_lists_forms_to_start(professional_client, child, sample_form):
    html = professional_client.get(reverse("ehc_forms:child_forms", args=[child.pk])).content
    assert "Start: Test form" in html.decode()
    assert reverse("ehc_forms:start", args=[child.pk, sample_form.pk]) in html.decode()


def test_forms_are_offered_by_stage_and_by_share(
    professional_client, professional, child, make_form
):
    make_form(
        [("One", "", [])], slug="at-request", title="At request", offered_at_stages=["request"]
    )
    make_form(
        [("One", "", [])], slug="at-review", title="At review", offered_at_stages=["annual_review"]
    )
    shared = make_form(
        [("One", "", [])],
        slug="advice",
        title="Advice",
        audience=EHCFormPage.Audience.SHARED,
    )
    url = reverse("ehc_forms:child_forms", args=[child.pk])
    html = professional_client.get(url).content.decode()
    # A child with no case yet is at the request stage.
    assert "At request" in html and "At review" not in html and "Advice" not in html

    FormShare.objects.create(form=shared, child=child, professional=professional)
    html = professional_client.get(url).content.decode()
    assert "Start: Advice" in html and "Shared with you by the SEND team" in html


def test_a_form_not_offered_cannot_be_started(professional_client, child, make_form):
    form = make_form([("One", "", [])], slug="review", offered_at_stages=[Stage.ANNUAL_REVIEW])
    url = reverse("ehc_forms:start", args=[child.pk, form.pk])
    assert professional_client.get(url).status_code == 404


def test_the_child_home_section_hook_lists_the_forms(rf, professional, child, sample_form):
    request = rf.get("/")
    request.user = professional
    sections = [build(request, child) for build in hooks.get_hooks("register_child_home_section")]
    assert any("Start: Test form" in (html or "") for html in sections)

    # With nothing to offer the hook adds nothing, so the child's home says so in its words.
    sample_form.unpublish()
    assert child_forms_section(request, child) is None


def test_start_confirm_details_and_resume_the_same_draft(
    professional_client, professional, child, sample_form
):
    intro = professional_client.get(reverse("ehc_forms:start", args=[child.pk, sample_form.pk]))
    assert "Tell us about the child." in intro.content.decode()

    details_url = reverse("ehc_forms:professional_details", args=[child.pk, sample_form.pk])
    page = professional_client.get(details_url).content.decode()
    assert f'value="{professional.full_name}"' in page
    assert f'value="{professional.email}"' in page

    response = professional_client.post(
        details_url,
        {
            "full_name": "Jo Marsh-Smith",
            "job_title": "Deputy SENDCO",
            "organisation": "Oakfield Primary School",
            "email": professional.email,
            "phone": "0161 496 0000",
        },
    )
    draft = Submission.objects.get(author=professional)
    assert response.url == reverse("ehc_forms:task_list", args=[draft.pk])
    assert draft.professional_details["full_name"] == "Jo Marsh-Smith"
    assert draft.revision_id == sample_form.live_revision_id
    professional.refresh_from_db()
    assert professional.full_name != "Jo Marsh-Smith"  # never written back to the account
    assert draft.events.get().kind == SubmissionEvent.Kind.STARTED

    # Starting again resumes the one draft.
    again = professional_client.get(reverse("ehc_forms:start", args=[child.pk, sample_form.pk]))
    assert again.url == reverse("ehc_forms:task_list", args=[draft.pk])
    assert professional_client.post(details_url, {}).url == again.url
    assert Submission.objects.count() == 1
    listing = professional_client.get(reverse("ehc_forms:child_forms", args=[child.pk]))
    assert "Continue: Test form" in listing.content.decode()


def test_details_errors_are_summarised_and_keep_what_was_typed(
    professional_client, child, sample_form
):
    details_url = reverse("ehc_forms:professional_details", args=[child.pk, sample_form.pk])
    response = professional_client.post(
        details_url,
        {"full_name": "", "job_title": "SENDCO", "organisation": "Oakfield", "email": "nope"},
    )
    html = response.content.decode()
    assert "There is a problem" in html
    assert '<a href="#full_name">Enter an answer for “Full name”</a>' in html
    assert 'href="#email">Enter an email address in the correct format' in html
    assert 'value="nope"' in html
    assert not Submission.objects.exists()


def task_statuses(html):
    return re.findall(r'id="step-\d+-status">\s*(?:<strong[^>]*>)?([^<]+?)\s*<', html)


def test_task_list_shows_each_step_state(professional_client, draft):
    html = professional_client.get(reverse("ehc_forms:task_list", args=[draft.pk])).content
    html = html.decode()
    # The care step depends on an answer in step 1 not given yet.
    assert task_statuses(html) == [
        "Not yet started",
        "Not yet started",
        "Cannot start yet",
        "Not yet started",
    ]
    assert "You have completed 0 of 4 steps." in html


def continue_from_step_one(client, draft, looked_after, social_worker):
    return client.post(
        step_url(draft, 1),
        {
            "version": draft.version,
            "action": "continue",
            "known_as": "Alex",
            "primary_need": "ASD",
            "looked_after": looked_after,
            "social_worker": social_worker,
        },
    )


def test_save_and_continue_completes_the_step_and_moves_on(professional_client, draft, reload):
    response = continue_from_step_one(professional_client, draft, "no", "Should not be kept")
    assert response.url == step_url(draft, 2)
    draft = reload(draft)
    assert draft.answers == {"known_as": "Alex", "primary_need": "ASD", "looked_after": "no"}
    assert draft.version == 2
    html = professional_client.get(reverse("ehc_forms:task_list", args=[draft.pk])).content
    html = html.decode()
    # Completed shows green; the care step no longer applies, so 1 of 3.
    assert task_statuses(html) == ["Completed", "Not yet started", "Not yet started"]
    assert '<strong class="govuk-tag govuk-tag--green">Completed</strong>' in html
    assert "You have completed 1 of 3 steps." in html
    assert draft.events.filter(kind=SubmissionEvent.Kind.STEP_COMPLETED).count() == 1


def test_a_conditional_step_opens_once_its_answer_allows(professional_client, draft, reload):
    assert professional_client.get(step_url(draft, 3)).url == reverse(
        "ehc_forms:task_list", args=[draft.pk]
    )
    continue_from_step_one(professional_client, draft, "yes", "Sam Okafor")
    assert reload(draft).answers["social_worker"] == "Sam Okafor"
    assert professional_client.get(step_url(draft, 3)).status_code == 200


def test_save_and_continue_with_errors_keeps_everything(professional_client, draft, reload):
    response = professional_client.post(
        step_url(draft, 1),
        {
            "version": draft.version,
            "action": "continue",
            "known_as": "A name far longer than twenty characters",
            "primary_need": "XYZ",
            "looked_after": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#known_as">Known as must be 20 characters or fewer' in html
    assert 'href="#primary_need">Choose one of the options in the list</a>' in html
    assert 'href="#looked_after">Select yes or no for “Looked after?”</a>' in html
    assert 'value="A name far longer than twenty characters"' in html
    draft = reload(draft)
    assert draft.answers["known_as"] == "A name far longer than twenty characters"
    assert draft.step_states[draft.definition.step(1).id] == StepState.IN_PROGRESS
    assert f'name="version" value="{draft.version}"' in html


def test_save_and_come_back_later_keeps_invalid_values_and_shows_them_next_time(
    professional_client, draft, reload
):
    response = professional_client.post(
        step_url(draft, 2),
        {"version": draft.version, "action": "later", "child_views": "x" * 60},
    )
    assert response.url == reverse("ehc_forms:task_list", args=[draft.pk])
    draft = reload(draft)
    assert draft.answers["child_views"] == "x" * 60
    assert draft.events.filter(kind=SubmissionEvent.Kind.STEP_SAVED).count() == 1
    html = professional_client.get(step_url(draft, 2)).content.decode()
    assert "x" * 60 in html
    assert "Answer must be 50 characters or fewer" in html
    # A question simply not answered yet is not shown as an error on return.
    assert "Enter the date" not in html


def test_repeating_group_rows_are_added_and_removed_without_script(
    professional_client, draft, reload
):
    url = step_url(draft, 4)
    response = professional_client.post(
        url, {"version": draft.version, "action": "people:add", "people-rows": "0"}
    )
    assert response.url == url + "#people"
    draft = reload(draft)
    html = professional_client.get(url).content.decode()
    assert "Person 1" in html and 'name="people-0-name"' in html

    professional_client.post(
        url,
        {
            "version": draft.version,
            "action": "people:add",
            "people-rows": "1",
            "people-0-name": "Jo",
        },
    )
    draft = reload(draft)
    assert draft.answers["people"] == [{"name": "Jo", "email": None}, {}]
    html = professional_client.get(url).content.decode()
    assert "You have added the most you can (2)." in html

    professional_client.post(
        url,
        {
            "version": draft.version,
            "action": "people:remove-0",
            "people-rows": "2",
            "people-0-name": "Jo",
            "people-1-name": "Sam",
        },
    )
    assert reload(draft).answers["people"] == [{"name": "Sam", "email": None}]


def test_repeating_group_over_its_maximum_is_an_error(professional_client, draft):
    response = professional_client.post(
        step_url(draft, 4),
        {
            "version": draft.version,
            "action": "continue",
            "people-rows": "3",
            "people-0-name": "Jo",
            "people-1-name": "Sam",
            "people-2-name": "Kim",
        },
    )
    assert "You can add up to 2 of person" in response.content.decode()


def test_a_stale_button_save_overwrites_nothing(professional_client, draft, reload):
    professional_client.post(
        step_url(draft, 2), {"version": draft.version, "action": "later", "child_views": "First"}
    )
    response = professional_client.post(
        step_url(draft, 2), {"version": draft.version, "action": "later", "child_views": "Second"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Saved by you in another window at" in html
    assert ">\nSecond</textarea>" in html  # what this window typed is still in the form
    # and what the other window saved is listed beside it
    assert '<dd class="govuk-summary-list__value">First</dd>' in html
    assert reload(draft).answers["child_views"] == "First"


@pytest.fixture
def other_client(make_professional, sign_in):
    return sign_in(Client(), make_professional())


def draft_urls(draft, child, form):
    return [
        ("get", reverse("ehc_forms:child_forms", args=[child.pk])),
        ("get", reverse("ehc_forms:start", args=[child.pk, form.pk])),
        ("get", reverse("ehc_forms:professional_details", args=[child.pk, form.pk])),
        ("get", reverse("ehc_forms:task_list", args=[draft.pk])),
        ("post", reverse("ehc_forms:task_list", args=[draft.pk])),
        ("get", step_url(draft, 1)),
        ("post", step_url(draft, 1)),
        ("post", reverse("ehc_forms:autosave", args=[draft.pk, 1])),
    ]


def test_every_url_is_404_for_another_professional(other_client, draft, child, sample_form):
    for method, url in draft_urls(draft, child, sample_form):
        response = getattr(other_client, method)(url, {"version": draft.version})
        assert response.status_code == 404, (method, url)


def test_every_url_asks_visitors_to_sign_in(client, draft, child, sample_form):
    for method, url in draft_urls(draft, child, sample_form):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        # After signing in (for example after the idle timeout) they land back where they were.
        assert response.url.endswith("?next=" + quote(url)), (method, url)


def test_unknown_steps_drafts_and_submitted_forms_are_404(professional_client, draft):
    assert professional_client.get(step_url(draft, 99)).status_code == 404
    assert professional_client.get(reverse("ehc_forms:task_list", args=[999999])).status_code == 404
    Submission.objects.filter(pk=draft.pk).update(status=Submission.Status.SUBMITTED)
    assert professional_client.get(step_url(draft, 1)).status_code == 404


@pytest.fixture
def large_draft(demo_site, professional, child):
    load_forms()
    form = EHCFormPage.objects.get(slug="annual-review")
    return start_draft(professional, child, form, {})


def test_query_counts_of_the_largest_form(
    professional_client, large_draft, django_assert_max_num_queries
):
    """The draft with its revision, then the lookup lists and their options in one query each
    however many lookups the form has. The rest is the page frame every portal page shares
    (session, user, device, site settings, other areas' navigation), given room here so that
    a change elsewhere in the frame does not fail this test; one query per field would."""
    definition = large_draft.definition
    assert len(list(definition.all_fields())) >= 100
    with django_assert_max_num_queries(FRAME + 3):
        response = professional_client.get(reverse("ehc_forms:task_list", args=[large_draft.pk]))
    assert response.status_code == 200
    for step in definition.steps:
        with django_assert_max_num_queries(FRAME + 3):
            response = professional_client.get(step_url(large_draft, step.number))
        assert response.status_code == 200, step.title
    largest = max(definition.steps, key=lambda step: len(step.fields))
    # Saving adds the locked re-read of the draft, its update and the history entry.
    with django_assert_max_num_queries(FRAME + 9):
        response = professional_client.post(
            step_url(large_draft, largest.number),
            {"version": large_draft.version, "action": "later"},
        )
    assert response.status_code == 302


def test_forms_in_progress_lists_only_my_drafts(
    professional_client,
    professional,
    draft,
    make_professional,
    make_form,
    sign_in,
    django_assert_max_num_queries,
):
    other = make_professional()
    other_child = Child.objects.create(
        created_by=other,
        given_name="Sam",
        family_name="Lee",
        date_of_birth=draft.child.date_of_birth,
    )
    start_draft(other, other_child, draft.form, {})
    second = make_form([("One", "", [])], slug="second", title="Second form")
    start_draft(professional, draft.child, second, {})

    with django_assert_max_num_queries(FRAME + 1):
        html = professional_client.get(reverse("ehc_forms:my_drafts")).content.decode()
    assert html.count("Continue<span") == 2
    assert "Sam Lee" not in html
    home = professional_client.get("/").content.decode()
    assert 'href="/forms/">Forms in progress</a>' in home


def test_adding_a_row_to_a_required_group_shows_no_error(
    professional_client, make_form, child, professional
):
    form = make_form(
        [
            (
                "People",
                "",
                [
                    group(
                        "attendees", "Who attended", "person", [text("name", "Name")], required=True
                    )
                ],
            )
        ]
    )
    draft = start_draft(professional, child, form, {})
    url = step_url(draft, 1)
    professional_client.post(
        url, {"version": draft.version, "action": "attendees:add", "attendees-rows": "0"}
    )
    html = professional_client.get(url).content.decode()
    assert "Person 1" in html
    assert "Add at least one person" not in html
    assert "There is a problem" not in html

    # Saving to continue with the row still empty is when the error is due.
    response = professional_client.post(
        url, {"version": draft.version + 1, "action": "continue", "attendees-rows": "1"}
    )
    assert "Add at least one person" in response.content.decode()


@pytest.mark.parametrize("part", ["day", "month", "year"])
def test_an_oversized_date_part_is_a_govuk_error_on_save(professional_client, draft, reload, part):
    oversized = "9" * 20
    typed = {"day": "1", "month": "2", "year": "2026", part: oversized}
    response = professional_client.post(
        step_url(draft, 2),
        {
            "version": draft.version,
            "action": "continue",
            "child_views": "Fine",
            **{f"meeting_date-{name}": value for name, value in typed.items()},
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'href="#meeting_date">[^<]* must be a real date</a>', html)
    assert f'value="{oversized}"' in html
    assert reload(draft).answers["meeting_date"] == typed

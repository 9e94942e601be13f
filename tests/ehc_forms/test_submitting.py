"""Check your answers, declarations and Submit, the confirmation and message, the child's
forms in three groups, a sent form read-only, Edit with a reason, versions and history."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from ehc_forms.demo import complete_steps, f, group, memo, note, text
from ehc_forms.models import ReferenceCounter, Submission, SubmissionEvent
from ehc_forms.saving import start_draft
from portal_pages.children.models import EHCCase
from portal_pages.children.stages import Stage
from portal_pages.inbox.models import Message

ANSWERS = {
    "known_as": "Alex",
    "primary_need": "ASD",
    "looked_after": "no",
    "child_views": "Likes maths.\nFinds lunch hard.",
    "people": [{"name": "Sam Carter", "email": "sam@example.org"}, {"name": "Jo Bloggs"}],
}


def check_url(draft):
    return reverse("ehc_forms:check", args=[draft.pk])


@pytest.fixture
def finished(draft, professional):
    return complete_steps(draft, professional, ANSWERS)


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Posts check answers with the declarations ticked, running what waits for the commit
    (the inbox message) as a real request would."""

    def post(client, draft, ticked=("1", "2")):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                check_url(draft), {"version": draft.version, "declarations": list(ticked)}
            )

    return post


def test_the_task_list_offers_check_answers_only_when_every_step_is_complete(
    professional_client, draft, professional
):
    task_list = reverse("ehc_forms:task_list", args=[draft.pk])
    assert "Check your answers" not in professional_client.get(task_list).content.decode()
    complete_steps(draft, professional, ANSWERS)
    html = professional_client.get(task_list).content.decode()
    assert f'href="{check_url(draft)}">Check your answers' in html


def test_check_answers_lists_steps_needing_attention_until_everything_validates(
    professional_client, draft, professional, send
):
    complete_steps(draft, professional, {**ANSWERS, "child_views": "x" * 60})
    response = professional_client.get(check_url(draft))
    html = response.content.decode()
    assert "You cannot send this form yet" in html
    attention = re.search(r'id="steps-needing-attention">(.*?)</ul>', html, re.S).group(1)
    assert "Views" in attention and "About the child" not in attention
    assert reverse("ehc_forms:step", args=[draft.pk, 2]) in attention
    assert "Submit" not in html
    # A POST cannot get round it.
    send(professional_client, Submission.objects.get(pk=draft.pk))
    assert Submission.objects.get(pk=draft.pk).status == Submission.Status.DRAFT


def test_summary_shows_every_applicable_answer_as_the_registry_displays_it(
    professional_client, finished
):
    html = professional_client.get(check_url(finished)).content.decode()
    assert "<title>Check your answers before sending your form" in html
    rows = dict(
        (key.strip(), value.strip())
        for key, value in re.findall(
            r'summary-list__key">(.*?)</dt>\s*<dd class="govuk-summary-list__value">(.*?)</dd>',
            html,
            re.S,
        )
    )
    assert rows["Known as"] == "Alex"
    assert rows["Primary need"] == "Autistic spectrum disorder"
    assert rows["Child&#x27;s views"] == "Likes maths.<br>Finds lunch hard."
    assert rows["Meeting date"] == "Not provided"
    assert "Sam Carter" in rows["People involved"] and "Jo Bloggs" in rows["People involved"]
    # The social care step and the social worker question are hidden by the answers.
    assert "Care plan" not in html and "Social worker" not in html
    assert html.count(">Change<") == 6


def test_change_returns_to_check_answers_after_save_and_continue(
    professional_client, finished, post_data
):
    html = professional_client.get(check_url(finished)).content.decode()
    change = re.search(r'href="([^"]*step/2/\?return=check[^"]*)"', html).group(1)
    step_url = change.split("#")[0]
    response = professional_client.post(
        step_url,
        post_data(version=finished.version, action="continue", child_views="Now likes art."),
    )
    assert response.status_code == 302 and response.url == check_url(finished)
    assert "Now likes art." in professional_client.get(check_url(finished)).content.decode()


def test_submit_is_refused_until_both_declarations_are_ticked(professional_client, finished, send):
    response = send(professional_client, finished, ticked=["1"])
    assert response.status_code == 400
    html = response.content.decode()
    assert "Confirm that: The child&#x27;s parents or carers" in html
    assert "Confirm that: The information I have given" not in html
    assert 'id="declaration-1" name="declarations" type="checkbox" value="1" checked' in html
    response = send(professional_client, finished, ticked=[])
    assert response.content.decode().count("Confirm that:") == 2
    assert Submission.objects.get(pk=finished.pk).status == Submission.Status.DRAFT


def test_submit_gives_a_reference_a_confirmation_and_a_message(
    professional_client, finished, professional, child, send
):
    finished.form.reference_prefix = "AR"
    finished.form.save_revision().publish()
    response = send(professional_client, finished)
    sent = Submission.objects.get(pk=finished.pk)
    assert sent.status == Submission.Status.SUBMITTED
    assert re.fullmatch(r"AR-\d{4}-000001", sent.reference)
    assert sent.declarations == finished.form.declaration_texts
    assert response.url == reverse("ehc_forms:confirmation", args=[sent.pk])
    html = professional_client.get(response.url).content.decode()
    assert "govuk-panel--confirmation" in html and "Form submitted" in html
    assert "Your reference number" in html and sent.reference in html
    assert reverse("ehc_forms:pdf", args=[sent.pk]) in html
    assert "Download a copy (PDF)" in html
    assert reverse("children:home", args=[child.pk]) in html
    assert "The SEND team will read your form" in html
    message = Message.objects.get(recipient=professional, subject__contains=sent.reference)
    assert message.child == child
    assert message.link_url == reverse("ehc_forms:submitted", args=[sent.pk])
    assert len(mail.outbox) == 1 and "Alex" not in mail.outbox[0].body
    child.refresh_from_db()
    assert child.last_activity_at >= sent.submitted_at
    assert sent.events.filter(kind=SubmissionEvent.Kind.SUBMITTED).count() == 1


def test_a_double_click_or_a_replay_makes_one_submission(professional_client, finished, send):
    first = send(professional_client, finished)
    replay = send(professional_client, finished)
    assert replay.status_code == 302 and replay.url == first.url
    assert Submission.objects.filter(status=Submission.Status.SUBMITTED).count() == 1
    assert Message.objects.count() == 1
    assert ReferenceCounter.objects.get().last == 1


def test_child_home_groups_forms_and_keeps_a_draft_after_the_stage_moves(
    professional_client, professional, child, finished, make_form, send, django_assert_num_queries
):
    send(professional_client, finished)
    other = make_form(
        [("One", "", [text("a", "A")])],
        slug="other",
        title="Other form",
        offered_at_stages=[Stage.REQUEST],
    )
    draft = start_draft(professional, child, other, {})
    third = make_form([("One", "", [text("b", "B")])], slug="third", title="Third form")
    case = EHCCase.objects.create(
        reference="EHC-1",
        given_name="Alex",
        family_name="Taylor",
        date_of_birth=child.date_of_birth,
        request_received_on=datetime.date(2025, 1, 6),
    )
    child.ehc_case = case
    child.save()
    professional_client.get(reverse("children:home", args=[child.pk]))  # fills the frame's caches
    for stage in (Stage.REQUEST, Stage.FINAL_PLAN):
        case.stage = stage
        case.save()
        assert other.is_offered_at(stage) == (stage == Stage.REQUEST)
        # Each group's entries read what they show in the section's queries, none later.
        with django_assert_num_queries(9):
            home = professional_client.get(reverse("children:home", args=[child.pk]))
        html = home.content.decode()
        assert "Continue: Other form" in html
        assert reverse("ehc_forms:task_list", args=[draft.pk]) in html
        submitted = re.search(r'id="ehc-forms-submitted-\d+">(.*?)</table>', html, re.S).group(1)
        sent = Submission.objects.get(pk=finished.pk)
        assert "Test form" in submitted and sent.reference in submitted
        assert "Start: Test form" not in html
    # The third form is offered at every stage and not begun.
    assert f"Start: {third.title}" in html


def test_a_sent_form_reads_back_with_who_when_and_declarations(
    professional_client, finished, professional, send
):
    send(professional_client, finished)
    html = professional_client.get(
        reverse("ehc_forms:submitted", args=[finished.pk])
    ).content.decode()
    assert professional.full_name in html
    assert "Ticked: The information I have given is accurate" in html
    assert "Autistic spectrum disorder" in html and ">Change<" not in html
    assert reverse("ehc_forms:pdf", args=[finished.pk]) in html


def test_edit_needs_a_reason_then_makes_version_two_and_keeps_version_one(
    professional_client, finished, professional, post_data, reload, send
):
    send(professional_client, finished)
    v1 = reload(finished)
    edit_url = reverse("ehc_forms:edit", args=[v1.pk])
    refused = professional_client.post(edit_url, {"reason": ""})
    assert refused.status_code == 400
    assert "Enter an answer for “Why are you changing this form?”" in refused.content.decode()
    too_long = professional_client.post(edit_url, {"reason": "x" * 501})
    assert too_long.status_code == 400
    response = professional_client.post(edit_url, {"reason": "Wrong primary need."})
    v2 = Submission.objects.get(previous=v1)
    assert response.url == reverse("ehc_forms:task_list", args=[v2.pk])
    assert (v2.reference, v2.version_number, v2.edit_reason) == (
        v1.reference,
        2,
        "Wrong primary need.",
    )
    # A second click on Edit reopens the same draft.
    assert professional_client.post(edit_url, {"reason": "Again"}).url == response.url
    step = reverse("ehc_forms:step", args=[v2.pk, 1])
    professional_client.post(
        step,
        post_data(
            version=v2.version,
            action="continue",
            known_as="Alex",
            primary_need="SLCN",
            looked_after="no",
        ),
    )
    v2 = reload(v2)
    resent = send(professional_client, v2)
    v2 = reload(v2)
    assert v2.status == Submission.Status.SUBMITTED
    assert resent.url == reverse("ehc_forms:confirmation", args=[v2.pk])
    assert f"{v1.reference} v2" in professional_client.get(resent.url).content.decode()
    assert reload(v1).answers["primary_need"] == "ASD"
    assert Message.objects.filter(subject__contains=f"{v1.reference} v2").count() == 1
    v1_page = professional_client.get(reverse("ehc_forms:submitted", args=[v1.pk]))
    assert "Autistic spectrum disorder" in v1_page.content.decode()

    history = professional_client.get(reverse("ehc_forms:history", args=[v2.pk]))
    html = history.content.decode()
    assert "Reason: Wrong primary need." in html
    table = re.search(r'id="version-2">(.*?)</section>', html, re.S).group(1)
    cells = re.findall(r'<td class="govuk-table__cell">(.*?)</td>', table)
    assert cells == ["Autistic spectrum disorder", "Speech and language"]
    assert "Primary need" in table and "Known as" not in table


def test_query_counts_of_the_new_pages(
    professional_client, finished, django_assert_max_num_queries, send
):
    with django_assert_max_num_queries(20):
        assert professional_client.get(check_url(finished)).status_code == 200
    send(professional_client, finished)
    for name in ("submitted", "confirmation", "history", "edit"):
        with django_assert_max_num_queries(20):
            assert (
                professional_client.get(
                    reverse(f"ehc_forms:{name}", args=[finished.pk])
                ).status_code
                == 200
            )


EVERY_TYPE_STEPS = [
    (
        "Everything",
        "",
        [
            text("short", "Short"),
            memo("long", "Long", required=False),
            f("lookup", "need", "Need", lookup="Primary need"),
            f("multiple_choice", "choices", "Choices", options="Red\nGreen\nBlue"),
            f("date", "when", "When"),
            f("yes_no", "agree", "Agree"),
            f("number", "count", "Count", min_value=0),
            f("email", "mail", "Mail"),
            f("phone", "phone", "Phone", required=False),
            note("<p>Guidance only.</p>"),
            group("rows", "Rows", "row", [text("name", "Name")]),
        ],
    )
]


def test_summary_covers_every_field_type(make_form, professional, child, professional_client):
    form = make_form(EVERY_TYPE_STEPS, slug="every-type", title="Every type")
    draft = complete_steps(
        start_draft(professional, child, form, {}),
        professional,
        {
            "short": "Short answer",
            "need": "SLCN",
            "choices": ["Red", "Blue"],
            "when": {"day": "27", "month": "3", "year": "2016"},
            "agree": "yes",
            "count": "3",
            "mail": "a@example.org",
            "rows": [{"name": "First row"}],
        },
    )
    html = professional_client.get(check_url(draft)).content.decode()
    values = re.findall(r'govuk-summary-list__value">(.*?)</dd>', html, re.S)
    assert len(values) == 10
    for expected in ("Short answer", "Speech and language", "Red", "Blue", "2016", "Yes", "3"):
        assert any(expected in value for value in values), expected
    assert "a@example.org" in html and "First row" in html
    assert values.count("Not provided") == 2
    assert "Guidance only." not in html


def test_editors_set_the_declarations_and_what_happens_next(
    professional_client, make_form, professional, child, send
):
    form = make_form(
        [("One", "", [text("a", "A")])],
        slug="own-words",
        title="Own words",
        reference_prefix="PA",
        declarations=[
            ("declaration", "I am the child's therapist."),
            ("declaration", "B"),
            ("declaration", "C"),
        ],
        what_happens_next="A therapist will call you.",
    )
    draft = complete_steps(start_draft(professional, child, form, {}), professional, {"a": "x"})
    html = professional_client.get(check_url(draft)).content.decode()
    assert "I am the child&#x27;s therapist." in html and 'id="declaration-3"' in html
    assert send(professional_client, draft).status_code == 400
    response = send(professional_client, draft, ticked=["1", "2", "3"])
    sent = Submission.objects.get(pk=draft.pk)
    assert (
        sent.reference.startswith("PA-") and sent.declarations[0] == "I am the child's therapist."
    )
    assert "A therapist will call you." in professional_client.get(response.url).content.decode()


def test_edit_while_a_new_draft_of_the_form_is_open_points_to_that_draft(
    professional_client, finished, professional, reload, send
):
    send(professional_client, finished)
    sent = reload(finished)
    newer = start_draft(professional, sent.child, sent.form, {"full_name": "Alex"})
    edit_url = reverse("ehc_forms:edit", args=[sent.pk])
    for response in (
        professional_client.get(edit_url),
        professional_client.post(edit_url, {"reason": "Wrong primary need."}),
    ):
        html = response.content.decode()
        assert "You already have a draft of this form" in html
        assert reverse("ehc_forms:task_list", args=[newer.pk]) in html
    assert not Submission.objects.filter(previous=sent).exists()

"""Sending a draft to the SEND team, and reopening a sent form as its next version.

Submitting is atomic and idempotent: it runs under the draft's row lock, checks the version
the page was loaded with, and a submission that is already sent is returned as it is, so a
double click, a replayed POST or a second tab make exactly one submission. A unique
constraint on (reference, version number) backs this up in the database."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ehc_forms.definition import StepState
from ehc_forms.models import ReferenceCounter, Submission, SubmissionEvent, WebhookDelivery
from ehc_forms.saving import VersionConflict, validate_step
from ehc_forms.webhooks import send_webhook
from portal_pages.inbox.events import notify_form_submitted

NOT_PROVIDED = "Not provided"


class NotReadyToSubmit(Exception):
    """Some step that applies is not completed, or no longer validates."""


@dataclass
class SummaryRow:
    """One question and its answer as the registry displays it."""

    key: str
    question: str
    answer: str


def steps_needing_attention(submission):
    """The steps that stop the draft from being sent: each step that applies (or may apply)
    and is not Completed, or whose answers no longer validate against the pinned revision."""
    definition = submission.definition
    waiting = []
    for step in definition.steps:
        availability = definition.step_availability(step, submission.answers)
        if availability is False:
            continue
        if (
            availability is None
            or submission.step_states.get(step.id) != StepState.COMPLETED
            or not validate_step(definition, step, submission.answers).is_valid()
        ):
            waiting.append(step)
    return waiting


def display_answer(field, answers):
    answer = answers.get(field.key)
    if field.type.is_empty(answer):
        return NOT_PROVIDED
    return field.type.display(field.spec, answer)


def summary(submission):
    """(step, rows) for every step that applies, each row a visible question and its answer."""
    definition = submission.definition
    answers = submission.answers
    return [
        (
            step,
            [
                SummaryRow(field.key, field.spec["label"], display_answer(field, answers))
                for field in definition.visible_fields(step, answers)
                if field.type.has_answer
            ],
        )
        for step in definition.steps
        if definition.step_availability(step, answers) is True
    ]


def next_reference(prefix, year):
    """The next reference for `prefix` in `year`, such as AR-2026-000042. Must run inside
    the submitting transaction: the counter row stays locked until it commits, so two
    submissions can never take the same number."""
    ReferenceCounter.objects.get_or_create(prefix=prefix, year=year)
    counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}-{year}-{counter.last:06d}"


def submit(submission_id, by, version, declarations):
    """Send the draft with the declarations `by` ticked: its author or, on a child the team
    shares, a colleague (the caller has checked they may). Returns the submission; one that
    is already sent is returned unchanged. Raises VersionConflict when the draft
    changed since the page was loaded, NotReadyToSubmit when a step needs attention."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update()
            .select_related("revision", "form", "child")
            .get(pk=submission_id)
        )
        if submission.status == Submission.Status.SUBMITTED:
            return submission
        if submission.version != version:
            raise VersionConflict(submission)
        if steps_needing_attention(submission):
            raise NotReadyToSubmit()
        now = timezone.now()
        if not submission.reference:
            submission.reference = next_reference(
                submission.form.reference_prefix, timezone.localdate(now).year
            )
        submission.status = Submission.Status.SUBMITTED
        submission.submitted_at = now
        submission.updated_at = now
        submission.declarations = list(declarations)
        submission.updated_by = by
        submission.version += 1
        submission.save()
        submission.record(
            SubmissionEvent.Kind.SUBMITTED,
            by,
            reference=submission.reference,
            version_number=submission.version_number,
        )
        submission.child.record_activity(now)
        transaction.on_commit(lambda: announce_sent(submission))
    return submission


def announce_sent(submission):
    """Once a version is sent: the author's message, the webhook, and the version's PDF
    drawn and kept ahead of its first download."""
    # Imported here: the PDF module reads the summary of answers from this one.
    from ehc_forms.pdf import store_submission_pdf

    announce(submission, WebhookDelivery.Event.SUBMITTED, notify_form_submitted)
    store_submission_pdf.enqueue(submission.pk)


def announce(submission, event, notify, **message):
    """Once a sent version's `event` is committed: the author's inbox message (`notify`
    with the form, reference, link and child, and `message`) and the form's webhook."""
    notify(
        submission.author,
        form_name=submission.form.title,
        reference=submission.reference_label,
        link_url=reverse("ehc_forms:submitted", args=[submission.pk]),
        child=submission.child,
        **message,
    )
    send_webhook(submission, event)


def draft_in_the_way(submission, author):
    """A draft of the same form for the same child by `author` (who would write the next
    version: the sent form's author, or a colleague on a child the team shares), which must
    be sent or finished first: a person keeps one draft per child and form."""
    return Submission.objects.filter(
        child=submission.child_id,
        form=submission.form_id,
        author=author,
        status=Submission.Status.DRAFT,
    ).first()


def start_edit(submission, author, reason):
    """The next version of a sent form as a draft, with the sent answers and the reason.
    Asking twice (a double click, a second tab) returns the same draft; None when another
    draft of the form for this child stands in the way."""
    try:
        with transaction.atomic():
            draft = Submission.objects.create(
                form=submission.form,
                revision=submission.revision,
                child=submission.child,
                author=author,
                professional_details=submission.professional_details,
                answers=submission.answers,
                step_states=submission.step_states,
                reference=submission.reference,
                version_number=submission.version_number + 1,
                previous=submission,
                edit_reason=reason,
            )
            draft.record(SubmissionEvent.Kind.EDITED, author, reason=reason)
            return draft
    except IntegrityError:
        return Submission.objects.filter(previous=submission).first()


def versions_of(submission):
    """Every sent version with the same reference, oldest first (a colleague on a child
    the team shares may have sent a later one)."""
    return list(
        Submission.objects.filter(
            reference=submission.reference,
            status=Submission.Status.SUBMITTED,
        )
        .select_related("revision", "author", "updated_by")
        .order_by("version_number")
    )


def changes(older, newer):
    """(question, old answer, new answer) for each answer that reads differently in `newer`
    than in `older`, in the order of `newer`'s questions (then any `older` alone asked)."""
    fields = list(newer.definition.all_fields())
    newer_keys = {field.key for field in fields}
    fields += [field for field in older.definition.all_fields() if field.key not in newer_keys]
    rows = []
    for field in fields:
        if not field.type.has_answer:
            continue
        before = display_answer(field, older.answers)
        after = display_answer(field, newer.answers)
        if before != after:
            rows.append((field.spec["label"], before, after))
    return rows

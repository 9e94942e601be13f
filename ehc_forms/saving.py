"""Saving a step's answers without losing or overwriting anything.

Every save (a button or autosave) says which `version` of the draft it started from. It is
applied only if that is still the current version, inside one transaction holding the row
lock, and the version goes up by one. A save from an older version is still applied when it
would leave the answers exactly as they are: it is the same window's own save arriving twice
(the save sent as a page is left, and the same values sent again by the page that replaced
it), so there is nothing to overwrite and no conflict to report. Answers are stored as typed
even when they do not validate; validation only decides the step's state."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from ehc_forms.definition import StepState
from ehc_forms.models import Submission, SubmissionEvent
from ehc_forms.registry import bind_answers, form_for_fields, read_answers
from portal_pages.children.models import Child


class VersionConflict(Exception):
    """The draft changed since the page was loaded (another tab, or a replayed request)."""

    def __init__(self, submission):
        super().__init__("The draft has changed since this page was loaded.")
        self.submission = submission


@dataclass
class StepSave:
    """The outcome of a save: the updated draft, the step's validated form and its state."""

    submission: Submission
    form: object
    state: str

    @property
    def valid(self):
        return self.form.is_valid()


def validate_step(definition, step, answers):
    """The step's Django form for its visible fields, bound to `answers`."""
    visible = definition.visible_fields(step, answers)
    return form_for_fields(visible, bind_answers(visible, answers))


def merge_step_answers(definition, step, answers, typed):
    """`answers` with this step's typed values in, and its hidden fields' answers out."""
    merged = {**answers, **typed}
    visible = {field.key for field in definition.visible_fields(step, merged)}
    for field in step.answer_fields:
        if field.key not in visible:
            merged.pop(field.key, None)
    return merged


def apply_action(step, typed, action):
    """A field's own button (such as a repeating group's add or remove) changes its answer."""
    for field in step.answer_fields:
        prefix = f"{field.key}:"
        if action.startswith(prefix):
            typed[field.key] = field.type.apply_action(
                field.spec, typed.get(field.key), action[len(prefix) :]
            )
    return typed


def save_step(
    submission_id,
    saved_by,
    step_number,
    data,
    version,
    *,
    complete=False,
    action="",
    button=False,
    uploads=None,
):
    """Store the typed values of one step if `version` is current, or if an older `version`
    would change no answer; raise VersionConflict if not. `complete` is the "Save and
    continue" button: a valid step becomes Completed. `uploads` maps a Documents field's key
    to the documents just kept for it, which join those already listed. Saves made with a
    button go into the history; autosaves, every few seconds, do not. Every save counts as
    activity on the child's record. `saved_by` (the author or a colleague on a shared child,
    already allowed by the caller) is recorded on the draft."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(
            pk=submission_id, status=Submission.Status.DRAFT
        )
        definition = submission.definition
        step = definition.step(step_number)
        # Answers not typed into the page (documents) are absent from `data`: kept as stored.
        typed = {**submission.answers, **read_answers(step.answer_fields, data)}
        for key, documents in (uploads or {}).items():
            typed[key] = [*(typed.get(key) or []), *documents]
        typed = apply_action(step, typed, action)
        answers = merge_step_answers(definition, step, submission.answers, typed)
        stale = submission.version != version
        if stale and answers != submission.answers:
            raise VersionConflict(submission)
        form = validate_step(definition, step, answers)
        previous = submission.step_states.get(step.id)
        if form.is_valid() and (complete or previous == StepState.COMPLETED):
            state = StepState.COMPLETED
        else:
            state = StepState.IN_PROGRESS
        # A repeat of a save already applied leaves the version alone, so the window that
        # holds the current version is not made stale by it.
        if not stale or previous != state:
            submission.answers = answers
            submission.step_states = {**submission.step_states, step.id: state}
            submission.version += 1
            submission.updated_at = timezone.now()
            submission.updated_by = saved_by
            submission.save(
                update_fields=["answers", "step_states", "version", "updated_at", "updated_by"]
            )
        Child(pk=submission.child_id).record_activity()
        if button:
            kind = (
                SubmissionEvent.Kind.STEP_COMPLETED
                if complete and state == StepState.COMPLETED
                else SubmissionEvent.Kind.STEP_SAVED
            )
            submission.record(kind, saved_by, step=step.id, version=submission.version)
    return StepSave(submission, form, state)


def move_to_latest_revision(submission, user):
    """Move a draft to the form's live revision, on `user`'s request. Answers are kept by
    key (including any the new version no longer asks for, so nothing typed is lost); a step
    stays Completed only if its answers still validate against the new questions."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        latest = submission.form.live_revision
        if latest is None or latest.pk == submission.revision_id:
            return submission
        previous_revision = submission.revision_id
        submission.revision = latest
        submission.__dict__.pop("definition", None)
        definition = submission.definition
        states = {}
        for step in definition.steps:
            state = submission.step_states.get(step.id)
            if (
                state == StepState.COMPLETED
                and not validate_step(definition, step, submission.answers).is_valid()
            ):
                state = StepState.IN_PROGRESS
            if state:
                states[step.id] = state
        submission.step_states = states
        submission.version += 1
        submission.updated_at = timezone.now()
        submission.updated_by = user
        submission.save()
        submission.record(
            SubmissionEvent.Kind.REVISION_CHANGED,
            user,
            previous_revision=previous_revision,
            revision=latest.pk,
        )
    return submission


def details_from_account(user):
    """The professional's details as their account has them, to confirm for a form."""
    return {
        "full_name": user.full_name,
        "job_title": user.job_title,
        "organisation": str(user.organisation or ""),
        "email": user.email,
        "phone": user.phone,
    }


def start_draft(user, child, form, details):
    """The author's one draft for this child and form, pinned to the live revision."""
    try:
        with transaction.atomic():
            draft = Submission.objects.create(
                form=form,
                revision_id=form.live_revision_id,
                child=child,
                author=user,
                updated_by=user,
                professional_details=details,
            )
            draft.record(SubmissionEvent.Kind.STARTED, user, revision=form.live_revision_id)
            return draft
    except IntegrityError:
        # The same person started it in another tab a moment ago: resume that draft.
        return Submission.objects.get(
            child=child, form=form, author=user, status=Submission.Status.DRAFT
        )

"""The professional's journey through a form: the forms for a child, the introduction,
confirming their own details, the task list, each step and autosave."""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ehc_forms.access import (
    documents_of,
    drafts_of,
    forms_for_child,
    get_available_form_or_404,
    get_draft_or_404,
)
from ehc_forms.definition import StepState
from ehc_forms.documents import discard_unlisted, receive_step_uploads, stream
from ehc_forms.expiry import keep_opened_draft
from ehc_forms.registry import Field, bind_answers, field_types, form_for_fields, read_answers
from ehc_forms.saving import (
    VersionConflict,
    details_from_account,
    move_to_latest_revision,
    save_step,
    start_draft,
    validate_step,
)
from portal_pages.accounts.access import professional_required
from portal_pages.children.access import get_visible_child_or_404

logger = logging.getLogger(__name__)


def render_child_forms(request, child):
    """The professional's forms for a child in three groups (in progress, submitted,
    available to start) as HTML, or None when there are none. The child's SEND home shows it
    through `register_child_home_section` (under its own "Forms" heading, with its own words
    for an empty list)."""
    groups = forms_for_child(request.user, child)
    if not groups:
        return None
    # The request as a plain variable: the list reads only who is signed in, and passing it
    # as the request would run every context processor again for this one list.
    return render_to_string(
        "ehc_forms/includes/child_forms.html",
        {"child": child, "groups": groups, "request": request},
    )


@professional_required
def my_drafts(request):
    """Every form the professional has started and not yet sent, newest first."""
    drafts = drafts_of(request.user).select_related("form", "child").defer("form__steps")
    return render(request, "ehc_forms/my_drafts.html", {"drafts": drafts})


@professional_required
def child_forms(request, child_id):
    child = get_visible_child_or_404(request.user, child_id)
    return render(
        request,
        "ehc_forms/child_forms.html",
        {"child": child, "section": render_child_forms(request, child)},
    )


@professional_required
def form_start(request, child_id, form_id):
    """The form's introduction; someone with a draft goes straight back to it."""
    child = get_visible_child_or_404(request.user, child_id)
    available = get_available_form_or_404(request.user, child, form_id)
    if available.draft:
        return redirect("ehc_forms:task_list", available.draft.pk)
    return render(
        request,
        "ehc_forms/form_start.html",
        {"child": child, "form": available.form, "share": available.share},
    )


def professional_detail_fields():
    """The professional's own details, asked with the same field types as any form."""
    short_text, email, phone = (field_types.get(name) for name in ("short_text", "email", "phone"))
    return [
        Field(
            short_text,
            {"key": "full_name", "label": "Full name", "required": True, "max_length": 150},
        ),
        Field(
            short_text,
            {"key": "job_title", "label": "Job title", "required": True, "max_length": 150},
        ),
        Field(
            short_text,
            {"key": "organisation", "label": "Organisation", "required": True, "max_length": 200},
        ),
        Field(email, {"key": "email", "label": "Work email address", "required": True}),
        Field(
            phone,
            {
                "key": "phone",
                "label": "Phone number",
                "required": False,
                "hint": "So the SEND team can call you about this form.",
            },
        ),
    ]


def error_list(fields, errors):
    """(anchor, message) pairs for the error summary, in the order of the fields."""
    return [(field.key, " ".join(errors[field.key])) for field in fields if field.key in errors]


def render_fields(fields, answers, errors, show_errors=True):
    return [
        field.render(
            name=field.key or "",
            value=answers.get(field.key) if field.key else None,
            errors=errors.get(field.key, []) if field.key else [],
            show_errors=show_errors,
        )
        for field in fields
    ]


@professional_required
def professional_details(request, child_id, form_id):
    """Confirm the professional's details, then create (or resume) the draft. Corrections
    are stored with the submission; the account itself is never changed from here."""
    child = get_visible_child_or_404(request.user, child_id)
    available = get_available_form_or_404(request.user, child, form_id)
    if available.draft:
        return redirect("ehc_forms:task_list", available.draft.pk)
    fields = professional_detail_fields()
    if request.method == "POST":
        typed = read_answers(fields, request.POST)
        form = form_for_fields(fields, bind_answers(fields, typed))
        if form.is_valid():
            draft = start_draft(request.user, child, available.form, typed)
            return redirect("ehc_forms:task_list", draft.pk)
        errors = form.errors
    else:
        typed, errors = details_from_account(request.user), {}
    return render(
        request,
        "ehc_forms/professional_details.html",
        {
            "child": child,
            "form": available.form,
            "fields": render_fields(fields, typed, errors),
            "error_summary": error_list(fields, errors),
        },
    )


@professional_required
def task_list(request, submission_id):
    submission = get_draft_or_404(request.user, submission_id)
    keep_opened_draft(submission, request.user)
    if request.method == "POST" and request.POST.get("action") == "use_latest":
        move_to_latest_revision(submission, request.user)
        messages.success(request, "This draft now uses the latest version of the form.")
        return redirect("ehc_forms:task_list", submission.pk)
    rows = [
        {
            "step": step,
            "state": state,
            "label": StepState.LABELS[state],
            "url": None
            if state == StepState.CANNOT_START
            else reverse("ehc_forms:step", args=[submission.pk, step.number]),
        }
        for step, state in submission.applicable_steps()
    ]
    return render(
        request,
        "ehc_forms/task_list.html",
        {
            "submission": submission,
            "child": submission.child,
            "form": submission.form,
            "rows": rows,
            "completed": sum(row["state"] == StepState.COMPLETED for row in rows),
            "newer_version": submission.form.live_revision_id not in (None, submission.revision_id),
        },
    )


def get_step_or_redirect(submission, number):
    """The step if it can be opened now; None if it cannot start yet or does not apply to
    the answers given. A step number the form does not have is a 404."""
    step = submission.definition.step(number)
    if step is None:
        raise Http404("No such step.")
    if submission.definition.step_availability(step, submission.answers) is not True:
        return None
    return step


def next_step_number(submission, step):
    for later, state in submission.applicable_steps():
        if later.number > step.number and state != StepState.CANNOT_START:
            return later.number
    return None


def shown_fields(definition, step, answers):
    """The fields rendered on the step page. A field that depends on an answer in the same
    step is always rendered (the page's script hides it until it applies, and without
    script it stays visible); one that depends on another step is left out unless it applies."""
    same_step = {field.key for field in step.fields if field.key}
    return [
        field
        for field in step.fields
        if field.show_if is None
        or field.show_if[0] in same_step
        or definition.field_visible(field, answers)
    ]


def saved_answers(step, answers):
    """(question, answer as it reads) for the step's saved answers, so a page refused as
    stale can show them beside what this window typed."""
    return [
        (field.spec["label"], field.type.display(field.spec, answers.get(field.key)))
        for field in step.answer_fields
        if not field.type.is_empty(answers.get(field.key))
    ]


def saved_in_between(submission, user):
    """Who made the save that got in first, and when: "Saved by Jo Bloggs at 10:42"."""
    at = timezone.localtime(submission.updated_at).strftime("%H:%M")
    saver = submission.updated_by
    if saver is None or saver.pk == user.pk:
        return f"Saved by you in another window at {at}"
    return f"Saved by {saver.full_name} at {at}"


def render_step(
    request,
    submission,
    step,
    answers,
    *,
    form,
    show_all_errors,
    conflict=False,
    upload_errors=None,
):
    definition = submission.definition
    fields = shown_fields(definition, step, answers)
    errors = {
        key: messages_
        for key, messages_ in form.errors.items()
        if show_all_errors or not definition.fields_by_key[key].type.is_empty(answers.get(key))
    }
    # A refused file is the error to show for its field, before anything else about it.
    errors.update(upload_errors or {})
    return render(
        request,
        "ehc_forms/step.html",
        {
            "submission": submission,
            "form": submission.form,
            "step": step,
            "step_count": len(definition.steps),
            "fields": render_fields(fields, answers, errors),
            "error_summary": error_list(fields, errors),
            "conflict": saved_in_between(submission, request.user) if conflict else "",
            "saved_elsewhere": saved_answers(step, submission.answers) if conflict else [],
            "autosave_url": reverse("ehc_forms:autosave", args=[submission.pk, step.number]),
        },
        status=409 if conflict else 200,
    )


@professional_required
def step_view(request, submission_id, number):
    """GET shows the step with what was saved (and the errors of anything invalid typed in);
    POST saves it through the same path as autosave."""
    submission = get_draft_or_404(request.user, submission_id, related=("form",))
    keep_opened_draft(submission, request.user)
    step = get_step_or_redirect(submission, number)
    if step is None:
        messages.info(request, "That step cannot be started yet.")
        return redirect("ehc_forms:task_list", submission.pk)
    if request.method != "POST":
        form = validate_step(submission.definition, step, submission.answers)
        return render_step(
            request, submission, step, submission.answers, form=form, show_all_errors=False
        )
    action = request.POST.get("action", "later")
    complete = action == "continue"
    uploads, upload_errors = receive_step_uploads(submission, step, request.FILES)
    try:
        saved = save_step(
            submission.pk,
            request.user,
            number,
            request.POST,
            posted_version(request),
            complete=complete,
            action="" if action in ("continue", "later") else action,
            button=True,
            uploads=uploads,
        )
    except VersionConflict as conflict:
        # Files kept for a save that did not happen would be listed nowhere.
        discard_unlisted(conflict.submission)
        typed = read_answers(step.answer_fields, request.POST)
        answers = {**conflict.submission.answers, **typed}
        form = validate_step(submission.definition, step, answers)
        return render_step(
            request,
            conflict.submission,
            step,
            answers,
            form=form,
            show_all_errors=False,
            conflict=True,
        )
    if action not in ("continue", "later"):
        # A removed document that no sent version lists leaves storage now.
        discard_unlisted(saved.submission)
    if upload_errors or (complete and not saved.valid):
        return render_step(
            request,
            saved.submission,
            step,
            saved.submission.answers,
            form=saved.form,
            show_all_errors=complete,
            upload_errors=upload_errors,
        )
    if complete and request.GET.get("return") == "check":
        # Opened from a Change link on check answers: back there once the step is valid.
        return redirect("ehc_forms:check", submission.pk)
    if complete:
        following = next_step_number(saved.submission, step)
        if following:
            return redirect("ehc_forms:step", submission.pk, following)
        return redirect("ehc_forms:task_list", submission.pk)
    if action == "later":
        messages.success(
            request, "Your answers have been saved. You can come back to them at any time."
        )
        return redirect("ehc_forms:task_list", submission.pk)
    # A field's own button (add or remove a row): back to the same place on the step.
    field_key = action.split(":", 1)[0]
    return redirect(reverse("ehc_forms:step", args=[submission.pk, number]) + f"#{field_key}")


def posted_version(request):
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


@require_POST
@professional_required
def autosave(request, submission_id, number):
    """Stores the step's values as typed. Answers 409, with the server's answers for the
    step, when the draft has moved on since the page loaded (or the request is replayed)."""
    submission = get_draft_or_404(request.user, submission_id, related=())
    keep_opened_draft(submission, request.user)
    step = get_step_or_redirect(submission, number)
    if step is None:
        raise Http404("That step cannot be started yet.")
    try:
        saved = save_step(
            submission.pk, request.user, number, request.POST, posted_version(request)
        )
    except VersionConflict as conflict:
        current = conflict.submission
        return JsonResponse(
            {
                "version": current.version,
                "answers": {
                    field.key: current.answers.get(field.key) for field in step.answer_fields
                },
                "message": (
                    f"{saved_in_between(current, request.user)}. These answers changed "
                    "after you opened the page. Reload the page to see them."
                ),
            },
            status=409,
        )
    except DatabaseError:
        # The save's transaction rolled back, so the last saved version stands; the page
        # keeps what was typed and says it is not saved yet.
        logger.exception("Autosave of draft %s failed", submission.pk)
        return JsonResponse(
            {"message": "Your latest changes are not saved yet. Try again in a moment."},
            status=503,
        )
    return JsonResponse(
        {
            "version": saved.submission.version,
            "state": saved.state,
            "saved_at": timezone.localtime(saved.submission.updated_at).strftime("%H:%M"),
        }
    )


@professional_required
def download_document(request, document_key):
    """A document attached to a form, streamed to its author while they can see the child;
    anyone else gets 404."""
    document = get_object_or_404(documents_of(request.user), key=document_key)
    return stream(document)

"""The professional's side after the last step: check answers, declarations and Submit, the
confirmation, a sent form read-only, Edit with a reason, the history and the PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from wagtail.models import Site

from ehc_forms.access import get_submission_or_404, get_submitted_or_404
from ehc_forms.models import Submission
from ehc_forms.pdf import submission_pdf
from ehc_forms.registry import Field, field_types, form_for_fields, read_answers
from ehc_forms.saving import VersionConflict
from ehc_forms.submitting import (
    NotReadyToSubmit,
    changes,
    draft_in_the_way,
    start_edit,
    steps_needing_attention,
    submit,
    summary,
    versions_of,
)
from ehc_forms.views import error_list, posted_version, render_fields
from portal_pages.accounts.access import professional_required


def declaration_errors(declarations, ticked):
    """(anchor, message) for each declaration not ticked, naming it."""
    return [
        (f"declaration-{number}", f"Confirm that: {text}")
        for number, text in enumerate(declarations, start=1)
        if str(number) not in ticked
    ]


@professional_required
def check_answers(request, submission_id):
    """Every answer of a finished draft, with Change links, the declarations and Submit.
    Until every step that applies validates, it lists the steps that need attention."""
    submission = get_submission_or_404(request.user, submission_id)
    if submission.status == Submission.Status.SUBMITTED:
        # A second click or a replayed POST lands on the one submission already made.
        return redirect("ehc_forms:confirmation", submission.pk)
    declarations = submission.form.declaration_texts
    context = {
        "submission": submission,
        "child": submission.child,
        "form": submission.form,
        "declarations": declarations,
        "ticked": [],
        "error_summary": [],
    }
    attention = steps_needing_attention(submission)
    if attention:
        context["attention"] = attention
        return render(request, "ehc_forms/check_answers.html", context)
    if request.method == "POST":
        ticked = request.POST.getlist("declarations")
        errors = declaration_errors(declarations, ticked)
        if not errors:
            try:
                sent = submit(submission.pk, request.user, posted_version(request), declarations)
            except VersionConflict:
                errors = [("summary", "Your answers changed in another window. Check them again.")]
            except NotReadyToSubmit:
                return redirect("ehc_forms:check", submission.pk)
            else:
                return redirect("ehc_forms:confirmation", sent.pk)
        context.update(ticked=ticked, error_summary=errors)
        submission.refresh_from_db()
    context["sections"] = summary(submission)
    return render(
        request,
        "ehc_forms/check_answers.html",
        context,
        status=400 if context["error_summary"] else 200,
    )


@professional_required
def confirmation(request, submitted_id):
    submission = get_submitted_or_404(request.user, submitted_id)
    return render(
        request,
        "ehc_forms/confirmation.html",
        {"submission": submission, "child": submission.child, "form": submission.form},
    )


@professional_required
def submitted(request, submitted_id):
    """A sent version, read-only: its answers, who sent it and when, and the declarations."""
    submission = get_submitted_or_404(request.user, submitted_id)
    following = Submission.objects.filter(previous=submission).first()
    return render(
        request,
        "ehc_forms/submitted.html",
        {
            "submission": submission,
            "child": submission.child,
            "form": submission.form,
            "sections": summary(submission),
            "following": following,
        },
    )


def edit_reason_field():
    """The reason for reopening a sent form, asked with the registry's memo type."""
    return Field(
        field_types.get("memo"),
        {
            "key": "reason",
            "label": "Why are you changing this form?",
            "hint": "The SEND team sees this with the new version.",
            "required": True,
            "max_chars": 500,
        },
    )


@professional_required
def edit(request, submitted_id):
    """Asks why, then reopens the sent answers as the next version's draft."""
    submission = get_submitted_or_404(request.user, submitted_id)
    following = Submission.objects.filter(previous=submission).first()
    if following is not None:
        # Only the latest version can be edited; its next version is already under way.
        if following.status == Submission.Status.DRAFT:
            return redirect("ehc_forms:task_list", following.pk)
        return redirect("ehc_forms:edit", following.pk)
    blocking = draft_in_the_way(submission, request.user)
    if blocking is not None:
        return render_edit_blocked(request, submission, blocking)
    fields = [edit_reason_field()]
    typed, errors = {}, {}
    if request.method == "POST":
        typed = read_answers(fields, request.POST)
        form = form_for_fields(fields, request.POST)
        if form.is_valid():
            draft = start_edit(submission, request.user, form.cleaned_data["reason"].strip())
            if draft is None:
                return render_edit_blocked(
                    request, submission, draft_in_the_way(submission, request.user)
                )
            return redirect("ehc_forms:task_list", draft.pk)
        errors = form.errors
    return render(
        request,
        "ehc_forms/edit_reason.html",
        {
            "submission": submission,
            "child": submission.child,
            "form": submission.form,
            "fields": render_fields(fields, typed, errors),
            "error_summary": error_list(fields, errors),
        },
        status=400 if errors else 200,
    )


def render_edit_blocked(request, submission, blocking):
    """Says why a sent form cannot be reopened yet, with a link to the draft in the way."""
    return render(
        request,
        "ehc_forms/edit_blocked.html",
        {
            "submission": submission,
            "child": submission.child,
            "form": submission.form,
            "blocking": blocking,
        },
    )


@professional_required
def history(request, submitted_id):
    """Each version of the submission with who, when and why, and what changed from the one
    before it, question by question."""
    submission = get_submitted_or_404(request.user, submitted_id)
    versions = versions_of(submission)
    entries = []
    for older, newer in zip([None, *versions], versions, strict=False):
        entries.append({"version": newer, "changes": changes(older, newer) if older else None})
    return render(
        request,
        "ehc_forms/history.html",
        {
            "submission": submission,
            "child": submission.child,
            "form": submission.form,
            "entries": list(reversed(entries)),
        },
    )


@professional_required
def download_pdf(request, submitted_id):
    """A sent version as a PDF, to whoever may read it, always as a download."""
    submission = get_submitted_or_404(request.user, submitted_id)
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site.")
    response = HttpResponse(submission_pdf(submission, site), content_type="application/pdf")
    filename = f"{submission.reference}-v{submission.version_number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

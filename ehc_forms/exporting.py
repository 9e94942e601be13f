"""A sent version as other systems receive it: the record the JSON export lists and the
webhook posts, its answers in the shape its form revision's JSON Schema describes."""

from ehc_forms.registry import export_answers


def exported_answers(submission):
    """A version's answers in the shape its form revision's JSON Schema describes."""
    definition = submission.definition
    return export_answers(
        [field for step in definition.steps for field in step.answer_fields], submission.answers
    )


def submission_record(submission):
    """One sent version: who sent what for whom, when, its status and its answers."""
    return {
        "reference": submission.reference,
        "version": submission.version_number,
        "form": {"id": submission.form_id, "title": submission.form.title},
        "child": submission.child.full_name,
        "professional": submission.author.full_name,
        "organisation": str(submission.author.organisation or ""),
        "sent_at": submission.submitted_at.isoformat(),
        "status": submission.review_status,
        "edit_reason": submission.edit_reason,
        "answers": exported_answers(submission),
    }

"""Which forms a professional may start for a child, and who may open a draft."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404

from ehc_forms.models import EHCFormPage, FormShare, Submission
from portal_pages.children.access import children_visible_to
from portal_pages.children.stages import Stage, stage_of


@dataclass
class AvailableForm:
    """A form offered for a child, with the professional's draft of it if they have one."""

    form: EHCFormPage
    draft: Submission | None
    share: FormShare | None


@dataclass
class ChildForms:
    """A child's forms as the professional's SEND home groups them."""

    in_progress: list
    submitted: list
    available: list

    def __bool__(self):
        return bool(self.in_progress or self.submitted or self.available)


def forms_for_child(user, child):
    """The professional's drafts for the child (whatever stage the case has reached, so a
    draft never disappears), the latest sent version of each submission, and the forms
    offered now that they have neither started nor sent."""
    own = list(
        Submission.objects.filter(child=child, author=user)
        .select_related("form")
        .defer("form__steps", "answers")
        .order_by("form__path", "-version_number")
    )
    in_progress = [item for item in own if item.status == Submission.Status.DRAFT]
    submitted, seen = [], set()
    for item in own:
        if item.status == Submission.Status.SUBMITTED and item.reference not in seen:
            seen.add(item.reference)
            submitted.append(item)
    begun = {item.form_id for item in own}
    available = [entry for entry in available_forms(user, child) if entry.form.pk not in begun]
    return ChildForms(in_progress, submitted, available)


def available_forms(user, child):
    """The live forms offered at the child's stage, to everyone or shared with `user` for
    this child. Before the SEND team links a case, a child counts as at the request stage."""
    stage = stage_of(child) or Stage.REQUEST
    shares = {
        share.form_id: share for share in FormShare.objects.filter(child=child, professional=user)
    }
    drafts = {
        draft.form_id: draft
        for draft in Submission.objects.filter(
            child=child, author=user, status=Submission.Status.DRAFT
        )
    }
    return [
        AvailableForm(form, drafts.get(form.pk), shares.get(form.pk))
        for form in EHCFormPage.objects.live().defer("steps").order_by("path")
        if form.is_offered_at(stage)
        and (form.audience == EHCFormPage.Audience.EVERYONE or form.pk in shares)
    ]


def get_available_form_or_404(user, child, form_id):
    for available in available_forms(user, child):
        if available.form.pk == form_id:
            return available
    raise Http404("No such form for this child.")


def drafts_of(user):
    """The drafts `user` wrote for children they can still see."""
    return Submission.objects.filter(
        author=user, status=Submission.Status.DRAFT, child__in=children_visible_to(user)
    )


def submitted_of(user):
    """Every sent version `user` wrote for children they can still see."""
    return Submission.objects.filter(
        author=user, status=Submission.Status.SUBMITTED, child__in=children_visible_to(user)
    )


def get_submitted_or_404(user, submission_id):
    """A sent version its author may read: anyone else, or a child no longer visible, 404."""
    return get_object_or_404(
        submitted_of(user).select_related("revision", "form", "child", "author"),
        pk=submission_id,
    )


def get_draft_or_404(user, submission_id):
    """A draft its author may open: anyone else, or a child no longer visible, gets 404."""
    return get_object_or_404(
        drafts_of(user).select_related("form", "child").defer("form__steps"), pk=submission_id
    )

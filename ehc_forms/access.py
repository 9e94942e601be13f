"""Which forms a professional may start for a child, and who may open a submission.

Submissions follow their child: whoever may see the child (its creator, or its team when it
is shared) may open its drafts and continue them, and read what was submitted."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404

from ehc_forms.models import Document, EHCFormPage, FormShare, Submission
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


#: What a child's list of forms reads of each submission and form; the rest (answers,
#: steps, introductions) waits until one is opened. Reading whole pages and accounts cost
#: the child's SEND home more time than the rest of its forms section.
LISTED_SUBMISSION_FIELDS = (
    "form",
    "child",
    "author",
    "updated_by",
    "status",
    "reference",
    "version_number",
    "updated_at",
    "submitted_at",
    "review_status",
    "form__title",
    "author__full_name",
    "updated_by__full_name",
)
LISTED_FORM_FIELDS = ("title", "offered_at_stages", "audience")


def forms_for_child(user, child):
    """The child's drafts, the user's own and (on a child the team shares) colleagues'
    (whatever stage the case has reached, so a draft never disappears), the latest sent
    version of each submission, and the forms offered now that nobody has started or sent.
    `child` is one `user` may see, so all its submissions are theirs to see too."""
    every = list(
        Submission.objects.filter(child=child)
        .select_related("form", "author", "updated_by")
        .only(*LISTED_SUBMISSION_FIELDS)
        .order_by("form__path", "-version_number")
    )
    in_progress = [item for item in every if item.status == Submission.Status.DRAFT]
    submitted, seen = [], set()
    for item in every:
        if item.status == Submission.Status.SUBMITTED and item.reference not in seen:
            seen.add(item.reference)
            submitted.append(item)
    begun = {item.form_id for item in every}
    offered = available_forms(
        user,
        child,
        forms=EHCFormPage.objects.live().only(*LISTED_FORM_FIELDS),
        drafts=in_progress,
    )
    available = [entry for entry in offered if entry.form.pk not in begun]
    return ChildForms(in_progress, submitted, available)


def available_forms(user, child, *, forms=None, drafts=None):
    """The live forms offered at the child's stage, to everyone or shared with `user` for
    this child, each with the draft to continue (the user's own, else a colleague's). Before
    the SEND team links a case, a child counts as at the request stage; a child who moved on
    to another setting is offered nothing new. A caller that holds the child's drafts
    already, or needs less of each form page, passes `drafts` or the `forms` queryset."""
    if child.moved_on_at is not None:
        return []
    stage = stage_of(child) or Stage.REQUEST
    shares = {
        share.form_id: share for share in FormShare.objects.filter(child=child, professional=user)
    }
    if drafts is None:
        drafts = Submission.objects.filter(
            child=child, status=Submission.Status.DRAFT
        ).select_related("author", "updated_by")
    if forms is None:
        forms = EHCFormPage.objects.live().defer("steps")
    # Colleagues' drafts first, so the user's own (later in the loop) wins.
    drafts_by_form = {
        draft.form_id: draft
        for draft in sorted(drafts, key=lambda draft: draft.author_id == user.pk)
    }
    return [
        AvailableForm(form, drafts_by_form.get(form.pk), shares.get(form.pk))
        for form in forms.order_by("path")
        if form.is_offered_at(stage)
        and (form.audience == EHCFormPage.Audience.EVERYONE or form.pk in shares)
    ]


def get_available_form_or_404(user, child, form_id):
    for available in available_forms(user, child):
        if available.form.pk == form_id:
            return available
    raise Http404("No such form for this child.")


def submissions_visible_to(user):
    """Every submission, draft or submitted, of the children `user` may see."""
    return Submission.objects.filter(child__in=children_visible_to(user))


def drafts_of(user):
    """The drafts `user` wrote for children they can still see."""
    return submissions_visible_to(user).filter(author=user, status=Submission.Status.DRAFT)


def get_submission_or_404(user, submission_id):
    """Any version, draft or sent, of a child `user` may see; anyone else gets 404."""
    return get_object_or_404(
        submissions_visible_to(user).select_related("revision", "form", "child", "author"),
        pk=submission_id,
    )


def get_submitted_or_404(user, submission_id):
    """A sent version `user` may read (and download, and edit with a reason): its author's
    and, on a child the team shares, the team's. Anyone else, or a child no longer visible,
    gets 404."""
    return get_object_or_404(
        submissions_visible_to(user)
        .filter(status=Submission.Status.SUBMITTED)
        .select_related("revision", "form", "child", "author", "updated_by"),
        pk=submission_id,
    )


def get_draft_or_404(user, submission_id, related=("form", "child", "author", "updated_by")):
    """A draft `user` may open and continue (their own, or a colleague's on a child the
    team shares); anyone else, or a child no longer visible, gets 404. `related` names the
    draft's relations the page shows, read in the same query; every other column they
    have costs each request (autosave, every few seconds, shows none)."""
    drafts = submissions_visible_to(user).filter(status=Submission.Status.DRAFT)
    if related:
        # (With no names, select_related would follow every relation.)
        drafts = drafts.select_related(*related)
    if "form" in related:
        # A draft's questions come from its pinned revision, never the form's own steps.
        drafts = drafts.defer("form__steps")
    return get_object_or_404(drafts, pk=submission_id)


def documents_of(user):
    """The documents `user` may download: files follow their submission, so whoever may see
    the child (its author, and the team when it is shared) may download them."""
    return Document.objects.filter(submission__in=submissions_visible_to(user))

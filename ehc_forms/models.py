"""Form definitions (Wagtail pages), shared lookup lists, shares and professionals' drafts."""

import time
import uuid
from functools import cached_property

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Revision

from ehc_forms.blocks import StepsBlock
from ehc_forms.definition import Definition, StepState, definition_errors
from portal_pages.children.stages import Stage


class StepsField(StreamField):
    """The `steps` StreamField. Migrations record it by name rather than as a frozen copy of
    every block, because the field blocks come from the registry: a field type another app
    adds through the hook changes no database schema (answers and steps are JSON), so it
    must not need a migration in this app."""

    def __init__(self, *args, **kwargs):
        kwargs.pop("block_lookup", None)
        super().__init__(StepsBlock, **kwargs)

    def deconstruct(self):
        name, path, _, kwargs = models.Field.deconstruct(self)
        return name, path, [], kwargs


class LookupList(ClusterableModel):
    """A list of options that several forms share, such as the primary need codes.

    Answers store an option's code, so relabelling an option does not change past answers."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        InlinePanel("options", label="Options"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LookupOption(Orderable):
    """One option of a lookup list: the code kept in answers and the label users read."""

    lookup_list = ParentalKey(LookupList, on_delete=models.CASCADE, related_name="options")
    code = models.CharField(max_length=40)
    label = models.CharField(max_length=200)

    panels = [FieldPanel("code"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["lookup_list", "code"], name="unique_lookup_code")
        ]

    def __str__(self):
        return self.label


class EHCFormIndexPage(Page):
    """Where form definitions live in the page tree; professionals never browse it."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["ehc_forms.EHCFormPage"]
    max_count = 1
    template = "ehc_forms/ehc_form_index_page.html"


class EHCFormPageForm(WagtailAdminPageForm):
    """Offers the stages as checkboxes; they are stored as a list of stage values."""

    offered_at_stages = forms.MultipleChoiceField(
        choices=Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to offer the form at every stage.",
    )


DEFAULT_DECLARATIONS = [
    (
        "declaration",
        "The information I have given is accurate and complete to the best of my knowledge.",
    ),
    (
        "declaration",
        "The child's parents or carers (or the young person) have been told what information "
        "I am sharing with the SEND team.",
    ),
]

DEFAULT_WHAT_HAPPENS_NEXT = (
    "The SEND team will read your form and will message you in the portal if they need "
    "anything else. You can read and download a copy of what you sent at any time from the "
    "child's page."
)


class EHCFormPage(Page):
    """A form definition editors build from steps and field blocks, with revisions.

    Professionals fill it in through the portal's own views; serving the page shows editors a
    preview of every step."""

    class Audience(models.TextChoices):
        EVERYONE = "everyone", "Every professional"
        SHARED = "shared", "Only professionals the SEND team shares it with"

    intro = models.TextField(help_text="Shown when a professional starts the form.")
    offered_at_stages = models.JSONField(default=list, blank=True)
    audience = models.CharField(
        "offered to", max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    steps = StepsField(blank=True)
    reference_prefix = models.CharField(
        max_length=6,
        default="EHC",
        validators=[RegexValidator(r"^[A-Z]{1,6}$", "Use 1 to 6 capital letters, such as AR.")],
        help_text="Starts each submission's reference, such as AR in AR-2026-000042.",
    )
    declarations = StreamField(
        [("declaration", blocks.TextBlock(label="Declaration"))],
        default=DEFAULT_DECLARATIONS,
        help_text="Statements the professional must tick before submitting.",
    )
    what_happens_next = models.TextField(
        default=DEFAULT_WHAT_HAPPENS_NEXT, help_text="Shown on the confirmation page."
    )

    base_form_class = EHCFormPageForm
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("offered_at_stages"), FieldPanel("audience")], heading="Who may use it"
        ),
        FieldPanel("steps"),
        MultiFieldPanel(
            [
                FieldPanel("reference_prefix"),
                FieldPanel("declarations"),
                FieldPanel("what_happens_next"),
            ],
            heading="Submitting",
        ),
    ]
    parent_page_types = ["ehc_forms.EHCFormIndexPage"]
    subpage_types = []
    template = "ehc_forms/ehc_form_page.html"

    class Meta:
        verbose_name = "EHC form"

    def clean(self):
        super().clean()
        errors = definition_errors(self.steps)
        if errors:
            raise ValidationError({"steps": errors})

    @cached_property
    def definition(self):
        return Definition(self.steps)

    @property
    def declaration_texts(self):
        return [block.value for block in self.declarations]

    def is_offered_at(self, stage):
        return not self.offered_at_stages or stage in self.offered_at_stages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["preview_steps"] = preview_steps(self.definition)
        return context


def preview_steps(definition):
    """Each step with its fields rendered empty, for the editors' preview."""
    return [
        {
            "step": step,
            "fields": [
                field.render(name=field.key or "", value=None, errors=[], show_errors=False)
                for field in step.fields
            ],
        }
        for step in definition.steps
    ]


class FormShare(models.Model):
    """The SEND team offers a form that is not open to everyone to one professional for one
    child, with the date they need it by."""

    form = models.ForeignKey(EHCFormPage, on_delete=models.CASCADE, related_name="shares")
    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="+")
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="form_shares"
    )
    due_date = models.DateField(null=True, blank=True)
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-shared_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "child", "professional"], name="unique_form_share"
            )
        ]

    def __str__(self):
        return f"{self.form} for {self.child}, shared with {self.professional}"

    def clean(self):
        # A share the professional cannot open would only lead them to a 404.
        from portal_pages.children.access import children_visible_to

        if (
            self.child_id
            and self.professional_id
            and not children_visible_to(self.professional).filter(pk=self.child_id).exists()
        ):
            raise ValidationError(
                {"child": "Choose a child record that this professional keeps in the portal."}
            )


# Definitions built in this process, by revision id, with when each expires. A revision never
# changes, but the lookup lists it names can: saving one clears this process's definitions,
# and other processes rebuild theirs within DEFINITION_SECONDS.
DEFINITION_SECONDS = 60
_definitions = {}


def revision_definition(revision_id):
    """The Definition of a form revision, read from its JSON (without loading the page), parsed
    and its lookups loaded once a minute at most instead of on every request: the revision's
    JSON and the StreamField parse were most of a step page's work."""
    now = time.monotonic()
    expires, definition = _definitions.get(revision_id, (0, None))
    if expires < now:
        content = Revision.objects.values_list("content", flat=True).get(pk=revision_id)
        raw_steps = content.get("steps") or []
        definition = Definition(EHCFormPage._meta.get_field("steps").to_python(raw_steps))
        if len(_definitions) > 200:
            _definitions.clear()
        _definitions[revision_id] = (now + DEFINITION_SECONDS, definition)
    return definition


@receiver(post_save, sender=LookupList)
@receiver(post_delete, sender=LookupList)
@receiver(post_save, sender=LookupOption)
@receiver(post_delete, sender=LookupOption)
def forget_definitions(**kwargs):
    _definitions.clear()


class ReferenceCounter(models.Model):
    """The last sequence number used for one reference prefix in one year. Taken under a
    row lock, so concurrent submissions never share a reference."""

    prefix = models.CharField(max_length=6)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_counter")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last}"


class Submission(models.Model):
    """A professional's answers to one form for one child: one draft per child, form and
    author. It keeps the form revision it was started on, so the questions never change
    under the person answering them.

    Submitting gives it a reference and freezes it. Editing a submitted form creates the
    next version as a new draft (same reference, `version_number` + 1, `previous` pointing
    at the version it came from), so every version that was sent stays as it was sent."""

    # The Submissions viewset would otherwise index each draft's links on every save (and
    # autosave runs every few seconds); nothing needs "where is this used" for submissions.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    class Review(models.TextChoices):
        """Where the SEND team is with a sent version."""

        SUBMITTED = "submitted", "Submitted"
        RECEIVED = "received", "Received"
        ACTION_NEEDED = "action_needed", "Action needed"
        ACCEPTED = "accepted", "Accepted"

    form = models.ForeignKey(EHCFormPage, on_delete=models.PROTECT, related_name="submissions")
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    professional_details = models.JSONField(default=dict)
    answers = models.JSONField(default=dict)
    step_states = models.JSONField(default=dict)
    # Goes up with every save: the optimistic lock that stops silent overwrites.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # When the author last opened the draft without saving: opening it keeps it as much as
    # saving does (see `expiry`).
    opened_at = models.DateTimeField(null=True, blank=True)
    # When the author was told the untouched draft will be deleted.
    expiry_warned_at = models.DateTimeField(null=True, blank=True)
    # Who made the latest save: on a shared child a colleague may continue the draft.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reference = models.CharField(max_length=20, blank=True, db_index=True)
    # The version of the submission as people read it: "AR-2026-000042 v2".
    version_number = models.PositiveIntegerField(default=1)
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_version"
    )
    edit_reason = models.CharField(max_length=500, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    declarations = models.JSONField(default=list, blank=True)
    review_status = models.CharField(
        "status", max_length=20, choices=Review.choices, default=Review.SUBMITTED
    )
    # What the SEND team asked for when it last set the status to Action needed.
    action_needed = models.TextField(blank=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            # The SEND team's Submissions listing: sent versions, newest first.
            models.Index(
                fields=["-submitted_at"],
                condition=models.Q(status="submitted"),
                name="submission_sent_newest",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "form", "author"],
                condition=models.Q(status="draft"),
                name="one_draft_per_child_form_author",
            ),
            models.UniqueConstraint(
                fields=["reference", "version_number"],
                condition=~models.Q(reference=""),
                name="one_submission_per_reference_version",
            ),
        ]

    def __str__(self):
        return f"{self.form.title} for child {self.child_id}"

    @property
    def reference_label(self):
        """The reference as people quote it, with the version after the first."""
        if self.version_number > 1:
            return f"{self.reference} v{self.version_number}"
        return self.reference

    @cached_property
    def definition(self):
        """The pinned revision's steps and fields."""
        return revision_definition(self.revision_id)

    def step_state(self, step):
        availability = self.definition.step_availability(step, self.answers)
        if availability is None:
            return StepState.CANNOT_START
        return self.step_states.get(step.id, StepState.NOT_STARTED)

    def applicable_steps(self):
        """(step, state) for each step that applies to the answers so far."""
        return [
            (step, self.step_state(step))
            for step in self.definition.steps
            if self.definition.step_availability(step, self.answers) is not False
        ]

    @property
    def sent_by(self):
        """Who sent this version, as pages and the PDF say it: the professional whose details
        it carries, and the colleague who sent it for them when that was someone else."""
        named = self.professional_details.get("full_name") or self.author.full_name
        sender = self.updated_by
        if sender is None or sender.pk == self.author_id:
            return named
        return f"{sender.full_name}, for {named}"

    def record(self, kind, user, **detail):
        return SubmissionEvent.objects.create(submission=self, kind=kind, by=user, detail=detail)


class SubmissionEvent(models.Model):
    """One entry in a submission's history: started, step saved, revision changed, ..."""

    class Kind(models.TextChoices):
        STARTED = "started", "Started"
        STEP_SAVED = "step_saved", "Step saved"
        STEP_COMPLETED = "step_completed", "Step completed"
        REVISION_CHANGED = "revision_changed", "Moved to the latest version of the form"
        SUBMITTED = "submitted", "Submitted"
        EDITED = "edited", "Reopened to edit"
        STATUS_CHANGED = "status_changed", "Status changed by the SEND team"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M}"


def document_storage_key(document, filename):
    """A random key: the name the user gave is never part of where the file is kept."""
    return f"documents/{uuid.uuid4().hex}"


class Document(models.Model):
    """A file a professional attached to a form. Answers name it by `key`; the file sits in
    private storage under a random name and is only ever streamed by an access-checked
    view. It belongs to the draft it was uploaded to, and stays with every version whose
    answers list it."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to=document_storage_key, max_length=200)
    name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20)
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.name

    def as_answer(self):
        """How the document is listed in a Documents field's answer."""
        return {"key": str(self.key), "name": self.name, "size": self.size, "kind": self.kind}


def pdf_storage_key(pdf, filename):
    """A random key, like a document's: nothing about the child or the form is in it."""
    return f"pdfs/{uuid.uuid4().hex}"


class SubmissionPDF(models.Model):
    """A sent version's PDF as it was drawn, so a download after the first reads it from
    private storage instead of drawing it again (seconds for a long answer).

    `digest` is the SHA-256 of the HTML the PDF is drawn from. Anything the PDF shows (the
    answers, the child's name, the council's settings and logo) is in that HTML, so a PDF is
    used only while its digest matches: a change gives a new digest and a new PDF, and the
    older one is removed when the new one is kept."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="pdfs")
    digest = models.CharField(max_length=64)
    file = models.FileField(upload_to=pdf_storage_key, max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "submission PDF"
        constraints = [
            models.UniqueConstraint(fields=["submission", "digest"], name="one_pdf_per_digest")
        ]

    def __str__(self):
        return f"PDF of submission {self.submission_id}"


@receiver(post_delete, sender=Document)
@receiver(post_delete, sender=SubmissionPDF)
def delete_stored_file(instance, **kwargs):
    """A kept file goes with its row, however the row is deleted (by itself, or with its
    submission): it holds personal data that must not outlive the record. A storage error
    is raised, so the deletion rolls back and is tried again rather than leave the file."""
    instance.file.delete(save=False)


class FormWebhook(models.Model):
    """Where another system (the council's case management, say) is told about a form's
    submissions: each version sent and each status change is posted to `url` as JSON,
    signed with `secret` (see ehc_forms.webhooks). A form without one posts nothing.
    Administrators set it; it is kept beside the form rather than in the page, so the
    secret never enters the page's revisions, which every editor can compare."""

    form = models.OneToOneField(EHCFormPage, on_delete=models.CASCADE, related_name="webhook")
    url = models.URLField(
        "webhook URL",
        max_length=500,
        help_text="An https:// address that accepts a JSON POST.",
    )
    secret = models.CharField(
        max_length=200,
        help_text="Shared with the receiver, which checks the signature with it.",
    )

    class Meta:
        verbose_name = "form webhook"

    def __str__(self):
        return f"Webhook of {self.form.title}"

    def clean(self):
        if settings.WEBHOOK_REQUIRE_HTTPS and not self.url.lower().startswith("https://"):
            raise ValidationError(
                {"url": "Enter an address that starts with https://, so answers are encrypted"}
            )

    @property
    def secret_hint(self):
        """Enough of the saved secret to tell which one it is, never the whole of it."""
        return f"…{self.secret[-4:]}" if len(self.secret) > 8 else "(saved)"


class WebhookDelivery(models.Model):
    """One try at posting one event of a submission to its form's webhook, and how the
    receiver answered: the delivery log the SEND team reads in the admin."""

    class Event(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        STATUS_CHANGED = "status_changed", "Status changed"

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="webhook_deliveries"
    )
    event = models.CharField(max_length=20, choices=Event.choices)
    # The same for every try at one event, and sent in the body, so a receiver can tell a
    # retry from a new event.
    event_id = models.UUIDField()
    url = models.URLField("URL", max_length=500)
    attempt = models.PositiveSmallIntegerField("try")
    status_code = models.PositiveSmallIntegerField("response status", null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField("time", default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "webhook deliveries"

    def __str__(self):
        return f"{self.get_event_display()} of {self.submission_id}, try {self.attempt}"

    @property
    def delivered(self):
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def outcome(self):
        """The response status, or the error when there was no response."""
        return str(self.status_code) if self.status_code is not None else self.error

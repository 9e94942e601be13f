"""Child records that professionals keep in the portal, the EHC case the SEND team holds for
a child, and the editable explanation of each stage."""

from django.conf import settings
from django.core.cache import caches
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.fields import RichTextField

from portal_pages.children import validators
from portal_pages.children.keydates import earliest_open_due
from portal_pages.children.stages import Stage
from portal_pages.pages.frame import kept_in_frame

STAGE_EXPLANATIONS_KEY = "children:stage-explanations"


class EHCCase(models.Model):
    """An education, health and care case as the SEND team holds it.

    The child's identity here is the council's, checked by the SEND team; professionals'
    own records of the child point to the case once the team has linked them. Only actual
    dates are stored: every due date is computed from them by `timescales`, and
    `next_due_on` keeps the earliest open one so listings can filter without computing.
    """

    reference = models.CharField(max_length=30, unique=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    upn = models.CharField("UPN", max_length=13, blank=True, validators=[validators.validate_upn])
    nhs_number = models.CharField(
        "NHS number", max_length=10, blank=True, validators=[validators.validate_nhs_number]
    )
    home_postcode = models.CharField(
        max_length=8, blank=True, validators=[validators.validate_postcode]
    )
    stage = models.CharField(max_length=32, choices=Stage.choices, default=Stage.REQUEST)

    request_received_on = models.DateField("request received")
    decision_on = models.DateField("decision whether to assess made", null=True, blank=True)
    advice_requested_on = models.DateField("advice asked for", null=True, blank=True)
    advice_received_on = models.DateField("all advice received", null=True, blank=True)
    issue_decision_on = models.DateField(
        "decision whether to issue a plan made", null=True, blank=True
    )
    draft_plan_issued_on = models.DateField("draft plan sent", null=True, blank=True)
    draft_comments_received_on = models.DateField(
        "comments on the draft plan received", null=True, blank=True
    )
    final_plan_issued_on = models.DateField("final plan issued", null=True, blank=True)
    last_reviewed_on = models.DateField(
        "last annual review meeting",
        null=True,
        blank=True,
        help_text="Leave empty until the first review; the next is due 12 months after this "
        "or after the final plan.",
    )
    review_meeting_on = models.DateField(
        "next review meeting",
        null=True,
        blank=True,
        help_text="Planned or held; advice, report and decision dates are worked out from it.",
    )
    review_advice_sent_on = models.DateField("review advice circulated", null=True, blank=True)
    review_report_sent_on = models.DateField("review report sent", null=True, blank=True)
    review_decision_on = models.DateField("review decision made", null=True, blank=True)
    phase_transfer_on = models.DateField(
        "moves to the next phase of education",
        null=True,
        blank=True,
        help_text="For example 1 September when the child starts secondary school.",
    )
    transfer_to_post_16 = models.BooleanField(
        "the move is from secondary school to post-16 education", default=False
    )
    phase_transfer_amended_on = models.DateField(
        "plan amended for the phase transfer", null=True, blank=True
    )

    closed_on = models.DateField(
        "case closed",
        null=True,
        blank=True,
        help_text="When the council closed the case (the plan ceased, or the child left its "
        "care). A closed case's portal data can be exported and then deleted.",
    )

    next_due_on = models.DateField(
        null=True, blank=True, editable=False, help_text="Earliest open key date."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["reference"]
        verbose_name = "EHC case"
        # Not Django's delete permission: that would offer a plain Delete, and this one
        # exports first and takes the professionals' records with the case.
        permissions = [
            ("delete_closed_case_data", "Can export and delete a closed case's portal data")
        ]
        indexes = [
            models.Index(fields=["stage", "next_due_on"]),
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["next_due_on"]),
        ]

    def __str__(self):
        return f"{self.reference}: {self.given_name} {self.family_name}"

    def save(self, *args, **kwargs):
        self.next_due_on = earliest_open_due(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "next_due_on"}
        super().save(*args, **kwargs)

    def clean(self):
        self.upn = validators.normalise_upn(self.upn)
        self.nhs_number = validators.normalise_nhs_number(self.nhs_number)
        self.home_postcode = validators.normalise_postcode(self.home_postcode)


class ChildQuerySet(models.QuerySet):
    def active(self):
        """The records a team is working on: not hidden and not moved on."""
        return self.filter(hidden=False, moved_on_at__isnull=True)

    def current(self):
        """Records still held by their setting: a moved-on record gets no more messages,
        reminders or new forms."""
        return self.filter(moved_on_at__isnull=True)


class Child(models.Model):
    """A child or young person as a professional recorded them.

    The record belongs to the `organisation` its creator worked for when adding it. It is
    private to `created_by` unless `shared_with_team`, when every approved member of that
    organisation works on it too. `moved_on_at` marks a child who left for another setting:
    the old team keeps reading the record, nothing new happens to it.

    `hidden` takes the child off the professional's active list without deleting anything;
    `last_activity_at` moves whenever the record, its case or its forms change, and drives the
    "Recent 18 months" view. The SEND team links the record to an `EHCCase` after checking it.
    """

    class Gender(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        OTHER = "other", "Another gender"
        NOT_SAID = "not_said", "Prefer not to say"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="child_records"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="child_records",
    )
    shared_with_team = models.BooleanField("shared with the team", default=False)
    moved_on_at = models.DateTimeField("moved on", null=True, blank=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    gender = models.CharField(max_length=16, choices=Gender.choices, blank=True)
    upn = models.CharField("UPN", max_length=13, blank=True, validators=[validators.validate_upn])
    nhs_number = models.CharField(
        "NHS number", max_length=10, blank=True, validators=[validators.validate_nhs_number]
    )
    home_postcode = models.CharField(max_length=8, validators=[validators.validate_postcode])
    setting = models.CharField("setting attended", max_length=200, blank=True)
    hidden = models.BooleanField(default=False)
    ehc_case = models.ForeignKey(
        EHCCase,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="child_records",
        verbose_name="EHC case",
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)

    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name_plural = "children"
        indexes = [
            models.Index(
                fields=["organisation", "shared_with_team", "family_name", "given_name"],
                name="child_team_name",
            ),
            models.Index(
                fields=["created_by", "hidden", "family_name", "given_name"],
                name="child_owner_hidden_name",
            ),
            models.Index(fields=["created_by", "last_activity_at"], name="child_owner_activity"),
            models.Index(fields=["created_by", "date_of_birth"], name="child_owner_dob"),
            models.Index(fields=["upn"], name="child_upn"),
            # The SEND team's Child records listing, every professional's records by name.
            models.Index(fields=["family_name", "given_name"], name="child_name"),
        ]

    def __str__(self):
        return f"{self.given_name} {self.family_name}"

    def save(self, *args, **kwargs):
        if self._state.adding and self.organisation_id is None:
            self.organisation_id = self.created_by.organisation_id
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}"

    def record_activity(self, when=None):
        """Other areas call this when something happens to the child (a form saved, a
        message about them), so the record counts as recent."""
        self.last_activity_at = when or timezone.now()
        Child.objects.filter(pk=self.pk).update(last_activity_at=self.last_activity_at)


class StageExplanation(models.Model):
    """What a stage of the EHC process means for the child and family, shown under that
    stage in the professional's stage tracker. Council editors keep the words in Wagtail."""

    stage = models.CharField(max_length=32, choices=Stage.choices, unique=True)
    explanation = RichTextField(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        ordering = ["stage"]

    def __str__(self):
        return Stage(self.stage).label

    @classmethod
    def by_stage(cls):
        """{stage: explanation} for every stage explained, kept with the page frame: every
        child's SEND home shows them, and editors rarely change them."""
        return kept_in_frame(
            STAGE_EXPLANATIONS_KEY, lambda: dict(cls.objects.values_list("stage", "explanation"))
        )


@receiver(post_save, sender=StageExplanation)
@receiver(post_delete, sender=StageExplanation)
def forget_stage_explanations(**kwargs):
    caches["frame"].delete(STAGE_EXPLANATIONS_KEY)

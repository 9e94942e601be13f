"""The retention periods, edited by the SEND team in the admin's Settings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="bin")
class RetentionSettings(BaseGenericSetting):
    """How long the portal keeps what professionals leave behind. `apply_retention` reads
    these every time it runs; the defaults are the council's policy. Submitted forms are not
    here: the council's records policy keeps them."""

    draft_months = models.PositiveSmallIntegerField(
        "delete drafts nobody has opened or saved for (months)",
        default=12,
        validators=[MinValueValidator(1)],
    )
    draft_warning_days = models.PositiveSmallIntegerField(
        "tell the author this many days before (days)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Opening the draft keeps it. A draft is never deleted sooner than this "
        "after its author was told.",
    )
    child_record_months = models.PositiveSmallIntegerField(
        "delete child records with no activity for (months)",
        default=36,
        validators=[MinValueValidator(1)],
        help_text="Only records not linked to an EHC case and with no submitted form.",
    )
    closed_account_months = models.PositiveSmallIntegerField(
        "anonymise suspended or rejected accounts after (months)",
        default=12,
        validators=[MinValueValidator(1)],
    )

    panels = [
        MultiFieldPanel([FieldPanel("draft_months"), FieldPanel("draft_warning_days")], "Drafts"),
        FieldPanel("child_record_months"),
        FieldPanel("closed_account_months"),
    ]

    class Meta:
        verbose_name = "Keeping data"

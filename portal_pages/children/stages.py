"""The stages of the statutory EHC process, shared by child records, cases and forms."""

from django.db import models


class Stage(models.TextChoices):
    """In the order a case moves through them."""

    REQUEST = "request", "Request"
    DECISION_TO_ASSESS = "decision_to_assess", "Decision to assess"
    ASSESSMENT = "assessment", "Assessment"
    DRAFT_PLAN = "draft_plan", "Draft plan"
    FINAL_PLAN = "final_plan", "Final plan"
    ANNUAL_REVIEW = "annual_review", "Annual review"


def stage_of(child):
    """The stage of the EHC case the SEND team linked to this child record, or None while
    no case is linked (a professional's record before the SEND team has checked it)."""
    case = getattr(child, "ehc_case", None)
    return Stage(case.stage) if case else None

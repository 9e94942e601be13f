"""The key dates of an EHC case: which statutory timescale applies at each stage, from which
recorded date it runs, and which recorded date marks it done. The dates themselves come from
`timescales`; this module only says which rule goes with which fields of the case.

It reads a case's fields and never queries: `reminders.key_dates_due` does the querying.
"""

import datetime
from dataclasses import dataclass

from portal_pages.children import timescales
from portal_pages.children.stages import Stage
from portal_pages.children.timescales import DueStatus

STAGE_ORDER = list(Stage)


def _if(date, rule):
    """Apply a timescale only when the date it runs from has been recorded."""
    return rule(date) if date else None


def _review_from(case):
    return case.last_reviewed_on or case.final_plan_issued_on


# (stage, label, due date from the case, actual date from the case). A review meeting counts
# as done once its date is set: advice is then due before it, report and decision after it.
RULES = [
    (Stage.REQUEST, "Request received", lambda c: None, lambda c: c.request_received_on),
    (
        Stage.DECISION_TO_ASSESS,
        "Decision whether to assess",
        lambda c: _if(c.request_received_on, timescales.decision_to_assess_due),
        lambda c: c.decision_on,
    ),
    (
        Stage.ASSESSMENT,
        "Advice from those asked",
        lambda c: _if(c.advice_requested_on, timescales.advice_due),
        lambda c: c.advice_received_on,
    ),
    (
        Stage.ASSESSMENT,
        "Decision whether to issue a plan (notice if not)",
        lambda c: _if(c.request_received_on, timescales.no_plan_notice_due),
        lambda c: c.issue_decision_on,
    ),
    (
        Stage.DRAFT_PLAN,
        "Parents' comments on the draft plan",
        lambda c: _if(c.draft_plan_issued_on, timescales.draft_plan_comments_close),
        lambda c: c.draft_comments_received_on,
    ),
    (
        Stage.FINAL_PLAN,
        "Final plan issued",
        lambda c: _if(c.request_received_on, timescales.final_plan_due),
        lambda c: c.final_plan_issued_on,
    ),
    (
        Stage.ANNUAL_REVIEW,
        "Annual review meeting",
        lambda c: _if(_review_from(c), timescales.review_due),
        lambda c: c.review_meeting_on,
    ),
    (
        Stage.ANNUAL_REVIEW,
        "Advice circulated before the review meeting",
        lambda c: _if(c.review_meeting_on, timescales.review_advice_due),
        lambda c: c.review_advice_sent_on,
    ),
    (
        Stage.ANNUAL_REVIEW,
        "Review report sent",
        lambda c: _if(c.review_meeting_on, timescales.review_report_due),
        lambda c: c.review_report_sent_on,
    ),
    (
        Stage.ANNUAL_REVIEW,
        "Council's decision after the review",
        lambda c: _if(c.review_meeting_on, timescales.review_decision_due),
        lambda c: c.review_decision_on,
    ),
    (
        Stage.ANNUAL_REVIEW,
        "Plan amended for the move to the next phase",
        lambda c: (
            c.phase_transfer_on
            and timescales.phase_transfer_due(c.phase_transfer_on, c.transfer_to_post_16)
        ),
        lambda c: c.phase_transfer_amended_on,
    ),
]


@dataclass(frozen=True)
class KeyDate:
    """One statutory date of a case: when it is due, when it was done, and its status today.

    `child` is set only by `key_dates_due`, which reports per professional's record.
    """

    stage: Stage
    label: str
    due: datetime.date | None
    done: datetime.date | None
    status: DueStatus
    child: object = None

    @property
    def overdue(self):
        return self.status is DueStatus.OVERDUE

    @property
    def flagged(self):
        return self.status in (DueStatus.OVERDUE, DueStatus.DUE_SOON)

    @property
    def open(self):
        """Due on a known day and still to be done at the case's stage or a later one."""
        return self.flagged or self.status is DueStatus.UPCOMING


def case_key_dates(case, today):
    """Every key date of the case, in stage order.

    A key date of a stage the case has already moved past, with no actual date recorded,
    reads "not recorded" rather than overdue: the SEND team moved the case on, and flagging
    it for ever would bury the dates that still matter.
    """
    current = STAGE_ORDER.index(Stage(case.stage))
    dates = []
    for stage, label, due_rule, done_rule in RULES:
        due, done = due_rule(case), done_rule(case)
        if STAGE_ORDER.index(stage) < current and done is None:
            status = DueStatus.NOT_RECORDED
        else:
            status = timescales.due_status(due, done, today)
        dates.append(KeyDate(stage, label, due, done, status))
    return dates


def earliest_open_due(case):
    """The earliest due date still open at the case's stage or later; stored on the case so
    the admin can filter by due soon and overdue with one indexed query."""
    # Status does not matter here, only which dates are still open, so any day will do.
    return min(
        (key_date.due for key_date in case_key_dates(case, datetime.date.min) if key_date.open),
        default=None,
    )

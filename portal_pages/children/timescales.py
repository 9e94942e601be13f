"""Statutory timescales of the EHC process, as pure functions of dates.

The rules come from the SEND Regulations 2014 and the SEND Code of Practice 0 to 25 (2015).
Every due date shown anywhere in the portal or the admin is computed here from a date the
SEND team recorded (the request, the date advice was asked for, a review meeting...), so a due
date is never typed in twice and can never disagree with the date it depends on.

Month arithmetic uses `dateutil.relativedelta`, which keeps the day of the month and, when
that day does not exist in the target month, falls back to the month's last day. So a plan
issued on 29 February 2024 must be reviewed by 28 February 2025: the earlier date, because
the law asks for a review *within* 12 months and the later 1 March would be a day late.
"""

import datetime
import enum

from dateutil.relativedelta import relativedelta

#: A key date is "due soon" when it falls within this many days from today (inclusive).
DUE_SOON_DAYS = 14

#: Regulation 4: the decision whether to assess, from the day the request is received.
DECISION_TO_ASSESS_WEEKS = 6
#: Regulation 8: advice and information from those asked, from the day they are asked.
ADVICE_WEEKS = 6
#: Regulation 10: notice that no plan will be issued, from the request.
NO_PLAN_NOTICE_WEEKS = 16
#: Regulation 13: the final plan, from the request.
FINAL_PLAN_WEEKS = 20
#: Regulation 13: the shortest time parents have to comment on a draft plan.
DRAFT_PLAN_COMMENT_DAYS = 15
#: Section 44 of the Children and Families Act 2014: a review at least every 12 months.
REVIEW_MONTHS = 12
#: Regulation 20: advice circulated at least 2 weeks before the meeting,
#: and the report within 2 weeks after it.
REVIEW_ADVICE_WEEKS_BEFORE = 2
REVIEW_REPORT_WEEKS_AFTER = 2
#: Regulation 20: the local authority's decision within 4 weeks of the meeting.
REVIEW_DECISION_WEEKS_AFTER = 4
#: Regulation 18: a plan is amended for a phase transfer by 15 February of the calendar year
#: of the transfer, or by 31 March for a move from secondary school to post-16 education.
PHASE_TRANSFER_DAY = (2, 15)
POST_16_TRANSFER_DAY = (3, 31)


def weeks_after(start, weeks):
    return start + datetime.timedelta(weeks=weeks)


def decision_to_assess_due(request_received_on):
    """The decision whether to carry out an EHC needs assessment: 6 weeks from the request."""
    return weeks_after(request_received_on, DECISION_TO_ASSESS_WEEKS)


def advice_due(asked_on):
    """Advice and information from someone the council asked: 6 weeks from being asked."""
    return weeks_after(asked_on, ADVICE_WEEKS)


def no_plan_notice_due(request_received_on):
    """Notice that the council will not issue a plan after assessing: 16 weeks from the request."""
    return weeks_after(request_received_on, NO_PLAN_NOTICE_WEEKS)


def final_plan_due(request_received_on):
    """The final EHC plan: 20 weeks from the request."""
    return weeks_after(request_received_on, FINAL_PLAN_WEEKS)


def draft_plan_comments_close(draft_issued_on):
    """The earliest day the parents' comment period on a draft plan can end: 15 days after
    the draft is sent (the plan cannot be finalised before this)."""
    return draft_issued_on + datetime.timedelta(days=DRAFT_PLAN_COMMENT_DAYS)


def review_due(issued_or_last_reviewed_on):
    """The next annual review: 12 calendar months from the plan's issue or the last review.

    29 February falls back to 28 February in a year without one (see the module docstring).
    """
    return issued_or_last_reviewed_on + relativedelta(months=REVIEW_MONTHS)


def review_advice_due(meeting_on):
    """Advice and information for a review meeting go out at least 2 weeks before it."""
    return weeks_after(meeting_on, -REVIEW_ADVICE_WEEKS_BEFORE)


def review_report_due(meeting_on):
    """The review report is sent within 2 weeks after the meeting."""
    return weeks_after(meeting_on, REVIEW_REPORT_WEEKS_AFTER)


def review_decision_due(meeting_on):
    """The council decides to keep, amend or cease the plan within 4 weeks of the meeting."""
    return weeks_after(meeting_on, REVIEW_DECISION_WEEKS_AFTER)


def phase_transfer_due(transfer_on, to_post_16=False):
    """The plan must be amended by 15 February in the calendar year of the transfer, or by
    31 March when the young person moves from secondary school to post-16 education."""
    month, day = POST_16_TRANSFER_DAY if to_post_16 else PHASE_TRANSFER_DAY
    return datetime.date(transfer_on.year, month, day)


class DueStatus(enum.Enum):
    """Where a key date stands on a given day; the value is the words shown in its tag."""

    DONE = "Done"
    OVERDUE = "Overdue"
    DUE_SOON = "Due soon"
    UPCOMING = "Upcoming"
    NOT_KNOWN = "Not yet known"
    #: A stage the case has moved past without this date being recorded.
    NOT_RECORDED = "Not recorded"


def due_status(due, done, today, soon_days=DUE_SOON_DAYS):
    """Done once an actual date is recorded; otherwise overdue the day after it is due, and
    due soon from `soon_days` before the due date up to the due date itself."""
    if done is not None:
        return DueStatus.DONE
    if due is None:
        return DueStatus.NOT_KNOWN
    if today > due:
        return DueStatus.OVERDUE
    if due - today <= datetime.timedelta(days=soon_days):
        return DueStatus.DUE_SOON
    return DueStatus.UPCOMING

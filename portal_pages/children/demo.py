"""Demo content: a SENDCO's children at every stage of the EHC process, some linked to the
council's cases, some with key dates due soon or overdue, one hidden and one long quiet.
The SENDCO leads the school's team and shares four children with it; a colleague in the same
school adds two of their own, one shared with the team and one private.

Dates are set relative to the day the demo is first loaded, so the flags are meaningful on
that day; loading again finds everything by name and reference and changes nothing."""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from stdnum.gb import upn

from portal_pages.accounts.models import User
from portal_pages.children.models import Child, EHCCase, StageExplanation
from portal_pages.children.stages import Stage

DEMO_PROFESSIONAL = "sendco@oakfield-primary.sch.uk"
DEMO_COLLEAGUE = "teacher@oakfield-primary.sch.uk"
# The SENDCO shares these with the school's team; the rest stay private to them.
SHARED_WITH_TEAM = {"Ada", "Alan", "Grace", "Mary"}
# The colleague's own records: one shared with the team, one private.
COLLEAGUE_CHILDREN = [
    {
        "given_name": "Dorothy",
        "family_name": "Hodgkin",
        "date_of_birth": datetime.date(2017, 5, 12),
        "shared_with_team": True,
    },
    {
        "given_name": "Isambard",
        "family_name": "Brunel",
        "date_of_birth": datetime.date(2016, 4, 9),
        "shared_with_team": False,
    },
]
SETTING = "Oakfield Primary School"

EXPLANATIONS = {
    Stage.REQUEST: "A parent, young person or school asks the council for an education, "
    "health and care (EHC) needs assessment.",
    Stage.DECISION_TO_ASSESS: "The council decides whether to carry out an assessment and "
    "tells the family within 6 weeks of the request.",
    Stage.ASSESSMENT: "The council gathers advice from education, health and social care. "
    "Everyone asked has 6 weeks to give it.",
    Stage.DRAFT_PLAN: "The family gets a draft plan and has at least 15 days to comment and "
    "to name a school or college.",
    Stage.FINAL_PLAN: "The council issues the final EHC plan no later than 20 weeks after "
    "the request.",
    Stage.ANNUAL_REVIEW: "The plan is reviewed at least every 12 months, and before a move "
    "to the next phase of education.",
}


def demo_upn(serial):
    """A UPN with a correct check letter for Bristol (LA 801), school 2000, issued in 2016."""
    body = f"801200016{serial:03d}"
    return upn.calc_check_digit(body) + body


def children(today):
    """(child details, case details or None) for each demo child."""

    def ago(days):
        return today - datetime.timedelta(days=days)

    return [
        (
            {
                "given_name": "Ada",
                "family_name": "Lovelace",
                "date_of_birth": datetime.date(2017, 12, 10),
            },
            {"stage": Stage.REQUEST, "request_received_on": ago(10)},
        ),
        (
            {
                "given_name": "Alan",
                "family_name": "Turing",
                "date_of_birth": datetime.date(2016, 6, 23),
            },
            {"stage": Stage.DECISION_TO_ASSESS, "request_received_on": ago(40)},
        ),
        (
            {
                "given_name": "Grace",
                "family_name": "Hopper",
                "date_of_birth": datetime.date(2018, 12, 9),
            },
            {"stage": Stage.DECISION_TO_ASSESS, "request_received_on": ago(50)},
        ),
        (
            {
                "given_name": "Mary",
                "family_name": "Seacole",
                "date_of_birth": datetime.date(2015, 11, 23),
            },
            {
                "stage": Stage.ASSESSMENT,
                "request_received_on": ago(70),
                "decision_on": ago(35),
                "advice_requested_on": ago(33),
            },
        ),
        (
            {
                "given_name": "Isaac",
                "family_name": "Newton",
                "date_of_birth": datetime.date(2014, 1, 4),
            },
            {
                "stage": Stage.ASSESSMENT,
                "request_received_on": ago(120),
                "decision_on": ago(80),
                "advice_requested_on": ago(78),
                "advice_received_on": ago(40),
            },
        ),
        (
            {
                "given_name": "Rosalind",
                "family_name": "Franklin",
                "date_of_birth": datetime.date(2019, 7, 25),
            },
            {
                "stage": Stage.DRAFT_PLAN,
                "request_received_on": ago(125),
                "decision_on": ago(85),
                "advice_requested_on": ago(84),
                "advice_received_on": ago(45),
                "issue_decision_on": ago(30),
                "draft_plan_issued_on": ago(10),
            },
        ),
        (
            {
                "given_name": "Charles",
                "family_name": "Babbage",
                "date_of_birth": datetime.date(2016, 12, 26),
            },
            {
                "stage": Stage.FINAL_PLAN,
                "request_received_on": ago(150),
                "decision_on": ago(110),
                "advice_requested_on": ago(108),
                "advice_received_on": ago(70),
                "issue_decision_on": ago(50),
                "draft_plan_issued_on": ago(40),
                "draft_comments_received_on": ago(24),
            },
        ),
        (
            {
                "given_name": "Florence",
                "family_name": "Nightingale",
                "date_of_birth": datetime.date(2013, 5, 12),
            },
            {
                "stage": Stage.ANNUAL_REVIEW,
                "request_received_on": ago(450),
                "final_plan_issued_on": ago(300),
            },
        ),
        (
            {
                "given_name": "Michael",
                "family_name": "Faraday",
                "date_of_birth": datetime.date(2015, 9, 22),
            },
            {
                "stage": Stage.ANNUAL_REVIEW,
                "request_received_on": ago(900),
                "final_plan_issued_on": ago(730),
                "last_reviewed_on": ago(360),
                "review_meeting_on": ago(20),
                "review_advice_sent_on": ago(35),
            },
        ),
        (
            {
                "given_name": "Thomas",
                "family_name": "Hardy",
                "date_of_birth": datetime.date(2014, 6, 2),
                "last_activity_at": timezone.now() - relativedelta(months=26),
            },
            {
                "stage": Stage.ANNUAL_REVIEW,
                "request_received_on": ago(1200),
                "final_plan_issued_on": ago(1050),
                "last_reviewed_on": ago(330),
                "phase_transfer_on": datetime.date(today.year + 1, 9, 1),
            },
        ),
        (
            {
                "given_name": "Jane",
                "family_name": "Austen",
                "date_of_birth": datetime.date(2018, 12, 16),
            },
            None,
        ),
        (
            {
                "given_name": "Emily",
                "family_name": "Davison",
                "date_of_birth": datetime.date(2012, 10, 11),
                "hidden": True,
            },
            None,
        ),
    ]


def load():
    """Create the demo children, their cases and the stage explanations once."""
    for stage, text in EXPLANATIONS.items():
        StageExplanation.objects.get_or_create(
            stage=stage, defaults={"explanation": f"<p>{text}</p>"}
        )
    professional = User.objects.filter(email=DEMO_PROFESSIONAL).first()
    if professional is None:
        return []
    today = timezone.localdate()
    for number, (details, case_details) in enumerate(children(today), start=1):
        details = {**details}
        identity = {key: details.pop(key) for key in ("given_name", "family_name", "date_of_birth")}
        child, created = Child.objects.get_or_create(
            created_by=professional,
            **identity,
            defaults={
                "upn": demo_upn(number),
                "home_postcode": "BS1 5TR",
                "setting": SETTING,
                "shared_with_team": identity["given_name"] in SHARED_WITH_TEAM,
                **details,
            },
        )
        if created and case_details is not None:
            case, _ = EHCCase.objects.get_or_create(
                reference=f"EHC-DEMO-{number:03d}",
                defaults={**identity, "upn": child.upn, **case_details},
            )
            child.ehc_case = case
            child.save(update_fields=["ehc_case"])
    colleague = User.objects.filter(email=DEMO_COLLEAGUE).first()
    for details in COLLEAGUE_CHILDREN if colleague else []:
        details = {**details}
        identity = {key: details.pop(key) for key in ("given_name", "family_name", "date_of_birth")}
        Child.objects.get_or_create(
            created_by=colleague,
            **identity,
            defaults={"home_postcode": "BS1 5TR", "setting": SETTING, **details},
        )
    # A new request the SEND team has not yet matched to Jane Austen's record, to show
    # linking in the admin.
    jane = Child.objects.filter(created_by=professional, given_name="Jane").first()
    if jane is not None:
        EHCCase.objects.get_or_create(
            reference="EHC-DEMO-011",
            defaults={
                "given_name": jane.given_name,
                "family_name": jane.family_name,
                "date_of_birth": jane.date_of_birth,
                "upn": jane.upn,
                "request_received_on": today - datetime.timedelta(days=3),
            },
        )
    return []

"""Demo lookup lists and forms, written as compact Python data that `build_steps` turns into
StreamField data, plus the demo professional's drafts and a submitted form with two versions."""

import copy
import uuid

from django.core.files.base import ContentFile
from wagtail.models import Site

from ehc_forms.models import Document, EHCFormIndexPage, EHCFormPage, LookupList, Submission
from ehc_forms.registry import bind_answers
from ehc_forms.reviewing import change_status
from ehc_forms.saving import details_from_account, save_step, start_draft
from ehc_forms.submitting import start_edit, submit
from portal_pages.accounts.models import User
from portal_pages.children.access import children_visible_to
from portal_pages.children.stages import Stage

DEMO_PROFESSIONAL = "sendco@oakfield-primary.sch.uk"

LOOKUPS = {
    "Primary need": [
        ("SPLD", "Specific learning difficulty"),
        ("MLD", "Moderate learning difficulty"),
        ("SLD", "Severe learning difficulty"),
        ("PMLD", "Profound and multiple learning difficulty"),
        ("SEMH", "Social, emotional and mental health"),
        ("SLCN", "Speech, language and communication needs"),
        ("HI", "Hearing impairment"),
        ("VI", "Vision impairment"),
        ("MSI", "Multi-sensory impairment"),
        ("PD", "Physical disability"),
        ("ASD", "Autistic spectrum disorder"),
        ("OTH", "Other difficulty or disability"),
    ],
    "Year group": [("N", "Nursery"), ("R", "Reception")]
    + [(f"Y{year}", f"Year {year}") for year in range(1, 15)],
    "Type of setting": [
        ("MAIN", "Mainstream school or academy"),
        ("RP", "Resourced provision in a mainstream school"),
        ("SPEC", "Special school"),
        ("EY", "Early years setting"),
        ("FE", "Further education college"),
        ("ISP", "Independent specialist provider"),
        ("EHE", "Educated at home"),
        ("NONE", "Not in education, employment or training"),
    ],
}

AREAS_OF_NEED = [
    ("communication", "Communication and interaction"),
    ("cognition", "Cognition and learning"),
    ("semh", "Social, emotional and mental health"),
    ("sensory", "Sensory and physical"),
]


def f(kind, key, label, hint="", required=True, show_if=None, **options):
    """One field block's raw value."""
    value = {"label": label, "key": key, "hint": hint, "required": required, **options}
    value["show_if"] = {"key": show_if[0], "value": show_if[1]} if show_if else {}
    return {"type": kind, "value": value}


def memo(key, label, hint="", max_chars=4000, **kwargs):
    return f("memo", key, label, hint, max_chars=max_chars, **kwargs)


def text(key, label, hint="", max_length=200, **kwargs):
    return f("short_text", key, label, hint, max_length=max_length, **kwargs)


def note(html):
    return {"type": "guidance_text", "value": {"text": html, "show_if": {}}}


def group(key, label, item_name, fields, max_count=10, hint="", required=False):
    return f(
        "repeating_group",
        key,
        label,
        hint,
        required=required,
        item_name=item_name,
        max_count=max_count,
        fields=fields,
    )


def build_steps(slug, steps, lookups):
    """StreamField data from (title, intro, fields[, show_if]) tuples. A field's `lookup`
    option names its list and becomes the list's id; step ids are derived from the form's
    slug so they are stable."""
    data = []
    for number, (title, intro, fields, *rule) in enumerate(copy.deepcopy(steps), start=1):
        for field in fields:
            if "lookup" in field["value"]:
                field["value"]["lookup"] = lookups[field["value"]["lookup"]].pk
        data.append(
            {
                "type": "step",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"ehc-form/{slug}/{number}")),
                "value": {
                    "title": title,
                    "intro": intro,
                    "show_if": {"key": rule[0][0], "value": rule[0][1]} if rule else {},
                    "fields": fields,
                },
            }
        )
    return data


def child_details_step(prefix=""):
    return (
        "About the child or young person",
        "Check these details against your own records.",
        [
            text("child_known_as", "Name the child or young person likes to be known by"),
            f("lookup", "year_group", "Current year group", lookup="Year group"),
            f("lookup", "setting_type", "Type of setting they attend", lookup="Type of setting"),
            f("lookup", "primary_need", "Primary need", lookup="Primary need"),
            f(
                "lookup",
                "secondary_need",
                "Secondary need",
                lookup="Primary need",
                required=False,
            ),
            text("home_language", "First language at home", required=False),
            f("yes_no", "looked_after", "Is the child looked after by a local authority?"),
            text(
                "social_worker",
                "Name of their social worker",
                required=False,
                show_if=("looked_after", "yes"),
            ),
        ],
    )


def views_step():
    return (
        "Views, wishes and feelings",
        "Record views in the words people used wherever you can.",
        [
            memo(
                "child_views",
                "What does the child or young person say is going well, and what is hard?",
                max_chars=6000,
            ),
            f(
                "multiple_choice",
                "views_gathered_by",
                "How were their views gathered?",
                options="Conversation\nDrawing or photographs\nSymbols or communication aid\n"
                "Observation by a familiar adult\nQuestionnaire",
            ),
            memo("parent_views", "What do the parents or carers say?", max_chars=6000),
            f("yes_no", "parents_agree", "Do the parents or carers agree with this request?"),
            memo(
                "parents_disagree_reason",
                "What do they disagree with?",
                show_if=("parents_agree", "no"),
            ),
        ],
    )


def area_of_need_steps(with_outcomes):
    """A step per area of need, with the same questions: the largest forms are mostly these."""
    steps = []
    for key, title in AREAS_OF_NEED:
        fields = [
            f("yes_no", f"{key}_applies", f"Does the child have needs in {title.lower()}?"),
            memo(
                f"{key}_strengths",
                "Strengths and what works well",
                show_if=(f"{key}_applies", "yes"),
            ),
            memo(
                f"{key}_needs",
                "Description of needs",
                "Include assessment results with their dates.",
                max_chars=8000,
                show_if=(f"{key}_applies", "yes"),
            ),
            memo(f"{key}_provision", "Support in place now", show_if=(f"{key}_applies", "yes")),
            f(
                "number",
                f"{key}_adult_hours",
                "Hours of adult support each week for this area",
                min_value=0,
                max_value=40,
                required=False,
                show_if=(f"{key}_applies", "yes"),
            ),
            text(
                f"{key}_specialists",
                "Specialists involved",
                required=False,
                show_if=(f"{key}_applies", "yes"),
            ),
        ]
        if with_outcomes:
            fields += [
                memo(
                    f"{key}_progress",
                    "Progress towards the outcomes in the plan",
                    show_if=(f"{key}_applies", "yes"),
                ),
                f(
                    "yes_no",
                    f"{key}_provision_delivered",
                    "Is the provision in the plan being delivered in full?",
                    show_if=(f"{key}_applies", "yes"),
                ),
                memo(
                    f"{key}_provision_gaps",
                    "What is not being delivered, and why?",
                    show_if=(f"{key}_provision_delivered", "no"),
                ),
                text(
                    f"{key}_delivered_by",
                    "Who delivers the support?",
                    required=False,
                    show_if=(f"{key}_applies", "yes"),
                ),
                f(
                    "yes_no",
                    f"{key}_outcomes_met",
                    "Have the outcomes for this area been met?",
                    show_if=(f"{key}_applies", "yes"),
                ),
                memo(
                    f"{key}_new_outcomes",
                    "Proposed outcomes for the next year",
                    show_if=(f"{key}_applies", "yes"),
                ),
                memo(
                    f"{key}_changes",
                    "Changes to provision you recommend",
                    required=False,
                    show_if=(f"{key}_applies", "yes"),
                ),
                f(
                    "date",
                    f"{key}_last_assessed",
                    "When was this area last assessed?",
                    required=False,
                    past_only=True,
                    show_if=(f"{key}_applies", "yes"),
                ),
            ]
        steps.append((title, f"Needs and provision in {title.lower()}.", fields))
    return steps


PEOPLE_FIELDS = [
    text("name", "Name", max_length=150),
    text("role", "Role", max_length=150),
    f("email", "email", "Email address", required=False),
    f("phone", "phone", "Phone number", required=False),
]


def review_steps(*, post_16=False):
    """The annual review: more than ten steps and a hundred questions."""
    steps = [
        (
            "The review meeting",
            "Reviews are held at least every 12 months.",
            [
                f("date", "meeting_date", "Date of the review meeting", past_only=True),
                text("meeting_place", "Where was the meeting held?"),
                f("yes_no", "meeting_in_person", "Did everyone meet in person?"),
                text(
                    "meeting_online_tool",
                    "How did people join remotely?",
                    show_if=("meeting_in_person", "no"),
                ),
                group(
                    "attendees",
                    "Who attended",
                    "person",
                    PEOPLE_FIELDS,
                    max_count=12,
                    required=True,
                ),
                group(
                    "contributors", "Who sent advice but did not attend", "person", PEOPLE_FIELDS
                ),
            ],
        ),
        child_details_step(),
        views_step(),
        *area_of_need_steps(with_outcomes=True),
        (
            "Attendance and wellbeing",
            "",
            [
                f(
                    "number",
                    "attendance_percent",
                    "Attendance this year (%)",
                    min_value=0,
                    max_value=100,
                ),
                f("yes_no", "excluded", "Has the child been excluded this year?"),
                f(
                    "number",
                    "exclusion_days",
                    "Days of exclusion",
                    min_value=0,
                    show_if=("excluded", "yes"),
                ),
                memo(
                    "exclusion_reasons", "What led to the exclusions?", show_if=("excluded", "yes")
                ),
                f("yes_no", "part_time_timetable", "Is the child on a part-time timetable?"),
                memo(
                    "part_time_plan",
                    "The plan to return to full-time",
                    show_if=("part_time_timetable", "yes"),
                ),
            ],
        ),
        (
            "Health",
            "",
            [
                memo("health_needs", "Health needs relevant to education", required=False),
                memo("health_provision", "Health provision in place", required=False),
                f("yes_no", "medication", "Does the child take medication in school?"),
                text("medication_details", "Which medication?", show_if=("medication", "yes")),
                f(
                    "date",
                    "health_plan_review",
                    "Date the health care plan was last reviewed",
                    required=False,
                ),
            ],
        ),
        (
            "Social care",
            "",
            [
                f("yes_no", "social_care_involved", "Is social care involved?"),
                memo(
                    "social_care_summary",
                    "Summary of social care involvement",
                    show_if=("social_care_involved", "yes"),
                ),
                f("email", "social_care_email", "Social worker's email", required=False),
                f("phone", "social_care_phone", "Social worker's phone", required=False),
            ],
        ),
        (
            "Preparing for adulthood",
            "From year 9 every review looks at adult life.",
            [
                memo("paid_employment", "Employment and further learning"),
                memo("independent_living", "Independent living"),
                memo("community_inclusion", "Friends, relationships and the community"),
                memo("good_health", "Being as healthy as possible in adult life"),
                f("yes_no", "transition_planned", "Is a move of school or college coming up?"),
                f(
                    "lookup",
                    "next_setting_type",
                    "Type of the next setting",
                    lookup="Type of setting",
                    show_if=("transition_planned", "yes"),
                ),
                text(
                    "next_setting_name",
                    "Name of the next setting",
                    required=False,
                    show_if=("transition_planned", "yes"),
                ),
                f(
                    "date",
                    "transition_date",
                    "Expected date of the move",
                    required=False,
                    show_if=("transition_planned", "yes"),
                ),
            ],
        ),
        (
            "Recommendations",
            "",
            [
                note(
                    "<p>The council must tell the family its decision within 4 weeks of the "
                    "review meeting.</p>"
                ),
                f(
                    "multiple_choice",
                    "recommendation",
                    "What does the review recommend?",
                    options="Keep the plan as it is\nAmend the plan\nEnd the plan",
                ),
                memo(
                    "amendments",
                    "Which sections should change, and how?",
                    max_chars=10000,
                    show_if=("recommendation", "Amend the plan"),
                ),
                memo(
                    "end_reason",
                    "Why should the plan end?",
                    show_if=("recommendation", "End the plan"),
                ),
                memo("disagreements", "Anything people did not agree on", required=False),
                text("completed_by", "Name of the person completing this report"),
                f("date", "report_date", "Date of this report", past_only=True),
            ],
        ),
    ]
    if post_16:
        steps.insert(
            3,
            (
                "Course and study programme",
                "",
                [
                    text("course_title", "Course title"),
                    f("lookup", "course_setting", "Where is the course?", lookup="Type of setting"),
                    f(
                        "number",
                        "study_hours",
                        "Planned study hours each week",
                        min_value=0,
                        max_value=40,
                    ),
                    f("yes_no", "work_experience", "Is work experience part of the programme?"),
                    memo(
                        "work_experience_details",
                        "Work experience",
                        show_if=("work_experience", "yes"),
                    ),
                    memo("aspirations", "What does the young person want to do next?"),
                ],
            ),
        )
    return steps


REQUEST_STEPS = [
    child_details_step(),
    (
        "Why you are asking for an assessment",
        "",
        [
            memo(
                "reason_for_request",
                "Why do you think the child needs an EHC needs assessment?",
                "Describe what the setting has tried and what has changed as a result.",
                max_chars=6000,
            ),
            f(
                "date",
                "sen_support_since",
                "Since when has the child had SEN support?",
                past_only=True,
            ),
            f(
                "number",
                "cycles_of_review",
                "How many cycles of assess, plan, do and review?",
                min_value=0,
                max_value=20,
            ),
            f("yes_no", "sen_support_plan_attached", "Will you send the latest SEN support plan?"),
        ],
    ),
    views_step(),
    *area_of_need_steps(with_outcomes=False),
    (
        "Professionals involved",
        "",
        [
            group(
                "professionals",
                "Professionals who know the child",
                "professional",
                PEOPLE_FIELDS,
                max_count=8,
            )
        ],
    ),
    (
        "Consent",
        "",
        [
            f(
                "yes_no",
                "parent_consent",
                "Have the parents or carers agreed to this request being made?",
            ),
            memo(
                "no_consent_reason",
                "Why are you making the request without their agreement?",
                show_if=("parent_consent", "no"),
            ),
        ],
    ),
]

ADVICE_STEPS = [
    (
        "Your involvement",
        "",
        [
            f("date", "first_seen", "When did you first see the child?", past_only=True),
            f("number", "sessions", "How many times have you seen them?", min_value=0),
            text("assessments_used", "Assessments you used", required=False),
        ],
    ),
    (
        "Your advice",
        "Advice must be specific: say what the child needs, how often and from whom.",
        [
            memo("advice_needs", "The child's needs as you assessed them", max_chars=8000),
            memo("advice_outcomes", "Outcomes you recommend"),
            memo("advice_provision", "Provision you recommend", max_chars=8000),
        ],
    ),
]

FORMS = [
    {
        "slug": "request-for-assessment",
        "title": "Request for an EHC needs assessment",
        "intro": (
            "Use this form to ask the council to carry out an education, health and care needs "
            "assessment. You will need the child's SEN support plan and the advice of any "
            "specialists. The council decides whether to assess within 6 weeks."
        ),
        "stages": [Stage.REQUEST],
        "audience": EHCFormPage.Audience.EVERYONE,
        "steps": REQUEST_STEPS,
    },
    {
        "slug": "annual-review",
        "title": "Annual review",
        "intro": (
            "Report the annual review of the child's EHC plan. Send it within 2 weeks of the "
            "review meeting. Gather the advice of everyone involved before the meeting."
        ),
        "stages": [Stage.ANNUAL_REVIEW, Stage.FINAL_PLAN],
        "audience": EHCFormPage.Audience.EVERYONE,
        "steps": review_steps(),
    },
    {
        "slug": "interim-review",
        "title": "Interim review",
        "intro": "Use this form when a review is needed before the annual review is due.",
        "stages": [Stage.FINAL_PLAN, Stage.ANNUAL_REVIEW],
        "audience": EHCFormPage.Audience.EVERYONE,
        "steps": [
            (
                "Why an early review",
                "",
                [
                    memo("interim_reason", "What has changed since the last review?"),
                    f("yes_no", "placement_at_risk", "Is the current placement at risk?"),
                    memo(
                        "placement_risk",
                        "What is putting it at risk?",
                        show_if=("placement_at_risk", "yes"),
                    ),
                ],
            ),
            views_step(),
            (
                "Recommendations",
                "",
                [
                    memo("interim_recommendations", "What does the review recommend?"),
                    f(
                        "documents",
                        "supporting_documents",
                        "Reports that support the review",
                        hint="Such as an educational psychology or speech and language report.",
                        required=False,
                        max_files=5,
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "post-16-annual-review",
        "title": "Post-16 annual review",
        "intro": (
            "The annual review for a young person aged 16 to 25 in further education or "
            "training. Their own views come first."
        ),
        "stages": [Stage.ANNUAL_REVIEW],
        "audience": EHCFormPage.Audience.EVERYONE,
        "steps": review_steps(post_16=True),
    },
    {
        "slug": "professional-advice",
        "title": "Professional advice",
        "intro": (
            "The SEND team has asked for your advice for an EHC needs assessment. Advice is "
            "due within 6 weeks of the request."
        ),
        "stages": [Stage.ASSESSMENT, Stage.DECISION_TO_ASSESS],
        "audience": EHCFormPage.Audience.SHARED,
        "steps": ADVICE_STEPS,
    },
]


def load_lookups():
    lists = {}
    for name, options in LOOKUPS.items():
        lookup = LookupList.objects.filter(name=name).first()
        if lookup is None:
            lookup = LookupList(name=name)
            for code, label in options:
                lookup.options.add(lookup.options.model(code=code, label=label))
            lookup.save()
        lists[name] = lookup
    return lists


def load_forms():
    """The forms index under the home page and each demo form, published, once."""
    lookups = load_lookups()
    index = EHCFormIndexPage.objects.first()
    if index is None:
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(
            instance=EHCFormIndexPage(
                title="EHC forms", slug="ehc-forms", intro="The forms professionals fill in."
            )
        )
    for spec in FORMS:
        if EHCFormPage.objects.filter(slug=spec["slug"]).exists():
            continue
        page = index.add_child(
            instance=EHCFormPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                offered_at_stages=[stage.value for stage in spec["stages"]],
                audience=spec["audience"],
                steps=build_steps(spec["slug"], spec["steps"], lookups),
                live=False,
            )
        )
        page.save_revision().publish()


def demo_answers(child):
    """Answers for the demo draft, about the child the draft is for."""
    name = child.given_name
    return {
        "child_known_as": name,
        "year_group": "Y4",
        "setting_type": "MAIN",
        "primary_need": "SLCN",
        "looked_after": "no",
        "reason_for_request": (
            f"{name} has had SEN support since reception. Three cycles of assess, plan, do and "
            f"review with speech and language therapy advice have helped with attention, but "
            f"{name}'s expressive language is still two years behind that of classmates."
        ),
    }


def complete_steps(draft, author, answers):
    """Save `answers` into every step that applies, in order, with Save and continue, as
    the author would; returns the draft as saved."""
    for step in draft.definition.steps:
        if draft.definition.step_availability(step, draft.answers) is not True:
            continue
        data = bind_answers(step.fields, answers)
        draft = save_step(
            draft.pk, author, step.number, data, draft.version, complete=True
        ).submission
    return draft


def interim_review_answers(child, reason):
    return {
        "interim_reason": reason,
        "placement_at_risk": "no",
        "child_views": (
            f"{child.given_name} says the new reading group is fun but lunchtimes are hard."
        ),
        "views_gathered_by": ["Conversation", "Drawing or photographs"],
        "parent_views": "Their parents want more support at unstructured times.",
        "parents_agree": "yes",
        "interim_recommendations": "Add a lunchtime club and review the plan in six months.",
    }


def advice_answers():
    return {
        "first_seen": {"day": "12", "month": "9", "year": "2025"},
        "sessions": "6",
        "advice_needs": "Receptive language is in line with age; expressive language is behind.",
        "advice_outcomes": "Uses sentences of five words or more in class by next summer.",
        "advice_provision": "Weekly speech and language therapy, 30 minutes, from a therapist.",
    }


DEMO_OFFICER = "send.officer@exampleshire.gov.uk"


def demo_pdf(title):
    """A small, valid one-page PDF whose page says `title`."""
    stream = f"BT /F1 18 Tf 72 720 Td ({title}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return body


def attach_demo_documents(draft):
    """Two reports attached to the draft's documents question, as uploading them would."""
    documents = []
    for name in ("Educational psychology report.pdf", "Speech and language report.pdf"):
        content = demo_pdf(name.removesuffix(".pdf"))
        document = Document(
            submission=draft,
            name=name,
            size=len(content),
            kind="pdf",
            content_type="application/pdf",
        )
        document.file.save("upload", ContentFile(content), save=False)
        document.save()
        documents.append(document.as_answer())
    draft.answers = {**draft.answers, "supporting_documents": documents}
    draft.save(update_fields=["answers"])
    return draft


def load_submitted():
    """For the demo professional: an interim review with two reports attached, sent and
    then edited (version 2 with its reason), which the SEND team officer has marked
    Received; and professional advice with every step done, ready to submit."""
    professional = User.objects.filter(email=DEMO_PROFESSIONAL).first()
    review = EHCFormPage.objects.filter(slug="interim-review").first()
    advice = EHCFormPage.objects.filter(slug="professional-advice").first()
    if professional is None or review is None or advice is None:
        return
    child = children_visible_to(professional).first()
    if child is None or Submission.objects.filter(author=professional, form=review).exists():
        return
    details = details_from_account(professional)
    first = attach_demo_documents(start_draft(professional, child, review, details))
    first = complete_steps(
        first,
        professional,
        interim_review_answers(child, "Attendance has dropped since the autumn term."),
    )
    first = submit(first.pk, professional, first.version, review.declaration_texts)
    second = start_edit(first, professional, "The attendance figures were for the wrong term.")
    second = complete_steps(
        second,
        professional,
        interim_review_answers(child, "Attendance has dropped since the spring term."),
    )
    second = submit(second.pk, professional, second.version, review.declaration_texts)
    officer = User.objects.filter(email=DEMO_OFFICER).first()
    if officer is not None:
        change_status(second, Submission.Review.RECEIVED, officer)
    complete_steps(
        start_draft(professional, child, advice, details), professional, advice_answers()
    )


def load_drafts():
    """A draft in progress for the demo professional, with its first step completed."""
    professional = User.objects.filter(email=DEMO_PROFESSIONAL).first()
    form = EHCFormPage.objects.filter(slug="request-for-assessment").first()
    if professional is None or form is None:
        return
    # The children area's demo content (which runs first) makes the professional's records.
    child = children_visible_to(professional).first()
    if child is None or Submission.objects.filter(author=professional, form=form).exists():
        return
    draft = start_draft(professional, child, form, details_from_account(professional))
    for number, complete in ((1, True), (2, False)):
        step = draft.definition.step(number)
        data = bind_answers(step.fields, demo_answers(child))
        saved = save_step(
            draft.pk, professional, number, data, draft.version, complete=complete, action=""
        )
        draft = saved.submission


def load():
    load_forms()
    load_drafts()
    load_submitted()
    return []

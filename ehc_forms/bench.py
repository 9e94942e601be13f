"""Pages `make bench` times for this area: the largest demo form's task list and step, a
step of thirty questions (the same thirty the bench's `wagtail.contrib.forms` peer asks),
shown, saved with "Save and continue" and autosaved, the PDF of a sent form with a
200,000-character answer, drawn afresh and kept, and the SEND team's Submissions listing."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ehc_forms.demo import (
    DEMO_PROFESSIONAL,
    build_steps,
    complete_steps,
    f,
    interim_review_answers,
    load_lookups,
    memo,
    text,
)
from ehc_forms.models import EHCFormIndexPage, EHCFormPage, Submission, SubmissionPDF
from ehc_forms.registry import bind_answers
from ehc_forms.saving import details_from_account, start_draft
from ehc_forms.submitting import submit
from portal_pages.accounts.bench import send_officer
from portal_pages.accounts.models import User
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.children.access import children_visible_to
from portal_pages.children.bench import bench_professional
from portal_pages.children.models import Child

BENCH_FORM_SLUG = "bench-thirty-questions"
SENT_VERSIONS = 300
LOOKUP = "Primary need"
MEMO_ANSWER = (
    "Attention and listening have improved with daily small-group work, but expressive "
    "language is still well behind that of classmates. "
) * 6

# (kind, key, label): 10 short text, 10 memo, 5 lookup, 5 date questions, all required.
THIRTY_QUESTIONS = (
    [("short_text", f"short_{n}", f"Short answer {n}") for n in range(1, 11)]
    + [("memo", f"memo_{n}", f"Long answer {n}") for n in range(1, 11)]
    + [("lookup", f"lookup_{n}", f"Choice {n}") for n in range(1, 6)]
    + [("date", f"date_{n}", f"Date {n}") for n in range(1, 6)]
)


def thirty_answers(lookup_code):
    """A valid answer to each question, as the portal stores it."""
    answers = {}
    for kind, key, label in THIRTY_QUESTIONS:
        if kind == "short_text":
            answers[key] = f"An answer to {label.lower()}"
        elif kind == "memo":
            answers[key] = MEMO_ANSWER
        elif kind == "lookup":
            answers[key] = lookup_code
        else:
            answers[key] = {"day": "14", "month": "3", "year": "2024"}
    return answers


def thirty_question_step():
    fields = []
    for kind, key, label in THIRTY_QUESTIONS:
        if kind == "short_text":
            fields.append(text(key, label))
        elif kind == "memo":
            fields.append(memo(key, label))
        elif kind == "lookup":
            fields.append(f("lookup", key, label, lookup=LOOKUP))
        else:
            fields.append(f("date", key, label, past_only=True))
    return ("Thirty questions", "Every kind of question the peer form asks.", fields)


def bench_form():
    """A published form of one thirty-question step, shared with nobody, so it appears on
    no professional's list."""
    form = EHCFormPage.objects.filter(slug=BENCH_FORM_SLUG).first()
    if form is None:
        form = EHCFormIndexPage.objects.get().add_child(
            instance=EHCFormPage(
                title="Bench: thirty questions",
                slug=BENCH_FORM_SLUG,
                intro="A form for timing one large step.",
                offered_at_stages=[],
                audience=EHCFormPage.Audience.SHARED,
                steps=build_steps(BENCH_FORM_SLUG, [thirty_question_step()], load_lookups()),
                live=False,
            )
        )
        form.save_revision().publish()
        form.refresh_from_db()
    return form


def posted_step(submission_id, step_number, action):
    """A callable giving the POST of one step with every answer valid and the draft's
    current version, read before each request (every save moves the version on)."""
    draft = Submission.objects.get(pk=submission_id)
    fields = draft.definition.step(step_number).answer_fields
    code = load_lookups()[LOOKUP].options.first().code
    data = dict(bind_answers(fields, thirty_answers(code)).lists())

    def post():
        version = Submission.objects.values_list("version", flat=True).get(pk=submission_id)
        return {**data, "version": str(version), "action": action}

    return post


def pages():
    """The annual review's task list and largest step, and the thirty-question step's GET,
    Save and continue and autosave, for the demo professional."""
    professional = User.objects.get(email=DEMO_PROFESSIONAL)
    child = children_visible_to(professional).first()
    details = details_from_account(professional)
    review = start_draft(
        professional, child, EHCFormPage.objects.get(slug="annual-review"), details
    )
    largest = max(review.definition.steps, key=lambda step: len(step.fields))
    thirty = start_draft(professional, child, bench_form(), details)
    client = sign_in_verified(Client(), professional)
    step_url = reverse("ehc_forms:step", args=[thirty.pk, 1])
    return [
        *long_pdf_pages(professional, child, client),
        *submissions_listing_pages(),
        (
            "forms: annual review task list",
            client,
            reverse("ehc_forms:task_list", args=[review.pk]),
        ),
        (
            f"forms: largest demo step ({len(largest.fields)} fields)",
            client,
            reverse("ehc_forms:step", args=[review.pk, largest.number]),
        ),
        ("step of 30 questions, GET", client, step_url, {"versus": "peer GET"}),
        (
            "step of 30, Save and continue",
            client,
            step_url,
            {
                "post": posted_step(thirty.pk, 1, "continue"),
                "queries": 14,
                "versus": "peer POST",
            },
        ),
        (
            "step of 30, autosave",
            client,
            reverse("ehc_forms:autosave", args=[thirty.pk, 1]),
            {"post": posted_step(thirty.pk, 1, "later"), "versus": "peer POST"},
        ),
    ]


def long_pdf_pages(professional, child, client):
    """A sent interim review whose first answer is 200,000 characters long, as a PDF: drawn
    afresh (its kept copy removed before each request; timed in the first round only, as it
    takes seconds), and read from the copy kept by the request before."""
    form = EHCFormPage.objects.get(slug="interim-review")
    draft = start_draft(professional, child, form, details_from_account(professional))
    draft = complete_steps(draft, professional, interim_review_answers(child, "Short."))
    sent = submit(draft.pk, professional, draft.version, form.declaration_texts)
    # The demo forms cap memos far below 200,000 characters; the PDF prints what is stored.
    line = "Zoë moved from Łódź to Cwm; ŵ is a Welsh letter. Lunchtimes are hard.\n"
    long_answers = {**sent.answers, "interim_reason": (line * 3000)[:200_000]}
    Submission.objects.filter(pk=sent.pk).update(answers=long_answers)
    url = reverse("ehc_forms:pdf", args=[sent.pk])
    return [
        (
            "forms: PDF, 200,000 characters, drawn",
            client,
            url,
            {
                "rounds": 1,
                "before": lambda: SubmissionPDF.objects.filter(submission=sent).delete(),
            },
        ),
        ("forms: PDF, 200,000 characters, kept", client, url),
    ]


def submissions_listing_pages():
    """The SEND team's Submissions listing, whole and searched by a child's name, with 300
    sent versions from the bench professional's children: full pages on the small data set,
    as on the large one."""
    professional = bench_professional()
    sent = Submission.objects.filter(author=professional, status=Submission.Status.SUBMITTED)
    already = sent.count()
    form = EHCFormPage.objects.get(slug="annual-review")
    now = timezone.now()
    children = Child.objects.filter(created_by=professional).order_by("pk")
    Submission.objects.bulk_create(
        Submission(
            form=form,
            revision_id=form.live_revision_id,
            child=child,
            author=professional,
            status=Submission.Status.SUBMITTED,
            reference=f"BENCH-{n:06d}",
            submitted_at=now - datetime.timedelta(minutes=n),
        )
        for n, child in enumerate(children[already:SENT_VERSIONS], start=already)
    )
    officer = sign_in_verified(Client(), send_officer())
    listing = reverse("submissions:index")
    return [
        # 13 queries each: Wagtail's listing of a model (12, as the other admin listings) and
        # the choices of its Form filter.
        ("admin: Submissions", officer, listing, {"queries": 13, "versus": "snippets"}),
        ("admin: Submissions, search", officer, f"{listing}?q=Family001", {"queries": 13}),
    ]

"""Pages `make bench` times for this area: the largest demo form's task list and step, and
the PDF of a sent form with a 200,000-character answer."""

from django.test import Client
from django.urls import reverse

from ehc_forms.demo import DEMO_PROFESSIONAL, complete_steps, interim_review_answers
from ehc_forms.models import EHCFormPage, Submission
from ehc_forms.saving import details_from_account, start_draft
from ehc_forms.submitting import submit
from portal_pages.accounts.models import User
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.children.access import children_visible_to


def bench_pages():
    """The annual review's task list and its largest step, for the demo professional."""
    professional = User.objects.get(email=DEMO_PROFESSIONAL)
    form = EHCFormPage.objects.get(slug="annual-review")
    child = children_visible_to(professional).first()
    draft = start_draft(professional, child, form, details_from_account(professional))
    largest = max(draft.definition.steps, key=lambda step: len(step.fields))
    client = sign_in_verified(Client(), professional)
    return [
        *long_pdf_pages(professional, child, client),
        ("forms: annual review task list", client, reverse("ehc_forms:task_list", args=[draft.pk])),
        (
            f"forms: largest step ({len(largest.fields)} fields)",
            client,
            reverse("ehc_forms:step", args=[draft.pk, largest.number]),
        ),
    ]


def long_pdf_pages(professional, child, client):
    """A sent interim review whose first answer is 200,000 characters long, as a PDF."""
    form = EHCFormPage.objects.get(slug="interim-review")
    draft = start_draft(professional, child, form, details_from_account(professional))
    draft = complete_steps(draft, professional, interim_review_answers(child, "Short."))
    sent = submit(draft.pk, professional, draft.version, form.declaration_texts)
    # The demo forms cap memos far below 200,000 characters; the PDF prints what is stored.
    line = "Zoë moved from Łódź to Cwm; ŵ is a Welsh letter. Lunchtimes are hard.\n"
    long_answers = {**sent.answers, "interim_reason": (line * 3000)[:200_000]}
    Submission.objects.filter(pk=sent.pk).update(answers=long_answers)
    return [
        (
            "forms: PDF, 200,000-character answer",
            client,
            reverse("ehc_forms:pdf", args=[sent.pk]),
            3,
        )
    ]

"""Pages `make bench` times for this area: the largest demo form's task list and step."""

from django.test import Client
from django.urls import reverse

from ehc_forms.demo import DEMO_PROFESSIONAL
from ehc_forms.models import EHCFormPage
from ehc_forms.saving import details_from_account, start_draft
from portal_pages.accounts.models import User
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.children.access import children_visible_to


def pages():
    """The annual review's task list and its largest step, for the demo professional."""
    professional = User.objects.get(email=DEMO_PROFESSIONAL)
    form = EHCFormPage.objects.get(slug="annual-review")
    child = children_visible_to(professional).first()
    draft = start_draft(professional, child, form, details_from_account(professional))
    largest = max(draft.definition.steps, key=lambda step: len(step.fields))
    client = sign_in_verified(Client(), professional)
    return [
        ("forms: annual review task list", client, reverse("ehc_forms:task_list", args=[draft.pk])),
        (
            f"forms: largest step ({len(largest.fields)} fields)",
            client,
            reverse("ehc_forms:step", args=[draft.pk, largest.number]),
        ),
    ]

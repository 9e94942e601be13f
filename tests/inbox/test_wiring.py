"""The events other areas raise reach the inbox through their real code paths: approval
through the accounts area's Registrations bulk action and its `decide` function, a stage
change through the children area's case editing in the admin."""

from django.urls import reverse

from portal_pages.accounts import services
from portal_pages.accounts.models import User
from portal_pages.inbox.models import Message
from portal_pages.inbox.tasks import EMAIL_SUBJECT


def alerts(mailoutbox):
    return [email for email in mailoutbox if email.subject == EMAIL_SUBJECT]


def case_form(case, **changes):
    """What the case edit form posts: the case as it is, with `changes`."""
    fields = ["reference", "given_name", "family_name", "date_of_birth", "upn", "nhs_number"]
    fields += ["home_postcode", "stage", "request_received_on"]
    data = {field: getattr(case, field) for field in fields}
    data.update(changes)
    return {key: "" if value is None else str(value) for key, value in data.items()}


def test_approving_a_registration_in_the_admin_sends_one_welcome(
    officer_client, make_professional, mailoutbox
):
    waiting = make_professional(status=User.Status.EMAIL_CONFIRMED)
    url = reverse("wagtail_bulk_action", args=["accounts", "registration", "approve"])

    response = officer_client.post(f"{url}?id={waiting.pk}")

    assert response.status_code == 302
    message = Message.objects.get()
    assert message.recipient == waiting and message.subject == "Welcome to the Professional Portal"
    assert message.link_url == "/children/"
    assert [email.to for email in alerts(mailoutbox)] == [[waiting.email]]


def test_approving_again_after_a_rejection_does_not_welcome_twice(make_professional, send_officer):
    user = make_professional(status=User.Status.EMAIL_CONFIRMED)
    services.decide(services.APPROVE, user, by=send_officer)
    User.objects.filter(pk=user.pk).update(status=User.Status.REJECTED)
    user.refresh_from_db()

    services.decide(services.APPROVE, user, by=send_officer)

    assert Message.objects.filter(recipient=user).count() == 1


def test_rejecting_or_suspending_sends_no_message(make_professional, send_officer):
    user = make_professional(status=User.Status.EMAIL_CONFIRMED)
    services.decide(services.REJECT, user, by=send_officer, reason="Not a professional")

    assert not Message.objects.exists()


def test_changing_a_cases_stage_in_the_admin_messages_each_linked_professional_once(
    officer_client, ehc_case, linked_records, mailoutbox, django_capture_on_commit_callbacks
):
    data = case_form(ehc_case, stage="assessment", decision_on="2027-02-20")

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("ehc-cases:edit", args=[ehc_case.pk]), data)

    assert response.status_code == 302
    messages = Message.objects.order_by("recipient_id")
    assert [(m.recipient, m.child) for m in messages] == [
        (record.created_by, record) for record in linked_records
    ]
    assert "from Decision to assess to Assessment" in messages[0].body
    assert sorted(e.to[0] for e in alerts(mailoutbox)) == sorted(
        record.created_by.email for record in linked_records
    )


def test_saving_a_case_without_a_stage_change_sends_nothing(
    officer_client, ehc_case, linked_records, django_capture_on_commit_callbacks
):
    data = case_form(ehc_case, family_name="Lovelace-Smith")

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("ehc-cases:edit", args=[ehc_case.pk]), data)

    assert response.status_code == 302
    assert not Message.objects.exists()

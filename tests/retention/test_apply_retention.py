"""`manage.py apply_retention` through the real stack: records aged by setting their
timestamps in the database, the command run as cron runs it, and what is left (rows, inbox,
outbox, logs) checked afterwards."""

import io
import logging

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from ehc_forms.models import Document, Submission
from portal_pages.accounts.emails import email_user, send_account_email
from portal_pages.accounts.models import User
from portal_pages.children.models import Child
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message
from retention.models import RetentionSettings
from tests.factories import TEST_PASSWORD
from tests.retention.clock import ago


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def age_draft(draft, **period):
    Submission.objects.filter(pk=draft.pk).update(updated_at=ago(**period))


def age_warning(draft, **period):
    Submission.objects.filter(pk=draft.pk).update(expiry_warned_at=ago(**period))


@pytest.fixture
def author(make_professional):
    return make_professional(full_name="Wilhelmina Quarrington", email="wq@oakfield.sch.uk")


@pytest.fixture
def child(make_child, author):
    return make_child(author, given_name="Barnaby", family_name="Fitzgerald-Oduya")


PERSONAL = ["Wilhelmina", "Quarrington", "wq@oakfield", "Barnaby", "Fitzgerald", "Zephyr"]


def assert_no_personal_data(text):
    for word in PERSONAL:
        assert word not in text, word


# Drafts -----------------------------------------------------------------------------------


def test_a_draft_untouched_for_nearly_a_year_warns_its_author_once(author, child, make_draft):
    draft = make_draft(author, child)
    age_draft(draft, months=11, days=5)
    mail.outbox.clear()

    output = run()

    assert f"Warn the author of draft form {draft.pk}" in output
    message = Message.objects.get(recipient=author)
    assert message.subject.startswith("Your draft Professional advice for Barnaby")
    assert message.link_url == reverse("ehc_forms:task_list", args=[draft.pk])
    assert message.category == Message.Category.ACTION
    # The email only says a message is waiting.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["wq@oakfield.sch.uk"]
    assert_no_personal_data(mail.outbox[0].subject + mail.outbox[0].body.replace("wq@", ""))
    assert Submission.objects.filter(pk=draft.pk).exists()

    # Daily, and again the same day: no second warning, no second email.
    assert "0 actions" in run()
    assert "0 actions" in run()
    assert Message.objects.filter(recipient=author).count() == 1
    assert len(mail.outbox) == 1


def test_a_draft_is_deleted_a_year_after_its_last_save_once_warned_long_enough(
    author, child, make_draft, caplog
):
    draft = make_draft(author, child)
    document = Document.objects.create(
        submission=draft, name="Barnaby report.pdf", size=4, kind="pdf", content_type="x"
    )
    document.file.save("report", ContentFile(b"%PDF"), save=True)
    stored = document.file.name
    age_draft(draft, months=12)
    run()
    assert Message.objects.filter(recipient=author).count() == 1

    # Not yet: the author was told only today, and gets the full 30 days.
    assert "0 actions" in run()
    assert Submission.objects.filter(pk=draft.pk).exists()

    age_warning(draft, days=30)
    with caplog.at_level(logging.INFO):
        output = run()

    assert f"Delete draft form {draft.pk}" in output
    assert not Submission.objects.filter(pk=draft.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not document.file.storage.exists(stored)
    # The warning was about the draft: it goes with it.
    assert not Message.objects.filter(recipient=author).exists()
    assert Child.objects.filter(pk=child.pk).exists()
    entry = ModelLogEntry.objects.get(action="ehc_forms.delete_answers", object_id=str(draft.pk))
    assert entry.label == f"Form answers {draft.pk}"
    assert entry.data["reason"].startswith("draft untouched for 12 months")
    assert entry.data["child_id"] == child.pk
    assert f"draft form answers {draft.pk}" in caplog.text
    assert_no_personal_data(caplog.text + output + entry.label + str(entry.data))

    assert "0 actions" in run()


def test_opening_the_draft_keeps_it(author, child, make_draft, client, sign_in):
    draft = make_draft(author, child)
    age_draft(draft, months=12)
    run()
    age_warning(draft, days=31)

    task_list = sign_in(client, author).get(reverse("ehc_forms:task_list", args=[draft.pk]))
    assert task_list.status_code == 200

    assert "0 actions" in run()
    assert Submission.objects.filter(pk=draft.pk).exists()
    # Untouched again for eleven months since that opening: a new warning, once.
    Submission.objects.filter(pk=draft.pk).update(
        updated_at=ago(months=23), expiry_warned_at=ago(months=12), opened_at=ago(months=11, days=5)
    )
    run()
    run()
    assert Message.objects.filter(recipient=author).count() == 2


def test_a_colleague_opening_the_draft_does_not_keep_it(
    author, child, make_draft, make_professional, sign_in, client
):
    from portal_pages.children import teams

    teams.set_sharing(child, True, author)
    draft = make_draft(author, child)
    age_draft(draft, months=12)
    run()
    age_warning(draft, days=30)
    colleague = make_professional()
    assert (
        sign_in(client, colleague).get(reverse("ehc_forms:task_list", args=[draft.pk])).status_code
        == 200
    )

    run()
    assert not Submission.objects.filter(pk=draft.pk).exists()


def test_saving_the_draft_keeps_it(author, child, make_draft):
    from ehc_forms.demo import complete_steps

    draft = make_draft(author, child)
    age_draft(draft, months=12)
    run()
    age_warning(draft, days=30)
    complete_steps(Submission.objects.get(pk=draft.pk), author, {"known_as": "Barney"})

    assert "0 actions" in run()
    assert Submission.objects.filter(pk=draft.pk).exists()


def test_submitted_forms_are_kept(author, child, make_submitted):
    sent = make_submitted(author, child)
    Submission.objects.filter(pk=sent.pk).update(updated_at=ago(years=10))
    Child.objects.filter(pk=child.pk).update(last_activity_at=ago(years=10))

    assert "0 actions" in run()
    assert Submission.objects.filter(pk=sent.pk).exists()
    assert Child.objects.filter(pk=child.pk).exists()


# Child records ----------------------------------------------------------------------------


def test_an_inactive_unlinked_child_record_is_deleted_with_its_drafts_and_messages(
    author, child, make_draft, make_child, make_case, caplog
):
    draft = make_draft(author, child)
    send_message(author, "About Barnaby", "Barnaby's review is on Friday.", child=child)
    Child.objects.filter(pk=child.pk).update(last_activity_at=ago(years=3))
    linked = make_child(author, ehc_case=make_case())
    recent = make_child(author)
    Child.objects.filter(pk=linked.pk).update(last_activity_at=ago(years=5))
    Child.objects.filter(pk=recent.pk).update(last_activity_at=ago(years=2, months=11))

    with caplog.at_level(logging.INFO):
        output = run()

    assert f"Delete child record {child.pk}" in output
    assert not Child.objects.filter(pk=child.pk).exists()
    assert not Submission.objects.filter(pk=draft.pk).exists()
    assert not Message.objects.filter(recipient=author).exists()
    assert set(Child.objects.values_list("pk", flat=True)) == {linked.pk, recent.pk}
    entries = ModelLogEntry.objects.filter(object_id=str(child.pk), action="children.delete_child")
    assert [entry.label for entry in entries] == [f"Child record {child.pk}"]
    assert f"Deleted child record {child.pk}: no activity for 36 months" in caplog.text
    assert_no_personal_data(caplog.text + output)
    assert "0 actions" in run()


def test_viewing_a_child_left_no_name_in_the_log_once_it_is_deleted(author, child, sign_in, client):
    sign_in(client, author).get(reverse("children:home", args=[child.pk]))
    Child.objects.filter(pk=child.pk).update(last_activity_at=ago(years=3))

    run()

    labels = set(
        ModelLogEntry.objects.filter(object_id=str(child.pk)).values_list("label", flat=True)
    )
    assert labels == {f"Child record {child.pk}"}


def test_the_periods_come_from_the_settings(author, child):
    Child.objects.filter(pk=child.pk).update(last_activity_at=ago(months=13))
    assert "0 actions" in run()

    settings = RetentionSettings.load()
    settings.child_record_months = 12
    settings.save()

    assert f"Delete child record {child.pk}: no activity for 12 months" in run()


# Accounts ---------------------------------------------------------------------------------


def test_a_long_suspended_account_is_anonymised_and_cannot_sign_in(
    make_professional, sign_in, client, caplog
):
    suspended = make_professional(
        full_name="Ottoline Venables",
        email="ov@oakfield.sch.uk",
        phone="01632 960123",
        job_title="Head of inclusion",
    )
    sign_in(client, suspended)
    send_message(suspended, "Hello", "A message for Ottoline.")
    User.objects.filter(pk=suspended.pk).update(
        status=User.Status.SUSPENDED, status_changed_at=ago(months=12), status_reason="Left"
    )
    rejected = make_professional(status=User.Status.REJECTED)
    User.objects.filter(pk=rejected.pk).update(status_changed_at=ago(months=11))

    with caplog.at_level(logging.INFO):
        output = run()

    suspended.refresh_from_db()
    assert f"Anonymise account {suspended.pk}" in output
    assert suspended.full_name == f"Anonymised account {suspended.pk}"
    assert suspended.email == f"anonymised-{suspended.pk}@anonymised.invalid"
    assert (suspended.phone, suspended.job_title, suspended.status_reason) == ("", "", "")
    assert not suspended.is_active and not suspended.has_usable_password()
    assert authenticate(email="ov@oakfield.sch.uk", password=TEST_PASSWORD) is None
    assert authenticate(email=suspended.email, password=TEST_PASSWORD) is None
    # The session opened before is over.
    assert client.get(reverse("children:index")).status_code == 302
    assert not Message.objects.filter(recipient=suspended).exists()
    assert not ModelLogEntry.objects.filter(label__contains="Ottoline").exists()
    for word in ("Ottoline", "Venables", "ov@oakfield", "01632", "inclusion"):
        assert word not in caplog.text + output
    # The rejection was only 11 months ago.
    rejected.refresh_from_db()
    assert rejected.anonymised_at is None

    anonymised_at = suspended.anonymised_at
    assert "0 actions" in run()
    suspended.refresh_from_db()
    assert suspended.anonymised_at == anonymised_at


def test_an_approved_account_is_never_anonymised(make_professional):
    approved = make_professional()
    User.objects.filter(pk=approved.pk).update(status_changed_at=ago(years=5))
    assert "0 actions" in run()


# Dry run ----------------------------------------------------------------------------------


def test_a_dry_run_prints_everything_and_changes_nothing(
    author, child, make_draft, make_child, make_professional
):
    to_warn = make_draft(author, child)
    age_draft(to_warn, months=11, days=5)
    old_child = make_child(author)
    Child.objects.filter(pk=old_child.pk).update(last_activity_at=ago(years=4))
    suspended = make_professional(status=User.Status.SUSPENDED)
    User.objects.filter(pk=suspended.pk).update(status_changed_at=ago(years=2))
    mail.outbox.clear()
    messages_before = Message.objects.count()

    output = run("--dry-run")

    assert f"Would: Warn the author of draft form {to_warn.pk}" in output
    assert f"Would: Delete child record {old_child.pk}" in output
    assert f"Would: Anonymise account {suspended.pk}" in output
    assert "Would do: 3 actions in all." in output
    assert Child.objects.filter(pk=old_child.pk).exists()
    assert Submission.objects.get(pk=to_warn.pk).expiry_warned_at is None
    assert User.objects.get(pk=suspended.pk).anonymised_at is None
    assert Message.objects.count() == messages_before
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action__in=["children.delete_child"]).exists()

    # A dry run after a warning lists the deletion, and still deletes nothing.
    run()
    age_warning(to_warn, days=30)
    age_draft(to_warn, months=12)
    assert f"Would: Delete draft form {to_warn.pk}" in run("--dry-run")
    assert Submission.objects.filter(pk=to_warn.pk).exists()


def test_anonymising_forgets_the_account_emails_kept_in_the_task_queue(settings, make_professional):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    suspended = make_professional(full_name="Perpetua Gone", email="pg@oakfield.sch.uk")
    other = make_professional()
    email_user(suspended, "decision_suspend", reason="Left the school")
    email_user(other, "decision_suspend", reason="Left the school")
    sent = DBTaskResult.objects.filter(task_path=send_account_email.module_path)
    sent.update(status=TaskResultStatus.SUCCESSFUL)
    User.objects.filter(pk=suspended.pk).update(
        status=User.Status.SUSPENDED, status_changed_at=ago(months=12)
    )

    run()

    assert [result.args_kwargs["args"][1] for result in sent] == [[other.email]]

"""The messages the portal sends by itself when something happens, one function per event.

Each says what happened and what to do next, in the inbox, and goes through `send_message`
(so it is emailed without its content). Where an event could be reported twice (a repeated
signal, a double-clicked submit, the daily reminders run again) a `dedupe_key` names the
event, so the professional still gets exactly one message.

Other areas call these through Django signals (approval, stage changes; see `signals.py`)
or directly (the forms area, on submission and when the SEND team shares a form).
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from portal_pages.children.reminders import key_dates_due
from portal_pages.children.stages import Stage
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message

ACTION = Message.Category.ACTION


def _long_date(date):
    return f"{date:%-d %B %Y}"


def welcome_approved_professional(user):
    """Registration approved: welcome, and the three things to do first."""
    return send_message(
        user,
        "Welcome to the Professional Portal",
        "The SEND team has approved your registration, so you can now use the portal.\n\n"
        "To get started:\n"
        "1. Add the children and young people you support, from your SEND home page.\n"
        "2. Open a child's record to see their EHC stage and key dates, and to start a "
        "form such as a request for an EHC needs assessment.\n"
        "3. Check your messages: the SEND team will write to you here, and we email you "
        "whenever a new message arrives.\n\n"
        "Each time you sign in we email you a security code. Forms save as you type, so "
        "you can complete them over several sittings.",
        link_url=reverse("children:index"),
        link_text="Go to your SEND home page",
        dedupe_key="welcome",
    )


def child_link(child):
    """The child's page in the portal, for messages about them."""
    return reverse("children:home", args=[child.pk]), f"Open {child}'s record"


def notify_stage_changed(case, old_stage, new_stage):
    """The SEND team moved an EHC case on: tell each professional whose child record is
    linked to it, about their own record. Returns the messages sent."""
    new_label = Stage(new_stage).label
    moved_from = f" from {Stage(old_stage).label}" if old_stage else ""
    sent = []
    # A record whose child moved on to another setting hears nothing more about the case.
    for child in case.child_records.current().select_related("created_by"):
        link_url, link_text = child_link(child)
        sent.append(
            send_message(
                child.created_by,
                f"{child}'s EHC stage is now {new_label}",
                f"The SEND team has moved {child}'s education, health and care (EHC) "
                f"case{moved_from} to {new_label}.\n\n"
                "Open the child's record to see what this stage means and the key dates "
                "that come next. You do not need to reply to this message.",
                child=child,
                link_url=link_url,
                link_text=link_text,
            )
        )
    return sent


def notify_handover(recipient, *, leaver, receiver, records):
    """A leaver's work was handed over: tell the colleague who received it or, when it
    became shared with the team, each colleague in the team."""
    count = f"{records} child record{'s' if records != 1 else ''}"
    if receiver is None:
        subject = f"{leaver.full_name}'s work is now shared with your team"
        body = (
            f"{leaver.full_name} has left. Their {count} and the forms they had started are "
            "now shared with everyone in your team, so any of you can carry them on."
        )
    else:
        subject = f"{leaver.full_name}'s work has been handed over to you"
        body = (
            f"{leaver.full_name} has left. Their {count} and the forms they had started "
            "are now yours. Forms they wrote still show them as the author."
        )
    return send_message(
        recipient,
        subject,
        f"{body}\n\nYou will find the children in your SEND home.",
        link_url=reverse("children:index"),
        link_text="Go to your SEND home page",
    )


def key_date_reminder(key_date, today):
    """One reminder for one key date of one professional's child record. Sent at most
    once while it is due soon and once when it becomes overdue, however often it runs."""
    child = key_date.child
    when = "overdue" if key_date.overdue else "due-soon"
    if key_date.overdue:
        subject = f"Overdue: {key_date.label} for {child}"
        opening = f"{key_date.label} for {child} was due on {_long_date(key_date.due)}."
    else:
        days = (key_date.due - today).days
        in_days = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        subject = f"Due {in_days}: {key_date.label} for {child}"
        opening = f"{key_date.label} for {child} is due on {_long_date(key_date.due)}."
    link_url, link_text = child_link(child)
    return send_message(
        child.created_by,
        subject,
        f"{opening}\n\nIf you are involved in this step, please make sure your part is "
        "done. If it is already done, the SEND team may not have recorded it yet: you can "
        "ignore this message or contact them.",
        category=ACTION,
        due=key_date.due,
        child=child,
        link_url=link_url,
        link_text=link_text,
        dedupe_key=f"keydate:{child.pk}:{slugify(key_date.label)[:80]}:{key_date.due}:{when}",
    )


def send_key_date_reminders(today=None, within_days=14):
    """Remind professionals of key dates due within `within_days` or overdue. Safe to run
    as often as you like: each reminder is sent once. Returns how many were sent."""
    today = today or timezone.localdate()
    return sum(
        1
        for key_date in key_dates_due(today, within_days=within_days)
        if key_date_reminder(key_date, today) is not None
    )


def notify_form_submitted(recipient, *, form_name, reference, link_url, child=None):
    """A professional submitted a form: confirm it, with its reference and a link to it.

    The forms area calls this once the submission is saved, with the submission's URL.
    """
    about = f" for {child}" if child else ""
    return send_message(
        recipient,
        f"{form_name} submitted: reference {reference}",
        f"We have received your {form_name}{about}. Your reference is {reference}.\n\n"
        "The SEND team will review it and will message you here if they need anything "
        "else. You can read and download a copy of what you submitted at any time.",
        child=child,
        link_url=link_url,
        link_text=f"View your {form_name}",
        dedupe_key=f"form-submitted:{reference}",
    )


def notify_form_status_changed(
    recipient, *, form_name, reference, status, action_needed, link_url, dedupe_key, child=None
):
    """The SEND team moved a submitted form on. Action needed is an action request with
    what they need; the link opens the form, whose Edit starts the next version."""
    about = f" for {child}" if child else ""
    if action_needed:
        return send_message(
            recipient,
            f"Action needed on {form_name} {reference}",
            f"The SEND team needs something more on your {form_name}{about} "
            f"(reference {reference}):\n\n{action_needed}\n\n"
            "Open the form and choose Edit to change it and send it again.",
            category=ACTION,
            child=child,
            link_url=link_url,
            link_text=f"Open your {form_name}",
            dedupe_key=dedupe_key,
        )
    return send_message(
        recipient,
        f"{form_name} {reference}: {status}",
        f"The SEND team has set the status of your {form_name}{about} (reference "
        f"{reference}) to {status}. You do not need to do anything.",
        child=child,
        link_url=link_url,
        link_text=f"View your {form_name}",
        dedupe_key=dedupe_key,
    )


def notify_form_shared(
    recipient,
    *,
    share_id,
    form_name,
    link_url,
    child=None,
    shared_by=None,
    due=None,
    action=True,
):
    """The SEND team shared a form with a professional, usually to complete their part
    (`action=True`, with an optional due date) or only to read (`action=False`).

    The forms area calls this when it saves a share, with the share's id (one message per
    share, however often it is saved) and the URL the professional opens.
    """
    about = f" for {child}" if child else ""
    ask = (
        f"Please complete your part{f' by {_long_date(due)}' if due else ''}."
        if action
        else "It is shared for you to read; you do not need to change it."
    )
    return send_message(
        recipient,
        f"{form_name} shared with you",
        f"The SEND team has shared the {form_name}{about} with you. {ask}",
        category=ACTION if action else Message.Category.INFORMATION,
        due=due if action else None,
        child=child,
        link_url=link_url,
        link_text=f"Open the {form_name}",
        sender=shared_by,
        dedupe_key=f"form-shared:{share_id}",
    )


def notify_draft_expiring(recipient, *, form_name, child, deletes_on, link_url, dedupe_key):
    """A draft nobody has touched for a long time will be deleted: tell its author how to
    keep it. The forms area calls this once per untouched spell (`dedupe_key` names it)."""
    return send_message(
        recipient,
        f"Your draft {form_name} for {child} will be deleted on {_long_date(deletes_on)}",
        f"Nobody has changed or opened your draft {form_name} for {child} for a long "
        f"time. We do not keep personal information longer than we need it, so the draft "
        f"will be deleted on {_long_date(deletes_on)}.\n\n"
        "If you still need it, open the draft before then: that keeps it. If you no longer "
        "need it, you do not need to do anything.",
        category=ACTION,
        due=deletes_on,
        link_url=link_url,
        link_text=f"Open your draft {form_name}",
        dedupe_key=dedupe_key,
    )

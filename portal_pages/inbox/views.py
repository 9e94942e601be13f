"""The professional's inbox: the list with its filters, one message, archive and restore."""

from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal_pages.accounts.access import professional_required
from portal_pages.govuk.rows import ListDates, url_for_id
from portal_pages.inbox.counts import inbox_counts
from portal_pages.inbox.models import Message

PER_PAGE = 25

# The filters the list offers, in the order they are shown: (value, label, queryset method).
FILTERS = [
    ("", "All current", "current"),
    ("unread", "Unread", "unread"),
    ("action", "Action needed", "action_needed"),
    ("archived", "Archived", "archived"),
]


@professional_required
def inbox(request):
    """The list of the signed-in professional's messages, newest first, 25 a page."""
    chosen = request.GET.get("show", "")
    value, label, method = next((f for f in FILTERS if f[0] == chosen), FILTERS[0])
    counts = inbox_counts(request)
    messages = getattr(Message.objects.for_recipient(request.user), method)()
    paginator = Paginator(
        messages.select_related("sender").only(
            "subject",
            "category",
            "due",
            "created",
            "read_at",
            "archived_at",
            "sender__full_name",
            "sender__email",
        ),
        PER_PAGE,
    )
    # The header's counts already hold every filter's total but the archived one: spare the
    # database counting it again for the pages.
    if value != "archived":
        paginator.count = counts[value or "current"]
    page = paginator.get_page(request.GET.get("page"))
    filters = [
        {
            "value": f_value,
            "label": f_label,
            "href": f"?show={f_value}" if f_value else "?",
            "count": counts.get(f_value),
            "current": f_value == value,
        }
        for f_value, f_label, _ in FILTERS
    ]
    return render(
        request,
        "inbox/inbox.html",
        {
            "page_obj": page,
            "rows": inbox_rows(page.object_list),
            "filters": filters,
            "filter_label": label,
            "show": value,
            "counts": counts,
        },
    )


def message_status(message, today, dates):
    """The tag a message carries in the inbox and on its own page, and what it says of the
    due date: {"label", "colour", "note"}."""
    if message.is_archived:
        return {"label": "Archived", "colour": "grey", "note": ""}
    if message.needs_action:
        overdue = message.due is not None and message.due < today
        note = ""
        if message.due:
            note = f"{'was due' if overdue else 'by'} {dates.long(message.due)}"
        if overdue:
            return {"label": "Overdue", "colour": "red", "note": note}
        return {"label": "Action needed", "colour": "orange", "note": note}
    if not message.is_read:
        return {"label": "New", "colour": "blue", "note": ""}
    return {"label": "Read", "colour": "grey", "note": ""}


def inbox_rows(messages):
    """The inbox's rows as values ready to print: a `{% url %}`, three `date` filters and
    an include for each of 25 rows took more time than the rest of the page."""
    message_url = url_for_id("inbox:message")
    dates = ListDates()
    today = timezone.localdate()
    rows = []
    for message in messages:
        received = timezone.localtime(message.created)
        rows.append(
            {
                "url": message_url(message.pk),
                "subject": message.subject,
                "read": message.is_read,
                "sender": message.sender_name,
                "received_iso": received.isoformat(),
                "received": f"{dates.short(received)}, {dates.time(received)}",
                "status": message_status(message, today, dates),
            }
        )
    return rows


def _own_message_or_404(request, pk):
    """Another professional's message answers 404, never 403, so its existence is hidden."""
    return get_object_or_404(
        Message.objects.select_related("sender", "child"), pk=pk, recipient=request.user
    )


@professional_required
def message_detail(request, pk):
    """One message; opening it marks it read."""
    message = _own_message_or_404(request, pk)
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    status = message_status(message, timezone.localdate(), ListDates())
    return render(request, "inbox/message.html", {"message": message, "status": status})


def _change_and_return(request, pk, field, value, notice, destination):
    message = _own_message_or_404(request, pk)
    setattr(message, field, value)
    message.save(update_fields=[field])
    flash.success(request, notice)
    return redirect(destination or message.get_absolute_url())


@require_POST
@professional_required
def archive(request, pk):
    """Move a message out of the current list; it stays under Archived."""
    return _change_and_return(
        request, pk, "archived_at", timezone.now(), "Message archived.", "inbox:index"
    )


@require_POST
@professional_required
def restore(request, pk):
    """Bring an archived message back to the current list."""
    return _change_and_return(request, pk, "archived_at", None, "Message restored.", None)


@require_POST
@professional_required
def mark_unread(request, pk):
    """Keep a message in view as unread, to come back to it later."""
    return _change_and_return(
        request, pk, "read_at", None, "Message marked as unread.", "inbox:index"
    )

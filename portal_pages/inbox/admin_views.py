"""The SEND team's message screens in the Wagtail admin: compose, and a listing of what was
sent showing whether each recipient has read it."""

import django_filters
from django.contrib import messages as flash
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from portal_pages.accounts.search import any_part_matching, professionals_matching
from portal_pages.inbox.forms import MESSAGE_CONTENT_FIELDS, ComposeMessageForm
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message

SEND_ACTION = "inbox.send"


class ComposeView(generic.CreateView):
    """Creates one message per recipient through `send_message`, so each copy is emailed
    and logged exactly like any other message."""

    page_title = "Compose"
    submit_button_label = "Send message"
    submit_button_active_label = "Sending…"

    def save_instance(self):
        form = self.form
        sent = []
        for recipient in form.recipients():
            message = send_message(recipient, sender=self.request.user, **form.message_fields())
            log(instance=message, action=SEND_ACTION, user=self.request.user)
            sent.append(message)
        self.sent = sent
        return sent[0]

    def save_action(self):
        count = len(self.sent)
        flash.success(
            self.request,
            ngettext(
                "Message sent to %(count)d professional.",
                "Message sent to %(count)d professionals.",
                count,
            )
            % {"count": count},
        )
        return redirect(self.get_success_url())


def messages_matching(queryset, text):
    """The messages whose subject, or recipient's email or name, holds `text`: what Wagtail's
    search over `search_fields` finds."""
    return any_part_matching(
        queryset,
        Message.objects.filter(subject__icontains=text),
        Message.objects.filter(recipient__in=professionals_matching(text)),
    )


class BoundedCountPaginator(WagtailPaginator):
    """Counts no further than `limit` messages: counting all of a large council's millions
    costs more than the rest of the page, and nobody pages through hundreds of pages of
    messages when a search or filter finds them."""

    limit = 10_000

    @cached_property
    def counted(self):
        return self.object_list[: self.limit + 1].count()

    @cached_property
    def count(self):
        return min(self.counted, self.limit)

    @cached_property
    def items_count_label(self):
        if self.counted > self.limit:
            return f"more than {self.limit:,} {self.verbose_name_plural}"
        return super().items_count_label


class SentMessagesIndexView(generic.IndexView):
    """The listing joins each message's recipient, organisation and sender in one query.
    Unfiltered, it counts at most 10,000; a search or filter says exactly how many match."""

    @property
    def paginator_class(self):
        if self.is_searching or self.is_filtering:
            return WagtailPaginator
        return BoundedCountPaginator

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("recipient__organisation", "sender")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return messages_matching(queryset, self.search_query)


class ReadFilterSet(WagtailFilterSet):
    """Lets the SEND team find who has not yet read an action request."""

    read = django_filters.BooleanFilter(
        field_name="read_at", lookup_expr="isnull", exclude=True, label="Read"
    )

    class Meta:
        model = Message
        fields = ["category"]


class ReadColumn(Column):
    """When the recipient opened the message, or "Not read yet"."""

    cell_template_name = "inbox/admin/read_cell.html"


class MessageViewSet(ModelViewSet):
    """Messages in the admin: compose (one person or a whole organisation) and the listing of
    sent messages with their read status. Messages cannot be edited once sent: the copy in
    the professional's inbox is the record of what they were told."""

    model = Message
    icon = "mail"
    menu_label = "Messages"
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = ComposeView
    index_view_class = SentMessagesIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = ReadFilterSet
    search_fields = ["subject", "recipient__email", "recipient__full_name"]
    list_display = [
        "subject",
        Column("recipient", label="To", accessor="recipient"),
        Column("organisation", label="Organisation", accessor="recipient.organisation"),
        Column("sender_name", label="From"),
        Column("category", label="Type", accessor="get_category_display"),
        DateColumn("created", label="Sent"),
        ReadColumn("read_at", label="Read"),
    ]
    inspect_view_fields = [
        "recipient",
        "sender",
        *MESSAGE_CONTENT_FIELDS,
        "created",
        "read_at",
        "archived_at",
    ]

    def get_form_class(self, for_update=False):
        return ComposeMessageForm


message_viewset = MessageViewSet("inbox_messages")

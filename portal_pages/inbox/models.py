"""Messages to professionals: from the portal itself or from the SEND team."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


def validate_link_url(value):
    """A message may link to a page of the portal or to a web address, never to a script
    (`javascript:`) or another scheme a browser would run."""
    if value.startswith("/") and not value.startswith("//"):
        return
    parts = urlsplit(value)
    if parts.scheme in {"http", "https"} and parts.netloc:
        return
    raise ValidationError(
        "Enter a portal address starting with / or a full web address starting with https://"
    )


class MessageQuerySet(models.QuerySet):
    """The inbox's views of one recipient's messages, kept here so pages, tiles and the
    header count the same way."""

    def for_recipient(self, user):
        return self.filter(recipient=user)

    def current(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def unread(self):
        return self.current().filter(read_at__isnull=True)

    def action_needed(self):
        return self.current().filter(category=Message.Category.ACTION)


class Message(models.Model):
    """One message in one professional's inbox.

    A message sent to a whole organisation is stored once per recipient, so each person's
    read and archived times are their own and the SEND team can see who has read it.
    """

    class Category(models.TextChoices):
        INFORMATION = "information", "Information"
        ACTION = "action", "Action needed"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox_messages"
    )
    # Empty for messages the portal sends by itself (approval, reminders, stage changes).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sent_messages",
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    category = models.CharField(
        max_length=20, choices=Category.choices, default=Category.INFORMATION
    )
    due = models.DateField("due date", null=True, blank=True)
    child = models.ForeignKey(
        "children.Child",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
        help_text="The child the message concerns, if any.",
    )
    link_url = models.CharField(
        "link address",
        max_length=500,
        blank=True,
        validators=[validate_link_url],
        help_text="A page in the portal (starting with /) or a full https:// address.",
    )
    link_text = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    # Set by callers that may run more than once for the same event (the daily reminders),
    # so a repeat creates nothing.
    dedupe_key = models.CharField(max_length=200, blank=True, default="", editable=False)

    objects = MessageQuerySet.as_manager()

    # Registering the admin viewset would otherwise index every message's links to users
    # and children on each save; nothing needs "where is this used" for messages, and
    # opening a message must stay one small update.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            # The inbox list and its archived filter.
            models.Index(fields=["recipient", "archived_at", "-created"], name="inbox_list_idx"),
            # Unread and action-needed counts on every page's header.
            models.Index(fields=["recipient", "read_at", "archived_at"], name="inbox_unread_idx"),
            models.Index(fields=["recipient", "category", "archived_at"], name="inbox_action_idx"),
            # The SEND team's listing of what it sent.
            models.Index(fields=["sender", "-created"], name="inbox_sent_idx"),
            # The SEND team's Messages listing, newest first across every recipient.
            models.Index(fields=["-created", "-id"], name="inbox_newest_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="inbox_message_dedupe_unique",
            )
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("inbox:message", args=[self.pk])

    @property
    def is_read(self):
        return self.read_at is not None

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def needs_action(self):
        return self.category == self.Category.ACTION

    @property
    def is_overdue(self):
        return bool(self.due and self.needs_action and self.due < timezone.localdate())

    @property
    def sender_name(self):
        """What the inbox shows as "From": a SEND team member's name, or the portal."""
        if self.sender_id is None:
            return "Professional Portal"
        return f"{self.sender}, SEND team"

"""The SEND team's compose form in the Wagtail admin."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from portal_pages.accounts.groups import CONTENT_EDITORS, SEND_TEAM
from portal_pages.accounts.models import Organisation, User
from portal_pages.children.access import children_visible_to
from portal_pages.children.models import Child
from portal_pages.inbox.models import Message


def approved_professionals():
    """Who the SEND team can write to: approved, active, and not council staff themselves."""
    return User.objects.filter(status=User.Status.APPROVED, is_active=True).exclude(
        groups__name__in=[SEND_TEAM, CONTENT_EDITORS]
    )


# What a message says, as opposed to whom it goes to: the compose form asks for these and
# the admin's view of a sent message shows them.
MESSAGE_CONTENT_FIELDS = ["subject", "body", "category", "due", "child", "link_url", "link_text"]


class ProfessionalChoiceField(forms.ModelChoiceField):
    """Shows the organisation and email beside each name: two SENDCOs are often both Sam."""

    def label_from_instance(self, user):
        organisation = user.organisation.name if user.organisation_id else "no organisation"
        return f"{user.full_name} ({organisation}, {user.email})"


class ChildChoiceField(forms.ModelChoiceField):
    """Names whose record it is, so the SEND team picks the right professional's record."""

    def label_from_instance(self, child):
        return f"{child} (born {child.date_of_birth:%d/%m/%Y}, record of {child.created_by})"


class ComposeMessageForm(WagtailAdminModelForm):
    """A message to one professional or to every approved member of an organisation.

    A message about a child goes only to the one professional whose record it is: a child's
    name must never reach colleagues who do not hold that child's record.
    """

    PERSON = "person"
    ORGANISATION = "organisation"

    send_to = forms.ChoiceField(
        choices=[(PERSON, "One professional"), (ORGANISATION, "Everyone in an organisation")],
        widget=forms.RadioSelect,
        initial=PERSON,
    )
    recipient = ProfessionalChoiceField(
        queryset=approved_professionals().select_related("organisation"),
        required=False,
        label="Professional",
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        help_text="Every approved member receives their own copy.",
    )
    child = ChildChoiceField(
        queryset=Child.objects.select_related("created_by"),
        required=False,
        label="About a child",
        help_text="Only for a message to one professional, about a child in their records.",
    )

    class Meta:
        model = Message
        fields = ["send_to", "recipient", "organisation", *MESSAGE_CONTENT_FIELDS]
        widgets = {"category": forms.RadioSelect, "due": AdminDateInput}
        labels = {"category": "Type of message"}
        help_texts = {"due": "Only for an action request: the date you need it done by."}

    def clean(self):
        cleaned = super().clean()
        send_to = cleaned.get("send_to")
        if send_to == self.PERSON and not cleaned.get("recipient"):
            self.add_error("recipient", "Choose the professional to send the message to.")
        if send_to == self.ORGANISATION:
            organisation = cleaned.get("organisation")
            if not organisation:
                self.add_error("organisation", "Choose the organisation to send the message to.")
            elif not approved_professionals().filter(organisation=organisation).exists():
                self.add_error("organisation", "This organisation has no approved members yet.")
            if cleaned.get("child"):
                self.add_error(
                    "child",
                    "A message about a child can only go to the professional whose "
                    "record it is. Send it to one professional.",
                )
        child, recipient = cleaned.get("child"), cleaned.get("recipient")
        if (
            send_to == self.PERSON
            and child
            and recipient
            and not children_visible_to(recipient).filter(pk=child.pk).exists()
        ):
            self.add_error("child", f"This child is not in {recipient}'s records.")
        if cleaned.get("due") and cleaned.get("category") != Message.Category.ACTION:
            self.add_error("due", "Only an action request has a due date.")
        if cleaned.get("link_text") and not cleaned.get("link_url"):
            self.add_error("link_url", "Enter the address the link text points to.")
        return cleaned

    def recipients(self):
        """Everyone the message goes to, once the form is valid."""
        if self.cleaned_data["send_to"] == self.PERSON:
            return [self.cleaned_data["recipient"]]
        return list(approved_professionals().filter(organisation=self.cleaned_data["organisation"]))

    def message_fields(self):
        """The keyword arguments for `send_message` (subject and body included), the same
        for every recipient's copy."""
        return {name: self.cleaned_data[name] for name in MESSAGE_CONTENT_FIELDS}

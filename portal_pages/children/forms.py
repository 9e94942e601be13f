"""Forms of the children area, written for GOV.UK Frontend's error messages and date input."""

import datetime
import re

from dateutil.relativedelta import relativedelta
from django import forms
from django.db.models import Q
from django.utils import timezone

from portal_pages.accounts.validators import validate_visible_name
from portal_pages.children import validators
from portal_pages.children.access import children_visible_to
from portal_pages.children.models import Child
from portal_pages.govuk import widgets as govuk
from portal_pages.govuk.fields import DateField
from portal_pages.govuk.forms import GovukForm, GovukFormMixin, GovukModelForm

#: The 0 to 25 service: a child record may not be for anyone older than this.
MAX_AGE_YEARS = 25


#: The details a professional records about a child, in the order forms ask for them.
CHILD_DETAIL_FIELDS = [
    "given_name",
    "family_name",
    "date_of_birth",
    "gender",
    "upn",
    "nhs_number",
    "home_postcode",
    "setting",
]


class ChildForm(GovukModelForm):
    """Add or correct a child record."""

    date_of_birth = DateField(
        name="Date of birth",
        label="Date of birth",
        help_text="For example, 27 3 2016",
        earliest_year=1,
        error_messages={"required": "Enter date of birth"},
    )
    # Declared here, longer than the stored forms, so the spaces people type are accepted
    # and removed before the model's own checks see the value.
    upn = forms.CharField(
        label="Unique pupil number (UPN) (optional)",
        help_text="13 characters, starting with a letter, for example B801200005001",
        required=False,
        max_length=20,
        widget=govuk.TextInput({"class": "govuk-input--width-20", "autocomplete": "off"}),
    )
    nhs_number = forms.CharField(
        label="NHS number (optional)",
        help_text="10 digits, for example 943 476 5919",
        required=False,
        max_length=20,
        widget=govuk.TextInput({"class": "govuk-input--width-10", "autocomplete": "off"}),
    )
    # Optional: a professional may not know where the child lives.
    home_postcode = forms.CharField(
        label="Home postcode (optional)",
        max_length=12,
        widget=govuk.TextInput({"class": "govuk-input--width-10", "autocomplete": "off"}),
        required=False,
    )

    class Meta:
        model = Child
        fields = CHILD_DETAIL_FIELDS
        widgets = {
            "given_name": govuk.TextInput({"autocomplete": "off", "spellcheck": "false"}),
            "family_name": govuk.TextInput({"autocomplete": "off", "spellcheck": "false"}),
            "gender": govuk.Radios,
            "setting": govuk.TextInput({"autocomplete": "off", "spellcheck": "false"}),
        }
        labels = {
            "given_name": "Given name",
            "family_name": "Family name",
            "gender": "Gender (optional)",
            "setting": "Setting attended (optional)",
        }
        help_texts = {
            "setting": "The school, college or early years setting the child attends",
        }
        error_messages = {
            "given_name": {"required": "Enter the child's given name"},
            "family_name": {"required": "Enter the child's family name"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radios need no empty "---------" choice: an optional question is simply left alone.
        self.fields["gender"].choices = Child.Gender.choices
        for name in ("given_name", "family_name"):
            self.fields[name].validators.append(validate_visible_name)

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError("Date of birth must be today or in the past")
        earliest = today - relativedelta(years=MAX_AGE_YEARS)
        if born < earliest:
            raise forms.ValidationError(
                f"Date of birth must be on or after {earliest:%-d %B %Y}: the service is for "
                f"children and young people up to the age of {MAX_AGE_YEARS}"
            )
        return born

    def clean_upn(self):
        return validators.normalise_upn(self.cleaned_data["upn"])

    def clean_nhs_number(self):
        return validators.normalise_nhs_number(self.cleaned_data["nhs_number"])

    def clean_home_postcode(self):
        return validators.normalise_postcode(self.cleaned_data["home_postcode"])

    def likely_duplicates(self, owner):
        """Other records the owner can see (theirs and their team's) with the same name and
        date of birth, which usually means the child is already there."""
        data = self.cleaned_data
        return (
            children_visible_to(owner)
            .filter(
                given_name__iexact=data["given_name"].strip(),
                family_name__iexact=data["family_name"].strip(),
                date_of_birth=data["date_of_birth"],
            )
            .exclude(pk=self.instance.pk)
            .order_by("pk")
        )


PRIVATE, TEAM = "private", "team"


class SharingForm(GovukForm):
    """Who may see and work on one child record."""

    sharing = forms.ChoiceField(
        label="Who can see this record",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who can see this record"},
    )

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sharing"].choices = [
            (PRIVATE, f"Only {child.created_by.full_name}, who added it"),
            (TEAM, f"Everyone in the team at {child.organisation}"),
        ]
        self.initial.setdefault("sharing", TEAM if child.shared_with_team else PRIVATE)


class TeamSettingsForm(GovukForm):
    """The organisation's default for new records, set by a team lead."""

    share_new_records = forms.ChoiceField(
        label="When someone in your team adds a child",
        widget=forms.RadioSelect,
        choices=[
            (TEAM, "Share the new record with the team"),
            (PRIVATE, "Keep the new record private to the person who added it"),
        ],
        error_messages={"required": "Choose what happens to new records"},
    )


class HandoverForm(forms.Form):
    """Where a leaver's work goes: to one colleague, or shared with the whole team."""

    receiver = forms.ChoiceField(
        label="Who should take on their children and forms",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who takes on their work"},
    )
    confirm = forms.BooleanField(
        label="I understand that their account will be suspended and they will no longer "
        "be able to sign in",
        error_messages={"required": "Confirm that their account will be suspended"},
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.colleagues = {str(colleague.pk): colleague for colleague in colleagues}
        self.fields["receiver"].choices = [
            *[(pk, colleague.full_name) for pk, colleague in self.colleagues.items()],
            (TEAM, "Nobody in particular: share everything with the team"),
        ]

    def clean_receiver(self):
        """The chosen colleague, or None for the whole team."""
        return self.colleagues.get(self.cleaned_data["receiver"])


class PortalHandoverForm(GovukFormMixin, HandoverForm):
    """The handover form as a team lead sees it in the portal (the admin draws its own)."""


UPN_SHAPE = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


def person_filter(text):
    """The one "Person" box searches by UPN, date of birth or name, whichever the text looks
    like: a UPN's shape, a date in a usual British form, or else words of the name."""
    text = " ".join(text.split())
    if not text:
        return Q()
    compact = validators.normalise_upn(text)
    if UPN_SHAPE.match(compact):
        return Q(upn=compact)
    for date_format in DATE_FORMATS:
        try:
            return Q(date_of_birth=datetime.datetime.strptime(text, date_format).date())
        except ValueError:
            continue
    condition = Q()
    for word in text.split(" "):
        condition &= Q(given_name__icontains=word) | Q(family_name__icontains=word)
    return condition

"""Forms of the accounts area. Error messages follow the GOV.UK Design System: they say
what to do, without a full stop, and each is shown in the error summary and by its field."""

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal_pages.accounts import lockout
from portal_pages.accounts.emails import send_account_email
from portal_pages.accounts.models import Organisation, RegistrationSettings, User
from portal_pages.accounts.validators import validate_uk_phone, validate_visible_name
from portal_pages.govuk.forms import GovukFormMixin

# Help text shown under the password box, not a password.
PASSWORD_HINT = (
    "Use at least 12 characters. A few unrelated words together make a strong password "  # noqa: S105
    "that is easy to remember. Do not use a password you use somewhere else."
)


def work_email_field(**kwargs):
    return forms.EmailField(
        label="Work email address",
        max_length=254,
        error_messages={
            "required": "Enter your work email address",
            "invalid": "Enter an email address in the correct format, like name@school.sch.uk",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        **kwargs,
    )


def check_work_email(request, email):
    """Lower-case the address and apply the SEND team's domain rules to it."""
    email = email.strip().lower()
    problem = RegistrationSettings.for_request(request).email_domain_problem(email)
    if problem:
        raise ValidationError(problem, code="email_domain")
    return email


def check_new_password(password, user):
    """Django's validators (length 12 to 128, common passwords, similarity to the user's
    own details), reported the GOV.UK way."""
    password_validation.validate_password(password, user)


class RegistrationForm(GovukFormMixin, forms.Form):
    """A professional asks for an account; the SEND team approves it later."""

    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        validators=[validate_visible_name],
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "name",
                "spellcheck": "false",
                "class": "govuk-!-width-two-thirds",
            }
        ),
    )
    job_title = forms.CharField(
        label="Job title",
        max_length=150,
        help_text="For example, SENDCO, speech and language therapist or social worker",
        error_messages={"required": "Enter your job title"},
        widget=forms.TextInput(
            attrs={"autocomplete": "organization-title", "class": "govuk-!-width-two-thirds"}
        ),
    )
    organisation_name = forms.CharField(
        label="Name of your school, setting or service",
        max_length=200,
        error_messages={"required": "Enter the name of your school, setting or service"},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organisation_kind = forms.ChoiceField(
        label="Type of organisation",
        choices=Organisation.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of organisation you work for"},
    )
    urn = forms.RegexField(
        label="Unique reference number (URN) (optional)",
        regex=r"^\d{6,8}$",
        required=False,
        help_text="Schools and settings have a 6 to 8 digit URN, shown on Get Information "
        "about Schools",
        error_messages={"invalid": "Enter a URN of 6 to 8 digits, like 100001"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-10"}),
    )
    postcode = forms.CharField(
        label="Postcode of your organisation (optional)",
        max_length=10,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}
        ),
    )
    email = work_email_field(
        help_text="We will send a link to this address. Personal addresses such as Gmail or "
        "Hotmail cannot be used"
    )
    phone = forms.CharField(
        label="Work phone number (optional)",
        max_length=32,
        required=False,
        validators=[validate_uk_phone],
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "class": "govuk-input--width-20"}
        ),
    )
    password = forms.CharField(
        label="Create a password",
        help_text=PASSWORD_HINT,
        strip=False,
        error_messages={"required": "Enter a password"},
        widget=forms.PasswordInput(
            attrs={"autocomplete": "new-password", "class": "govuk-!-width-two-thirds"}
        ),
    )
    professional_use = forms.BooleanField(
        label="I will use this portal only for my professional work with children and young people",
        error_messages={
            "required": "Confirm that you will use the portal only for your professional work"
        },
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self):
        return check_work_email(self.request, self.cleaned_data["email"])

    def clean_postcode(self):
        return " ".join(self.cleaned_data["postcode"].upper().split())

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            candidate = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                check_new_password(password, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned

    def find_or_create_organisation(self):
        """The same school, setting or service when its URN, or its name and postcode,
        match one already known; otherwise a new one."""
        data = self.cleaned_data
        existing = Organisation.objects.none()
        if data["urn"]:
            existing = Organisation.objects.filter(urn=data["urn"])
        if not existing.exists():
            existing = Organisation.objects.filter(name__iexact=data["organisation_name"].strip())
            if data["postcode"]:
                existing = existing.filter(postcode__in=[data["postcode"], ""])
        organisation = existing.order_by("id").first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=data["organisation_name"].strip(),
                kind=data["organisation_kind"],
                urn=data["urn"],
                postcode=data["postcode"],
            )
        return organisation


class EmailOnlyForm(GovukFormMixin, forms.Form):
    """Asks for the address a new confirmation link should go to."""

    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@school.sch.uk",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class SignInForm(GovukFormMixin, AuthenticationForm):
    """Email and password, with the per-account lock, and the account's state told only
    to someone who knows the password."""

    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(
            attrs={"autocomplete": "username", "autofocus": True, "spellcheck": "false"}
        ),
        error_messages={"required": "Enter your email address"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "govuk-!-width-two-thirds"}
        ),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter the email address and password you registered with",
        "inactive": "This account cannot be used",
    }

    blocked_status = None
    locked_until = None

    def clean(self):
        email = (self.cleaned_data.get("username") or "").lower()
        password = self.cleaned_data.get("password")
        if not (email and password):
            return self.cleaned_data
        self.locked_until = lockout.begin_attempt(email, lockout.PASSWORD)
        if self.locked_until:
            raise ValidationError(self.lock_message(), code="locked")
        self.user_cache = authenticate(self.request, username=email, password=password)
        if self.user_cache is None:
            owner = User.objects.filter(email=email).first()
            self.locked_until = lockout.wrong_attempt(email, lockout.PASSWORD, owner)
            if self.locked_until:
                raise ValidationError(self.lock_message(), code="locked")
            raise self.get_invalid_login_error()
        lockout.clear_failures(email, lockout.PASSWORD)
        self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def lock_message(self):
        return (
            "You have entered the wrong details too many times. For your security, the "
            f"account is locked until {lockout.format_lock_time(self.locked_until)}"
        )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.status != User.Status.APPROVED:
            self.blocked_status = user.status
            raise ValidationError(user.get_status_display(), code="status")


class PortalPasswordResetForm(GovukFormMixin, PasswordResetForm):
    """Django's reset form (which never says whether an address has an account), sending
    through the task queue."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@school.sch.uk",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        send_account_email.enqueue(
            "password_reset",
            [to_email],
            {
                "full_name": user.full_name,
                "reset_path": reverse(
                    "accounts:password_reset_confirm", args=[context["uid"], context["token"]]
                ),
            },
        )


PASSWORD_MISMATCH = "Enter the same new password in both boxes"  # noqa: S105 - an error message


class PortalSetPasswordForm(GovukFormMixin, SetPasswordForm):
    """Choose a new password after following a reset link."""

    error_messages = {**SetPasswordForm.error_messages, "password_mismatch": PASSWORD_MISMATCH}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = PASSWORD_HINT
        self.fields["new_password2"].label = "Confirm new password"
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-!-width-two-thirds"


class PortalPasswordChangeForm(GovukFormMixin, PasswordChangeForm):
    """Change password while signed in."""

    field_order = ["old_password", "new_password1", "new_password2"]
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_mismatch": PASSWORD_MISMATCH,
        "password_incorrect": "Your current password is incorrect",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = PASSWORD_HINT
        self.fields["new_password2"].label = "Confirm new password"
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-!-width-two-thirds"


class ChangeEmailForm(GovukFormMixin, forms.Form):
    """A new work address, which takes effect only once a link sent to it is followed."""

    email = work_email_field()
    password = forms.CharField(
        label="Current password",
        strip=False,
        error_messages={"required": "Enter your current password"},
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "govuk-!-width-two-thirds"}
        ),
    )

    def __init__(self, *args, request=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = user
        self.fields["email"].label = "New work email address"

    def clean_email(self):
        email = check_work_email(self.request, self.cleaned_data["email"])
        if email == self.user.email:
            raise ValidationError("Enter an email address different from your current one")
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("Your current password is incorrect")
        return password

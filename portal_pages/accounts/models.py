"""The custom user (email is the login) and the organisation each professional works for."""

import fnmatch

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string, salted_hmac
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal_pages.accounts.validators import validate_uk_phone

# Consumer mailbox providers: nobody's work address, so refused at registration.
DEFAULT_REFUSED_DOMAINS = """gmail.com
googlemail.com
hotmail.com
hotmail.co.uk
outlook.com
live.com
live.co.uk
msn.com
yahoo.com
yahoo.co.uk
ymail.com
icloud.com
me.com
mac.com
aol.com
aol.co.uk
btinternet.com
sky.com
virginmedia.com
blueyonder.co.uk
talktalk.net
protonmail.com
proton.me
gmx.com
gmx.co.uk
mail.com
zoho.com
yandex.com"""


class Organisation(models.Model):
    """A school, early years setting or service that professionals belong to.

    Its approved members are a team: they see the child records shared with the team, and
    its team leads choose what is shared and hand over a leaver's work."""

    class Kind(models.TextChoices):
        SCHOOL = "school", "School"
        EARLY_YEARS = "early_years", "Early years setting"
        COLLEGE = "college", "College or post-16 provider"
        HEALTH = "health", "Health service"
        SOCIAL_CARE = "social_care", "Social care"
        LOCAL_AUTHORITY = "local_authority", "Local authority service"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    kind = models.CharField("type", max_length=32, choices=Kind.choices)
    urn = models.CharField("URN", max_length=10, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed = models.BooleanField(
        default=False,
        help_text="The SEND team has checked that this organisation exists and is not a "
        "duplicate of another.",
    )
    share_new_records = models.BooleanField(
        "share new records with the team",
        default=False,
        help_text="New child records start shared with every approved member of the "
        "organisation. Each record's creator or a team lead can still change it.",
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name


def new_session_token():
    return get_random_string(32)


def _lines(text):
    return [line.strip().lower() for line in text.splitlines() if line.strip()]


@register_setting(icon="user")
class RegistrationSettings(BaseSiteSetting):
    """Who may register and how long an emailed confirmation link lasts; the SEND team
    edits these in Settings without a release."""

    refused_domains = models.TextField(
        "refused email domains",
        default=DEFAULT_REFUSED_DOMAINS,
        blank=True,
        help_text="One domain a line. Addresses at these domains (personal webmail) are refused.",
    )
    allowed_domain_patterns = models.TextField(
        "allowed email domains",
        blank=True,
        help_text="Optional, one pattern a line, such as *.sch.uk, *.gov.uk or nhs.net. "
        "When any are set, only addresses matching one of them may register.",
    )
    confirmation_link_hours = models.PositiveSmallIntegerField(
        "confirmation link lifetime (hours)",
        default=12,
        help_text="How long the link in the 'confirm your email address' email works.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("refused_domains"), FieldPanel("allowed_domain_patterns")],
            "Work email rules",
        ),
        FieldPanel("confirmation_link_hours"),
    ]

    class Meta:
        verbose_name = "Registration settings"

    def email_domain_problem(self, email):
        """The reason an address may not register, or None when it may."""
        domain = email.rsplit("@", 1)[-1].lower()
        if domain in _lines(self.refused_domains):
            return (
                "Enter your work email address. Personal email addresses such as Gmail or "
                "Hotmail cannot be used"
            )
        patterns = _lines(self.allowed_domain_patterns)
        if patterns and not any(fnmatch.fnmatch(domain, pattern) for pattern in patterns):
            return (
                "Enter an email address from a school, setting or service that can use this "
                "portal. Contact the SEND team if your work address is not accepted"
            )
        return None


class UserManager(BaseUserManager):
    """Creates users by email; superusers are approved staff from the start."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("status", User.Status.APPROVED)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Everyone who signs in: professionals in the portal, SEND team and editors in the admin.

    `status` follows the registration lifecycle; only approved users may sign in.
    """

    class Status(models.TextChoices):
        REGISTERED = "registered", "Awaiting email confirmation"
        EMAIL_CONFIRMED = "email_confirmed", "Awaiting approval"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SUSPENDED = "suspended", "Suspended"

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)
    phone = models.CharField(max_length=32, blank=True, validators=[validate_uk_phone])
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.REGISTERED, db_index=True
    )
    is_team_lead = models.BooleanField(
        "team lead",
        default=False,
        help_text="May share or unshare any of the organisation's child records, set its "
        "default sharing, hand over a leaver's work and mark a child as moved on.",
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField("registered", default=timezone.now)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(
        blank=True, help_text="Why the account was last rejected or suspended."
    )
    # Set when the account's personal details were replaced under the retention rules.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A new address waits here until its owner follows the link sent to it.
    pending_email = models.EmailField(blank=True)
    # Part of every session's check value: changing it signs the user out everywhere.
    session_token = models.CharField(max_length=32, default=new_session_token, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        indexes = [
            # The Registrations listing: one status, newest registration first.
            models.Index(fields=["status", "-date_joined"], name="user_status_joined"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    def leads_team_of(self, organisation_id):
        """An approved team lead of that organisation (the flag alone is not enough: a lead
        who was suspended or moved to another organisation leads nothing)."""
        return (
            self.is_team_lead
            and self.is_approved
            and organisation_id is not None
            and self.organisation_id == organisation_id
        )

    def _get_session_auth_hash(self, secret=None):
        """Django checks this against each session on every request; mixing in
        `session_token` lets "sign out everywhere" end sessions without a password change."""
        return salted_hmac(
            "portal_pages.accounts.User.session_auth_hash",
            self.password + self.session_token,
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class RegistrationManager(UserManager):
    """Professionals only: people outside every admin group and not superusers."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(is_superuser=False, is_staff=False, groups__isnull=True)
            .select_related("organisation")
        )


class Registration(User):
    """A professional as the SEND team reviews them in the admin's Registrations listing.

    A proxy, so the listing has its own permissions (given to the SEND team group) apart
    from Wagtail's own user management."""

    objects = RegistrationManager()

    class Meta:
        proxy = True
        verbose_name = "registration"
        verbose_name_plural = "registrations"
        default_permissions = ("view", "change")


class SignInAttempts(models.Model):
    """Wrong passwords and codes counted for one email address (kept as a hash, so an
    address with no account is counted exactly like one with an account).

    One row per address, always changed under a row lock, so parallel guesses from any
    number of threads, workers or machines are counted one by one."""

    address_digest = models.CharField(max_length=64, unique=True)
    password_failures = models.PositiveSmallIntegerField(default=0)
    code_failures = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(default=timezone.now)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "sign-in attempts"

    def __str__(self):
        return self.address_digest[:12]


class ReplacementRegistration(models.Model):
    """A registration made for an address that already has an unconfirmed account. It is
    kept aside until the link emailed to the address is used: then it replaces the
    unconfirmed account's details and password, so someone who registered another
    person's address first can never keep it from its owner."""

    email = models.EmailField()
    details = models.JSONField()
    password = models.CharField(max_length=128)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Replacement registration for {self.email}"

    def apply_to(self, user):
        """Give `user` (the unconfirmed account of this address) these details."""
        for field, value in self.details.items():
            setattr(user, field, value)
        user.password = self.password
        user.save(update_fields=[*self.details, "password"])
        ReplacementRegistration.objects.filter(email=self.email).delete()

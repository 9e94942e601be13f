"""Rules for what people type about themselves that Django does not ship: passwords, UK
phone numbers, and names that show as they are."""

import unicodedata

import phonenumbers
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

UK_PHONE_MESSAGE = "Enter a UK phone number, like 0161 496 0000"
# Ofcom keeps these ranges for drama and examples, so they are never anyone's number; the
# phonenumbers library calls them invalid, but the portal's demo and guidance use them.
# National significant numbers: 01632 960xxx, 07700 900xxx, 08081 570xxx, 0909 879xxxx,
# 03069 990xxx (the city ranges such as 0161 496 0xxx are already valid to the library).
OFCOM_DRAMA_PREFIXES = ("1632960", "7700900", "8081570", "9098790", "3069990")


def validate_uk_phone(value):
    """A UK landline or mobile number, as typed (spaces, brackets or +44 allowed); one rule
    for the account's phone and the forms' phone questions."""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(UK_PHONE_MESSAGE, code="invalid_phone") from error
    national = phonenumbers.national_significant_number(number)
    drama = len(national) == 10 and national.startswith(OFCOM_DRAMA_PREFIXES)
    if number.country_code != 44 or not (drama or phonenumbers.is_valid_number(number)):
        raise ValidationError(UK_PHONE_MESSAGE, code="invalid_phone")


class MaximumLengthValidator:
    """Refuse very long passwords: hashing megabytes on every sign-in is a denial of service."""

    def __init__(self, max_length=128):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "Password must be %(max_length)d character or fewer",
                    "Password must be %(max_length)d characters or fewer",
                    self.max_length,
                ),
                code="password_too_long",
                params={"max_length": self.max_length},
            )

    def get_help_text(self):
        return f"Your password must be {self.max_length} characters or fewer."


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule, reported the GOV.UK way."""

    def get_error_message(self):
        return f"Password must be {self.min_length} characters or more"


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    """Django's rule against a password like the person's own details, reported the GOV.UK
    way (%(verbose_name)s is the detail it is like, such as "email address")."""

    def get_error_message(self):
        return "Password must not be like your %(verbose_name)s"


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    """Django's list of common passwords, reported the GOV.UK way."""

    def get_error_message(self):
        return "Choose a password that is harder to guess: this one is too common"


# Unicode's control, format (bidi overrides and isolates, zero-width spaces and joiners, soft
# hyphen), private-use, surrogate and unassigned categories, and line and paragraph breaks:
# characters that do not show, or that reorder what follows them.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}


def validate_visible_name(name):
    """Refuse names with characters that do not show or that change the text's direction,
    so one person's name cannot be made to look like another's."""
    if any(unicodedata.category(character) in HIDDEN_CATEGORIES for character in name):
        raise ValidationError(
            "Names cannot include hidden characters, such as zero-width spaces or marks "
            "that change the direction of the text",
            code="hidden_characters",
        )

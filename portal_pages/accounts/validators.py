"""Password rules Django does not ship."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


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

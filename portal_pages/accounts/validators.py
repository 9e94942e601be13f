"""Password rules Django does not ship."""

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

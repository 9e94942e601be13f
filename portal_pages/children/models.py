"""Child records that professionals keep in the portal."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Child(models.Model):
    """A child or young person as a professional recorded them."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="child_records"
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name_plural = "children"

    def __str__(self):
        return f"{self.given_name} {self.family_name}"

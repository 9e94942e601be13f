"""Moving a record's clock back: the tests set its timestamps in the database."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone


def ago(**period):
    """A moment `period` (months=, years=, days=) and a minute before now."""
    return timezone.now() - relativedelta(**period) - timedelta(minutes=1)

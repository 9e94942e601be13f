"""The open key dates of every linked case, for the inbox's daily reminders:
`key_dates_due(today, within_days)` is the contract they rely on."""

import datetime
from dataclasses import replace

from django.db.models import Prefetch

from portal_pages.children import timescales
from portal_pages.children.keydates import case_key_dates
from portal_pages.children.models import Child, EHCCase


def key_dates_due(today, within_days=timescales.DUE_SOON_DAYS):
    """Yield every key date not yet done that is overdue or due within `within_days`, once
    for each professional's child record linked to the case (the reminder goes to them)."""
    horizon = today + datetime.timedelta(days=within_days)
    # A record whose child moved on to another setting gets no more reminders.
    current_records = Child.objects.current().select_related("created_by")
    cases = (
        EHCCase.objects.filter(
            next_due_on__lte=horizon,
            child_records__isnull=False,
            child_records__moved_on_at__isnull=True,
        )
        .distinct()
        .prefetch_related(Prefetch("child_records", queryset=current_records))
    )
    for case in cases:
        for key_date in case_key_dates(case, today):
            if key_date.open and key_date.due <= horizon:
                for child in case.child_records.all():
                    yield replace(key_date, child=child)

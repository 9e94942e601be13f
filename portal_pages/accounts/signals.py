"""Signals other areas listen to.

`user_approved` is sent once each time the SEND team approves a professional (from the
admin's Registrations listing or the demo loader), after the account is saved and its
emailed-code device exists. Keyword arguments:

- `user`: the approved `portal_pages.accounts.models.User`;
- `approved_by`: the `User` who approved them, or None when the system did (demo content).

The inbox area connects its welcome message to it.
"""

from django.dispatch import Signal

user_approved = Signal()

# Sent inside the merge's transaction when the SEND team merges a duplicate organisation
# into the one it keeps, with keyword arguments `duplicate`, `kept` and `by`, after the
# members moved and before the duplicate is deleted. The children area moves the records.
organisations_merged = Signal()

# Sent inside the anonymisation's transaction once a suspended or rejected account's
# personal details have been replaced, with the keyword argument `user`. The inbox deletes
# the messages kept for that person.
account_anonymised = Signal()

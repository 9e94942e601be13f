"""Signals other areas listen to.

`records_handed_over` is described beside it below.

`case_stage_changed` is sent after an EHC case moves to another stage and the change is
saved, with keyword arguments `case`, `old_stage`, `new_stage` (both `Stage`) and
`changed_by` (the SEND team user). The inbox connects to it to tell the professionals whose
child records are linked to the case.
"""

from django.dispatch import Signal

case_stage_changed = Signal()

# Sent inside the handover's transaction, after the leaver's child records moved, with
# keyword arguments `leaver`, `receiver` (a colleague, or None when the records became
# shared with the team), `child_ids` (the records that moved) and `by`. The forms area
# moves the leaver's drafts; the inbox tells the people involved once the handover commits.
records_handed_over = Signal()

# Sent inside the deletion's transaction, just before a child record is deleted, with the
# keyword argument `child`. The areas holding things about the child (its draft forms, the
# messages about it) delete them, so nothing about the child outlives its record.
child_deleting = Signal()

"""Signals other areas listen to.

`case_stage_changed` is sent after an EHC case moves to another stage and the change is
saved, with keyword arguments `case`, `old_stage`, `new_stage` (both `Stage`) and
`changed_by` (the SEND team user). The inbox connects to it to tell the professionals whose
child records are linked to the case.
"""

from django.dispatch import Signal

case_stage_changed = Signal()

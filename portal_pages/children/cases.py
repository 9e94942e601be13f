"""What the SEND team does to EHC cases, in one place so the admin screens, the audit log,
the professionals' activity dates and the `case_stage_changed` signal never disagree."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal_pages.children.models import Child
from portal_pages.children.signals import case_stage_changed
from portal_pages.children.stages import Stage

STAGE_ACTION = "children.change_stage"
LINK_ACTION = "children.link_case"
UNLINK_ACTION = "children.unlink_case"


def touch_linked_records(case):
    """A change to the case is activity on every professional's record linked to it."""
    Child.objects.filter(ehc_case=case).update(last_activity_at=timezone.now())


def case_saved(case, user, old_stage):
    """Call after the SEND team saved a case: logs a stage change, tells the listeners once
    the transaction commits, and marks the linked records as active."""
    touch_linked_records(case)
    if old_stage is None or old_stage == case.stage:
        return
    old, new = Stage(old_stage), Stage(case.stage)
    log(
        instance=case,
        action=STAGE_ACTION,
        user=user,
        data={"old_stage": old.label, "new_stage": new.label},
    )
    transaction.on_commit(
        lambda: case_stage_changed.send(
            sender=type(case), case=case, old_stage=old, new_stage=new, changed_by=user
        )
    )


def link(child, case, user):
    """Link a professional's record to the case the SEND team checked it against."""
    child.ehc_case = case
    child.last_activity_at = timezone.now()
    child.save(update_fields=["ehc_case", "last_activity_at"])
    data = {"case": case.reference, "child": child.pk}
    log(instance=child, action=LINK_ACTION, user=user, data=data)
    log(instance=case, action=LINK_ACTION, user=user, data=data)


def unlink(child, user):
    """Take a record off its case, for example when it was linked to the wrong one."""
    case = child.ehc_case
    child.ehc_case = None
    child.save(update_fields=["ehc_case"])
    data = {"case": case.reference, "child": child.pk}
    log(instance=child, action=UNLINK_ACTION, user=user, data=data)
    log(instance=case, action=UNLINK_ACTION, user=user, data=data)

"""Deleting child records: by the professional who added one, by the retention rules, or
with a closed case's portal data. Every deletion goes through `delete_child`, so each one
takes everything about the child with it and leaves the same trace in the logs.

The areas above this one decide what keeps a record: each `register_child_records_kept`
hook takes a child (a record, or a reference to the record in an outer query) and returns
a queryset of the rows that keep it (the forms area: its submitted forms, which the
council's records policy keeps). The `child_deleting` signal lets
them delete what they hold about the child first.
"""

import logging

from django.db import transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Value
from wagtail import hooks
from wagtail.log_actions import log

from portal_pages.children.models import Child
from portal_pages.children.signals import child_deleting
from portal_pages.pages.audit import forget_names_in_log

logger = logging.getLogger(__name__)

DELETE_ACTION = "children.delete_child"


def without_kept_records(queryset):
    """`queryset` less the child records another area needs to keep. `NOT EXISTS` per
    record, which PostgreSQL answers from the keeping rows' index on their child; `NOT IN` a
    list of kept ids would read every submitted form in the portal for each query."""
    for keeping_rows in hooks.get_hooks("register_child_records_kept"):
        queryset = queryset.exclude(Exists(keeping_rows(OuterRef("pk"))))
    return queryset


def deletable():
    """Annotates each record of a child queryset with whether no other area needs to keep
    it, in the query that fetches it: no keeping row exists for it. The keeping rows are
    asked about the record itself; wrapping them in a query of the record again cost the
    child's SEND home a nested subquery to build and run on every view."""
    condition = Value(True)
    for keeping_rows in hooks.get_hooks("register_child_records_kept"):
        condition &= ~Exists(keeping_rows(OuterRef("pk")))
    return ExpressionWrapper(condition, output_field=BooleanField())


def audit_title(child_id):
    """How logs name a child record: by id, never by the child's name."""
    return f"Child record {child_id}"


def delete_child(child, *, reason, by=None):
    """Delete `child` and everything about it, logging `reason` (words without personal
    data, such as "no activity for 36 months") against its id."""
    child_id = child.pk
    with transaction.atomic():
        child_deleting.send(sender=Child, child=child)
        forget_names_in_log(child, audit_title(child_id))
        log(
            instance=child,
            action=DELETE_ACTION,
            user=by,
            title=audit_title(child_id),
            data={"reason": reason},
            deleted=True,
        )
        child.delete()
    logger.info("Deleted child record %s: %s", child_id, reason)

"""On PostgreSQL, the plans of the list pages' main queries, so a run on the large data set
shows which index each one uses (a sequential scan over a big table shows up here first)."""

from django.db import connection
from django.db.models import Q

from ehc_forms.models import Submission
from ehc_forms.viewsets import submissions_matching
from portal_pages.accounts.models import Registration
from portal_pages.children.models import Child, EHCCase
from portal_pages.inbox.admin_views import messages_matching
from portal_pages.inbox.models import Message


def list_queries(professional, inbox_owner):
    return {
        "SEND home, first page": Child.objects.filter(created_by=professional, hidden=False)
        .select_related("ehc_case")
        .order_by("family_name", "given_name")[:50],
        "inbox, first page": Message.objects.filter(
            recipient=inbox_owner, archived_at=None
        ).order_by("-created", "-id")[:25],
        "admin Registrations": Registration.objects.filter(status="email_confirmed").order_by(
            "-date_joined"
        )[:50],
        "admin Child records": Child.objects.order_by("family_name", "given_name")[:50],
        "admin Child records, name search": Child.objects.filter(
            Q(given_name__icontains="Family0001")
            | Q(family_name__icontains="Family0001")
            | Q(upn__icontains="Family0001")
        ).order_by("family_name", "given_name")[:50],
        "admin EHC cases": EHCCase.objects.order_by("next_due_on", "reference")[:50],
        "admin Submissions": Submission.objects.filter(status="submitted").order_by(
            "-submitted_at"
        )[:50],
        "admin Submissions, search": submissions_matching(
            Submission.objects.filter(status="submitted").order_by("-submitted_at"), "Family001"
        )[:50],
        "admin Messages": Message.objects.order_by("-created", "-id")[:50],
        "admin Messages, search": messages_matching(
            Message.objects.order_by("-created", "-id"), "Bench message 42"
        )[:50],
    }


def print_plans(professional, inbox_owner):
    if connection.vendor != "postgresql":
        return
    print("\nQuery plans (PostgreSQL EXPLAIN ANALYZE: the scans and the time):")
    for label, queryset in list_queries(professional, inbox_owner).items():
        plan = queryset.explain(analyze=True).splitlines()
        print(f"  {label}")
        for line in plan:
            if "Scan" in line or "Execution Time" in line:
                print(f"      {line.strip().removeprefix('->  ')[:100]}")

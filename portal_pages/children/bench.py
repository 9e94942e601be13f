"""Pages `make bench` times for the children area: SEND home with 2,000 children, for the
professional who added them and for a colleague who sees them because the team shares them."""

import datetime

from django.test import Client
from django.urls import reverse

from portal_pages.accounts.bench import send_officer
from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.children.keydates import earliest_open_due
from portal_pages.children.models import Child, EHCCase
from portal_pages.children.stages import Stage

BENCH_EMAIL = "bench.sendco@oakfield-primary.sch.uk"
BENCH_COLLEAGUE_EMAIL = "bench.teacher@oakfield-primary.sch.uk"
BENCH_ORGANISATION = "Bench Primary School"
BENCH_CHILDREN = 2000


def bench_professional():
    """A professional with 2,000 children, a tenth hidden and a fifth each linked to a case of
    their own: 400 cases, so the SEND team's case listing shows full pages, as it does on the
    large data set."""
    user = User.objects.filter(email=BENCH_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            email=BENCH_EMAIL, full_name="Bench SENDCO", status=User.Status.APPROVED
        )
    missing = BENCH_CHILDREN - Child.objects.filter(created_by=user).count()
    if missing > 0:
        stages = list(Stage)
        cases = {
            n: EHCCase(
                reference=f"EHC-BENCH-{n:04d}",
                given_name=f"Given{n:04d}",
                family_name=f"Family{n:04d}",
                date_of_birth=datetime.date(2008, 1, 1) + datetime.timedelta(days=n * 3),
                stage=stages[n // 5 % len(stages)],
                request_received_on=datetime.date(2025, 1, 6) + datetime.timedelta(days=n % 300),
            )
            for n in range(0, missing, 5)
        }
        for case in cases.values():
            case.next_due_on = earliest_open_due(case)  # as `EHCCase.save` would
        EHCCase.objects.bulk_create(cases.values())
        Child.objects.bulk_create(
            Child(
                created_by=user,
                organisation_id=user.organisation_id,
                given_name=f"Given{n:04d}",
                family_name=f"Family{n:04d}",
                date_of_birth=datetime.date(2008, 1, 1) + datetime.timedelta(days=n * 3),
                home_postcode="BS1 5TR",
                setting=f"School {n % 40}",
                hidden=n % 10 == 0,
                ehc_case=cases.get(n),
            )
            for n in range(missing)
        )
    return user


def bench_colleague(user):
    """A colleague in the bench professional's team, which shares every one of the 2,000."""
    organisation, _ = Organisation.objects.get_or_create(
        name=BENCH_ORGANISATION, defaults={"kind": Organisation.Kind.SCHOOL}
    )
    User.objects.filter(pk=user.pk).update(organisation=organisation)
    Child.objects.filter(created_by=user).update(organisation=organisation, shared_with_team=True)
    colleague, _ = User.objects.get_or_create(
        email=BENCH_COLLEAGUE_EMAIL,
        defaults={
            "full_name": "Bench Teacher",
            "status": User.Status.APPROVED,
            "organisation": organisation,
        },
    )
    return colleague


def pages():
    """SEND home (first page, page 30, a name search), a child's SEND home, and the SEND
    team's EHC cases and Child records listings (first page and a name search)."""
    user = bench_professional()
    colleague_client = sign_in_verified(Client(), bench_colleague(user))
    client = sign_in_verified(Client(), user)
    officer = sign_in_verified(Client(), send_officer())
    index = reverse("children:index")
    child = Child.objects.filter(created_by=user, ehc_case__isnull=False).first()
    records = reverse("child-records:index")
    return [
        ("SEND home, 2,000 children", client, index),
        ("SEND home, all, by stage, page 30", client, f"{index}?view=all&sort=stage&page=30"),
        ("SEND home, person filter", client, f"{index}?person=Given01"),
        ("SEND home, a colleague's Team view of 2,000 shared", colleague_client, index),
        ("child's SEND home", client, reverse("children:home", args=[child.pk])),
        ("admin: EHC cases", officer, reverse("ehc-cases:index"), {"versus": "snippets"}),
        ("admin: Child records", officer, records, {"versus": "snippets"}),
        ("admin: Child records, name search", officer, f"{records}?q=Family0001"),
    ]

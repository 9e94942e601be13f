"""The demo SENDCO's children, loaded twice, and the bench pages answering."""

import datetime
import io

from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.utils import timezone

from portal_pages.accounts import demo as accounts_demo
from portal_pages.accounts.models import User
from portal_pages.children import bench
from portal_pages.children import demo as children_demo
from portal_pages.children.access import children_visible_to
from portal_pages.children.models import Child, EHCCase, StageExplanation
from portal_pages.children.stages import Stage


def snapshot():
    return (
        sorted(Child.objects.values_list("given_name", "family_name", "ehc_case__reference")),
        sorted(EHCCase.objects.values_list("reference", "stage", "next_due_on")),
        StageExplanation.objects.count(),
    )


def test_demo_children_cover_every_stage_and_loading_twice_changes_nothing(demo_site):
    accounts_demo.load()
    assert children_demo.load() == []
    first = snapshot()
    children_demo.load()
    assert snapshot() == first

    sendco = Child.objects.filter(created_by__email=children_demo.DEMO_PROFESSIONAL)
    assert sendco.count() == 12
    assert {case.stage for case in EHCCase.objects.all()} == set(Stage)
    assert sendco.filter(ehc_case__isnull=True).count() == 2
    assert EHCCase.objects.get(reference="EHC-DEMO-011").child_records.count() == 0
    assert sendco.filter(hidden=True).count() == 1
    cutoff = timezone.now() - relativedelta(months=18)
    assert sendco.filter(last_activity_at__lt=cutoff).count() == 1
    today = timezone.localdate()
    assert EHCCase.objects.filter(next_due_on__lt=today).count() >= 3
    soon = today + datetime.timedelta(days=14)
    assert EHCCase.objects.filter(next_due_on__gte=today, next_due_on__lte=soon).exists()
    assert StageExplanation.objects.count() == len(Stage)


def test_demo_needs_the_demo_professional(db):
    assert children_demo.load() == []
    assert not Child.objects.exists()


def test_bench_pages_answer_for_two_thousand_children(demo_site):
    call_command("load_demo_content", stdout=io.StringIO())
    pages = bench.pages()
    assert Child.objects.filter(created_by__email=bench.BENCH_EMAIL).count() == 2000
    for label, client, url, *_options in pages:
        response = client.get(url)
        assert response.status_code == 200
        if "colleague" in label:
            assert response.context["page"].paginator.count == 1800  # the active ones
    bench.pages()
    assert Child.objects.filter(created_by__email=bench.BENCH_EMAIL).count() == 2000


def test_demo_school_is_a_team_of_two_sharing_some_children(demo_site):
    accounts_demo.load()
    children_demo.load()
    lead = User.objects.get(email=children_demo.DEMO_PROFESSIONAL)
    colleague = User.objects.get(email=children_demo.DEMO_COLLEAGUE)

    assert lead.is_team_lead and not colleague.is_team_lead
    assert lead.organisation == colleague.organisation and lead.organisation.confirmed
    seen_by_colleague = set(children_visible_to(colleague).values_list("given_name", flat=True))
    assert seen_by_colleague == children_demo.SHARED_WITH_TEAM | {"Dorothy", "Isambard"}
    seen_by_lead = set(children_visible_to(lead).values_list("given_name", flat=True))
    assert "Dorothy" in seen_by_lead and "Isambard" not in seen_by_lead

"""Every page `make bench` times answers, within its query budget, with the small data set;
the bench's POSTs are valid saves on both sides, so the portal is compared like for like."""

import io

import pytest
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission

from bench.cases import DEFAULT_QUERY_BUDGET, collect_cases
from ehc_forms.models import Submission
from portal_site.settings.base import CACHES as BENCH_CACHES

pytestmark = pytest.mark.django_db


@pytest.fixture
def bench_cases(demo_site, settings):
    settings.ROOT_URLCONF = "bench.urls"
    # The bench's caches, as in production: a read of the shared cache is a query there.
    settings.CACHES = {**settings.CACHES, "default": BENCH_CACHES["default"]}
    call_command("createcachetable", verbosity=0)
    call_command("load_demo_content", stdout=io.StringIO())
    return collect_cases()


def test_every_bench_page_answers_within_its_query_budget(
    bench_cases, django_assert_max_num_queries
):
    assert len(bench_cases) >= 20
    for case in bench_cases:
        case.request()  # warm: first requests fill per-process caches
        data = case.prepare()
        with django_assert_max_num_queries(case.queries, info=case.label):
            response = case.send(data)
        assert response.status_code in (200, 302), case.label
    budgets = {case.label: case.queries for case in bench_cases}
    assert budgets["portal plain page (StandardPage)"] == 6
    over_default = {label for label, budget in budgets.items() if budget > DEFAULT_QUERY_BUDGET}
    assert over_default == {
        "register, new address",
        "register, address with an account",
        "registrations listing (100+ rows)",
        "admin: Submissions",
        "admin: Submissions, search",
        "step of 30, Save and continue",
        next(label for label in budgets if label.startswith("guidance: Word template")),
    }


def test_the_peer_and_the_step_save_the_same_valid_answers(bench_cases):
    by_label = {case.label: case for case in bench_cases}
    peer = by_label["peer FormPage, 30 fields, POST"]
    peer.request()
    assert FormSubmission.objects.count() == 1
    stored = FormSubmission.objects.get().form_data
    assert len(stored) == 30

    step = by_label["step of 30, Save and continue"]
    response = step.request()
    assert response.status_code == 302 and "/step/" not in response.url
    draft = Submission.objects.get(form__slug="bench-thirty-questions")
    assert list(draft.step_states.values()) == ["completed"]
    assert len(draft.answers) == 30

    autosave = by_label["step of 30, autosave"]
    response = autosave.request()
    assert response.status_code == 200 and response.json()["state"] == "completed"

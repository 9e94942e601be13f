"""`bench_data --size large` writes a council's rows that the portal's own queries read back,
on either engine (COPY on PostgreSQL, bulk inserts elsewhere), and leaves every index and
foreign key in place."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from ehc_forms.models import Submission
from portal_pages.accounts.models import Organisation, User
from portal_pages.children.models import Child, EHCCase
from portal_pages.inbox.models import Message

pytestmark = pytest.mark.usefixtures("committed_db")


def indexes_and_foreign_keys(model):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return {
        (name, details["index"], details["foreign_key"])
        for name, details in constraints.items()
        if details["index"] or details["foreign_key"]
    }


def test_a_thousandth_of_the_large_data_set_is_loaded_with_its_indexes_and_keys(demo_site):
    before = {model: indexes_and_foreign_keys(model) for model in (Child, Message, Submission)}
    output = io.StringIO()

    call_command("bench_data", size="large", scale=0.001, stdout=output)

    scale = User.objects.filter(email__endswith="@scale.bench.sch.uk")
    assert scale.count() == 20
    assert Organisation.objects.filter(name__startswith="Scale School").count() == 2
    assert EHCCase.objects.filter(reference__startswith="EHC-SCALE-").count() == 50
    children = Child.objects.filter(created_by__in=scale)
    assert children.count() == 500
    assert children.filter(hidden=True).count() == 50
    assert children.filter(ehc_case__reference__startswith="EHC-SCALE-").count() == 50
    submissions = Submission.objects.filter(author__in=scale)
    assert submissions.count() == 1000
    draft = submissions.filter(status=Submission.Status.DRAFT).first()
    assert len(draft.answers["answer_0"]) > 500 and draft.step_states == {}
    messages = Message.objects.filter(recipient__in=scale)
    assert messages.count() == 2000
    assert messages.filter(read_at__isnull=True).count() == 400
    assert messages.first().created is not None
    assert "2,000 messages" in output.getvalue()
    assert {model: indexes_and_foreign_keys(model) for model in before} == before

    call_command("bench_data", size="large", scale=0.001, stdout=output)
    assert "already there" in output.getvalue()
    assert Message.objects.filter(recipient__in=scale).count() == 2000

"""Fixtures shared by every area's tests, built on the factories of `tests/factories.py`."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from hypothesis import settings

from ehc_forms.models import forget_definitions
from portal_pages.accounts.testing import sign_in_verified
from tests.factories import (
    ChildFactory,
    EHCCaseFactory,
    OrganisationFactory,
    ProfessionalFactory,
    SendOfficerFactory,
)

# The fuzz tests' size: `dev` while working, `ci` (`--hypothesis-profile=ci`, used by `.ci/run`)
# for 400 examples times each fuzz test's weight (tests/security/test_fuzzing.py): 4,200
# across the eight fuzzed endpoints (at 1,000 they took 8.5 of CI's minutes on slow cores).
settings.register_profile("dev", max_examples=40)
settings.register_profile("ci", max_examples=400)
settings.load_profile("dev")


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` need what only a PostgreSQL server gives (row locks,
    parallel connections); on SQLite they are left out of the run (reported as deselected),
    and CI runs them in its PostgreSQL pass."""
    if connection.vendor == "postgresql":
        return
    deselected = [item for item in items if item.get_closest_marker("postgresql")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site roots, the portal its page frame and each process its parsed form
    definitions by revision id (ids that tests reuse); a test must never see another's."""
    for cache in caches.all():
        cache.clear()
    forget_definitions()
    yield
    for cache in caches.all():
        cache.clear()
    forget_definitions()


@pytest.fixture
def demo_site(db):
    """The site, home page and guidance pages exactly as the demo command makes them: the
    test database holds them from the start (see `django_db_setup`)."""
    from portal_site import demo

    return demo


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def make_professional(db, organisation):
    """Makes approved professionals of `organisation`; each call gives a new one."""

    def make(**fields):
        return ProfessionalFactory(**{"organisation": organisation, **fields})

    return make


@pytest.fixture
def professional(make_professional):
    return make_professional()


@pytest.fixture
def send_officer(db):
    """A SEND team officer, with exactly the permissions the group's migration gives."""
    return SendOfficerFactory(email="officer@exampleshire.gov.uk")


@pytest.fixture
def sign_in(db):
    """Signs a user into a test client as if they had entered their password and emailed
    code; use it for a second client when a test needs two people at once."""

    return sign_in_verified


@pytest.fixture
def professional_client(client, professional, sign_in):
    """A test client signed in, with both factors, as `professional`."""
    return sign_in(client, professional)


@pytest.fixture
def demo_forms(demo_site):
    """The demo EHC forms, published, by slug."""
    from ehc_forms import demo as forms_demo
    from ehc_forms.models import EHCFormPage

    forms_demo.load_forms()
    return {form.slug: form for form in EHCFormPage.objects.all()}


@pytest.fixture
def officer_client(client_factory, send_officer, sign_in):
    """A second test client signed in to the admin, with both factors, as `send_officer`."""
    return sign_in(client_factory(), send_officer)


@pytest.fixture
def send_client(officer_client):
    """The children area's name for `officer_client`."""
    return officer_client


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


@pytest.fixture
def make_child(db):
    """Makes child records; pass `created_by` and any field to change."""

    def make(created_by, **fields):
        return ChildFactory(created_by=created_by, **fields)

    return make


@pytest.fixture
def make_case(db):
    """Makes EHC cases with a unique reference; every other field may be given."""
    return EHCCaseFactory


@pytest.fixture
def child(professional):
    """A child record of `professional` born on 1 May 2016, with a name that must never reach
    an email."""
    return ChildFactory(created_by=professional, given_name="Ada", family_name="Lovelace")


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    """Uploads go to a folder of the run's own, on disk as in production. The demo's logo is
    stored once for the run (see `django_db_setup`); a storage held in memory would lose it
    whenever a test swapped the storage (the S3 tests do)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root):
    """The test database: what the migrations made, then the demo site and guidance pages,
    loaded once for the run (loading them cost each of the 550 tests that use them 1.5 s).
    A test changes them only inside its own transaction; a test whose writes are committed
    (`committed_db`) is flushed afterwards and gets them back from the serialized copy made
    here. The copy goes on the connection class too: Playwright's browser runs tests in
    another context, which has connection objects of its own."""
    from django.db import connections

    from guidance import demo as guidance_demo
    from portal_site import demo

    connection = connections["default"]
    with django_db_blocker.unblock():
        demo.load()
        guidance_demo.load()
        contents = connection.creation.serialize_db_to_string()
    connection._test_serialized_contents = contents
    type(connection)._test_serialized_contents = contents


@pytest.fixture
def lookup(db):
    from ehc_forms.models import LookupList

    lookup = LookupList(name="Primary need")
    for code, label in [("ASD", "Autistic spectrum disorder"), ("SLCN", "Speech and language")]:
        lookup.options.add(lookup.options.model(code=code, label=label))
    lookup.save()
    return lookup


@pytest.fixture
def form_index(demo_site):
    from wagtail.models import Site

    from ehc_forms.models import EHCFormIndexPage

    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(instance=EHCFormIndexPage(title="EHC forms", slug="ehc-forms"))


@pytest.fixture
def make_form(form_index, lookup):
    """Publishes a form from (title, intro, fields[, show_if]) step tuples."""

    from ehc_forms.demo import build_steps
    from ehc_forms.models import EHCFormPage

    def make(
        steps, slug="test-form", title="Test form", intro="Tell us about the child.", **fields
    ):
        page = form_index.add_child(
            instance=EHCFormPage(
                title=title,
                slug=slug,
                intro=intro,
                steps=build_steps(slug, steps, {"Primary need": lookup}),
                live=False,
                **fields,
            )
        )
        page.save_revision().publish()
        return EHCFormPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def committed_db(transactional_db, django_db_serialized_rollback):
    """A database whose writes are committed, for requests served by other threads. It is
    flushed after the test; the serialized rollback puts back what the migrations made (the
    site root, groups and their permissions) for the next test."""


@pytest.fixture
def live_site(committed_db, live_server):
    """The live server with the demo site loaded."""
    from wagtail.models import Site

    from portal_site import demo

    demo.load()
    Site.objects.filter(is_default_site=True).update(hostname="localhost")
    return live_server


@pytest.fixture
def send_team_officer(make_professional):
    """A member of the SEND team group, with exactly the permissions its migrations give."""
    from django.contrib.auth.models import Group

    from portal_pages.accounts.groups import SEND_TEAM

    officer = make_professional(
        email="reviewer@exampleshire.gov.uk", full_name="Robin Reviewer", organisation=None
    )
    officer.groups.add(Group.objects.get(name=SEND_TEAM))
    return officer

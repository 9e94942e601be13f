"""Fixtures shared by every area's tests."""

import importlib

import pytest
from django.core.cache import cache

from portal_pages.accounts.models import Organisation, User
from portal_pages.accounts.testing import sign_in_verified

TEST_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site roots and settings; a test must never see another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(db):
    """The site, home page and guidance pages exactly as the demo command makes them."""
    from portal_site import demo

    demo.load()
    return demo


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Oakfield Primary School", kind="school")


@pytest.fixture
def make_professional(db, organisation):
    """Makes approved professionals; each call gives a new one."""
    counter = {"n": 0}

    def make(**fields):
        counter["n"] += 1
        defaults = {
            "email": f"professional{counter['n']}@oakfield.sch.uk",
            "full_name": f"Professional Number{counter['n']}",
            "job_title": "SENDCO",
            "organisation": organisation,
            "status": User.Status.APPROVED,
        }
        defaults.update(fields)
        return User.objects.create_user(password=TEST_PASSWORD, **defaults)

    return make


@pytest.fixture
def professional(make_professional):
    return make_professional()


@pytest.fixture
def sign_in(db):
    """Signs a user into a test client as if they had entered their password and emailed
    code; use it for a second client when a test needs two people at once."""

    return sign_in_verified


@pytest.fixture
def professional_client(client, professional, sign_in):
    """A test client signed in, with both factors, as `professional`."""
    return sign_in(client, professional)


def restore_migration_data():
    """A live-server test runs outside a transaction, so the database is flushed after it,
    taking what data migrations made; put back what the portal relies on."""
    from django.apps import apps
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Locale, Page

    from portal_pages.accounts.groups import CONTENT_EDITORS

    language = get_supported_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    Group.objects.get_or_create(name=CONTENT_EDITORS)
    importlib.import_module("portal_pages.accounts.migrations.0002_send_team_group").create_group(
        apps, None
    )


@pytest.fixture
def live_site(live_server, transactional_db):
    """The live server with the demo site loaded."""
    from wagtail.models import Site

    from portal_site import demo

    restore_migration_data()
    demo.load()
    Site.objects.filter(is_default_site=True).update(hostname="localhost")
    return live_server

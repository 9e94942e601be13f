"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live
server, for pages whose script matters."""

import importlib
import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def restore_migration_data():
    """A live-server test runs outside a transaction, so the database is flushed after it,
    taking what data migrations made; put back what the portal relies on."""
    from django.apps import apps
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page

    from portal_pages.accounts.groups import CONTENT_EDITORS

    language = get_supported_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
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

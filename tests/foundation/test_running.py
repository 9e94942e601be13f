"""`make run`: where emailed links point, and how its console log reads."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_command(*make_args, **env):
    """The command `make run` would serve with (printed, not run)."""
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    output = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", *make_args],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return next(line for line in output.splitlines() if "runserver" in line)


def test_emailed_links_follow_the_port_make_run_serves_on():
    command = run_command("PORT=8101")
    assert "SITE_URL='http://127.0.0.1:8101'" in command
    assert command.endswith("runserver 127.0.0.1:8101")
    assert "SITE_URL='http://0.0.0.0:9000'" in run_command("HOST=0.0.0.0", "PORT=9000")


def test_a_site_url_that_is_set_is_kept():
    command = run_command("PORT=8101", SITE_URL="https://send-portal.example.gov.uk")
    assert "SITE_URL='https://send-portal.example.gov.uk'" in command


def test_each_log_line_of_the_local_server_is_printed_once():
    script = (
        "import django, logging; django.setup();"
        "logging.getLogger('django.server').info('GET /children/ 200');"
        "logging.getLogger('django.request').warning('Not Found: /nowhere/');"
        "logging.getLogger('ehc_forms.views').error('Autosave failed')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal_site.settings.dev"},
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stderr.splitlines()
    for message in ("GET /children/ 200", "Not Found: /nowhere/", "Autosave failed"):
        assert sum(message in line for line in lines) == 1, result.stderr

"""gunicorn serving the bench's settings on 127.0.0.1 and a port the OS gives, for the runs
that measure the portal over HTTP (`make bench HTTP=1` and `make load`)."""

import contextlib
import os
import socket
import subprocess
import sys
import time

import requests
from django.conf import settings


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base):
    for _ in range(100):
        try:
            requests.get(f"{base}/healthz", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


@contextlib.contextmanager
def gunicorn(workers=2, env=None):
    """Serves the portal with `workers` gunicorn workers for the block; gives the base URL.
    `env` adds to the environment the server runs with."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # Fixed arguments: this Python's gunicorn on a port the OS gave, nothing from input.
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "--workers", str(workers)]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
        + ["portal_site.wsgi:application"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
            **(env or {}),
        },
    )
    try:
        wait_until_serving(base)
        yield base
    finally:
        server.terminate()
        server.wait()

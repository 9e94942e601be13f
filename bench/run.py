"""Times pages through the full Django stack on the configured database and prints figures.

Run with `make bench`. Each area adds pages by registering a `register_bench_pages` hook that
returns (label, client, url) tuples, after creating whatever data the page needs; a slow
page (a long PDF) may add a fourth item, how many times to time it.
"""

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal_site.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail import hooks  # noqa: E402

REPEATS = 50


def measure(client, url, repeats=REPEATS):
    """Median and 95th percentile in milliseconds, and queries per request."""
    client.get(url)  # warm caches and templates
    timings = []
    with CaptureQueriesContext(connection) as captured:
        for _ in range(repeats):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
    queries = len(captured.captured_queries) / repeats
    timings.sort()
    return response.status_code, statistics.median(timings), timings[int(repeats * 0.95)], queries


def main():
    settings.ALLOWED_HOSTS = ["testserver"]
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    pages = [("home page", Client(), "/"), ("health check", Client(), "/healthz")]
    for pages_of_an_area in hooks.get_hooks("register_bench_pages"):
        pages.extend(pages_of_an_area())
    print(f"{'page':40} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for label, client, url, *repeats in pages:
        status, median, p95, queries = measure(client, url, *repeats)
        print(f"{label:40} {status:>6} {median:>10.1f} {p95:>8.1f} {queries:>8.1f}")


if __name__ == "__main__":
    main()

"""Times pages through the full Django stack on the configured database and prints figures.

Run with `make bench`. The references (bench/references.py) come first; then every installed
app's `bench.py` adds pages with a `pages()` function, which creates whatever data its pages
need and returns (label, client, url) tuples, optionally with a dict of options:
`post` (a callable giving the POST data, called before each request), `queries` (the
page's query budget, asserted by the tests), `key` (a name other rows compare with) and
`versus` (the key of the reference this row is compared with), `rounds` (time a slow
page, such as a long PDF, in its first rounds only; besides those it is requested three
times, to warm it and to count its queries twice) and `before` (a callable run, untimed, before
each request: to empty a cache the page would otherwise answer from).

Requests run round-robin, one of each page in turn, so drift on a shared machine hits every
page alike: read the ratios, not the milliseconds. Each run's ratios to the plain page are
kept in var/bench-<database>-<size>.json, so a run on the `large` data set prints how much
each page grew against the `small` run on the same database (ratio over ratio, so a busier
machine during one of the runs does not count).
"""

import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal_site.settings.bench")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.cases import collect_cases  # noqa: E402
from bench.explain import print_plans  # noqa: E402
from portal_pages.accounts.models import User  # noqa: E402
from portal_pages.children import bench as children_bench  # noqa: E402
from portal_pages.inbox import bench as inbox_bench  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "20"))
SIZE = os.environ.get("BENCH_SIZE", "small")
# BENCH_SHOW=<part of a label> prints the SQL and a cProfile of the pages it matches.
SHOW = os.environ.get("BENCH_SHOW", "")


def run_round_robin(cases):
    """Warm every page once, then time one request of each page in turn, REPEATS times.
    Query logging is off while timing; the queries are counted in two requests after."""
    statuses = {case.label: case.request().status_code for case in cases}
    for _ in range(REPEATS):
        for case in cases:
            if case.rounds is not None and len(case.timings) >= case.rounds:
                continue
            data = case.prepare()
            start = time.perf_counter()
            case.send(data)
            case.timings.append((time.perf_counter() - start) * 1000)
    counts = {}
    for case in cases:
        # Counted in two requests, keeping the fewer: a session's idle stamp, the page frame
        # and a form's definition are each refreshed once a minute, in whichever request
        # comes first, and would be charged to that page; a POST before it may also have
        # emptied a cache it reads.
        counted = []
        for _ in range(2):
            data = case.prepare()
            with CaptureQueriesContext(connection) as captured:
                statuses[case.label] = case.send(data).status_code
            counted.append(captured.captured_queries)
        queries = min(counted, key=len)
        counts[case.label] = len(queries)
        if SHOW and SHOW in case.label:
            show(case, queries)
    return statuses, counts


def show(case, queries):
    print(f"== {case.label}: {len(queries)} queries", file=sys.stderr)
    for query in queries:
        print("  ", query["sql"][:300], file=sys.stderr)
    profile = cProfile.Profile()
    profile.runcall(lambda: [case.request() for _ in range(10)])
    pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(40)


def small_run_ratios():
    other = "small" if SIZE == "large" else None
    path = Path(settings.VAR_DIR) / f"bench-{connection.vendor}-{other}.json"
    if other is None or not path.exists():
        return {}
    return json.loads(path.read_text())


def print_table(cases, statuses, counts):
    by_key = {case.key: case for case in cases if case.key}
    plain = by_key["plain"].median
    small = small_run_ratios()
    print(
        f"{'page':44} {'status':>6} {'median':>7} {'p95':>7} {'queries':>7} "
        f"{'× plain':>7} {'× ref':>13}" + (f" {'× small':>8}" if small else "")
    )
    for case in cases:
        queries = f"{counts[case.label]}/{case.queries}"
        versus = ""
        if case.versus:
            versus = f"{case.median / by_key[case.versus].median:.2f} {case.versus}"
        line = (
            f"{case.label[:44]:44} {statuses[case.label]:>6} {case.median:>7.1f} "
            f"{case.p95:>7.1f} {queries!s:>7} {case.median / plain:>7.2f} {versus:>13}"
        )
        if small and case.label in small:
            line += f" {case.median / plain / small[case.label]:>8.2f}"
        print(line)
    print(
        f"\n{REPEATS} rounds, round-robin; times in ms; {connection.vendor} database, "
        f"{SIZE} data set; queries as counted/budget."
    )


def main():
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    cases = collect_cases()
    statuses, counts = run_round_robin(cases)
    print_table(cases, statuses, counts)
    path = Path(settings.VAR_DIR) / f"bench-{connection.vendor}-{SIZE}.json"
    plain = next(case.median for case in cases if case.key == "plain")
    path.write_text(json.dumps({case.label: case.median / plain for case in cases}, indent=1))
    print_plans(
        User.objects.get(email=children_bench.BENCH_EMAIL),
        User.objects.get(email=inbox_bench.BENCH_EMAIL),
    )
    over = [case.label for case in cases if counts[case.label] > case.queries]
    if over:
        print("Over their query budget:", ", ".join(over), file=sys.stderr)


if __name__ == "__main__":
    main()

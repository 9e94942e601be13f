"""How many examples each fuzz test ran, printed at the end of the run (`conftest.py`), so a
CI log shows how much input the endpoints really took."""

import functools
from collections import Counter

examples_run = Counter()


def counted(test):
    """Put under `@given`: counts every example hypothesis runs through `test`."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        examples_run[test.__name__] += 1
        return test(*args, **kwargs)

    return run

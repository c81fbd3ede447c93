"""The pytest plugin for mutation runs (`python3 dev.py mutate` loads it with `-p`).

mutmut runs each mutant's tests in a forked process. There, a test needing the database would
start another embedded PostgreSQL, so such tests are deselected: only the tests that run without
one decide whether a mutant is killed. And a property test that fails on a mutant stops at its
first counterexample: shrinking it (the `mutation` Hypothesis profile leaves that phase out)
would only make the report nicer, at the cost of a minute per mutant.

    pytest -p tests.mutation_plugin --hypothesis-profile=mutation tests/access
"""

from __future__ import annotations

import pytest
from hypothesis import Phase, settings

# Every database fixture depends on this one, so a test's fixture closure names it when it needs one.
DATABASE_FIXTURE = "server_url"

settings.register_profile(
    "mutation", phases=(Phase.explicit, Phase.reuse, Phase.generate), deadline=None
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        needs_database = DATABASE_FIXTURE in getattr(item, "fixturenames", ())
        (drop if needs_database else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep

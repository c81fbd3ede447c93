"""schema.graphql is generated from the code and must not drift from it."""

from __future__ import annotations

from socialaid.api.schema import schema_sdl
from tests.conftest import REPO_ROOT


def test_committed_schema_matches_the_code() -> None:
    committed = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema_sdl(), (
        "schema.graphql is stale: run `socialaid export-schema --output schema.graphql`"
    )

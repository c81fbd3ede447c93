"""Every citation of a seed in the catalogue data names sections the seed has, and its quote is in
one of them: not merely somewhere in the file. Widths and spacing are normalised (a seed's page
breaks fall inside sentences); nothing else is, so a quote is the seed's words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from socialaid.sources import SEED_FILES, cited_sections, normalise, seed_sections

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / "docs" / "seeds"  # verbatim copies of the five source documents
DATA_FILES = sorted(
    [*(REPO_ROOT / "catalogue").rglob("*.yaml"), *(REPO_ROOT / "tenants").rglob("*.yaml")]
)


def citations(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every mapping that cites a seed, with where it is (file: path inside the document)."""
    if isinstance(node, dict):
        if node.get("seed") and "section" in node:
            yield where, node
        for key, value in node.items():
            yield from citations(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from citations(value, f"{where}[{index}]")


def all_citations() -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for path in DATA_FILES:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += citations(document, str(path.relative_to(REPO_ROOT)) + ":")
    return found


def read_seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sections() -> dict[str, dict[str, str]]:
    return {
        name: {label: normalise(text) for label, text in seed_sections(read_seed(name)).items()}
        for name in SEED_FILES
    }


def test_the_data_cites_seeds_often_enough_for_this_check_to_mean_something() -> None:
    cited = all_citations()
    assert len(cited) > 500
    assert {c["seed"] for _, c in cited} == set(SEED_FILES)


def test_every_cited_section_is_a_section_of_its_seed(sections: dict[str, dict[str, str]]) -> None:
    unknown = [
        f"{where} {c['seed'][:3]} {label!r}"
        for where, c in all_citations()
        for label in cited_sections(c["section"])
        if label not in sections[c["seed"]]
    ]
    assert not unknown, "\n".join(unknown)


def test_every_quote_is_in_a_section_its_citation_names(
    sections: dict[str, dict[str, str]],
) -> None:
    misplaced = []
    for where, c in all_citations():
        if not c.get("quote"):
            continue
        of_seed = sections[c["seed"]]
        named = [of_seed[label] for label in cited_sections(c["section"]) if label in of_seed]
        if not any(normalise(c["quote"]) in text for text in named):
            misplaced.append(f"{where} {c['seed'][:3]} {c['section']}: {c['quote']}")
    assert not misplaced, "\n".join(misplaced)

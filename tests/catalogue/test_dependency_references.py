"""A dependency that counts an approval only as some target groups names groups its
predecessor can recognise."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialaid.catalogue.loader import load_catalogue_sources
from socialaid.datafiles import DataFileError
from tests.catalogue.mini import copy_mini, edit

STUDY = "tenants/990000-parent/items/study.yaml"


def with_approved_as(tmp_path: Path, groups: str) -> Path:
    root = copy_mini(tmp_path)
    library = root / "catalogue" / "target-groups" / "mini.yaml"
    library.write_text(
        library.read_text(encoding="utf-8")
        + "- code: other_family\n  name: 其他家庭\n  source: {document: test fixture, section: t}\n",
        encoding="utf-8",
    )
    edit(
        root / STUDY,
        "- {items: [living], reason: 需先认定困难身份}",
        f"- {{items: [living], reason: 需先认定困难身份, approved_as: [{groups}]}}",
    )
    return root


def test_a_group_the_predecessor_recognises_is_accepted(tmp_path: Path) -> None:
    root = with_approved_as(tmp_path, "poor_family")
    load_catalogue_sources(root / "catalogue", root / "tenants")


def test_a_group_the_predecessor_cannot_recognise_is_refused_naming_the_path(
    tmp_path: Path,
) -> None:
    # other_family is a known target group, but not one of living's.
    root = with_approved_as(tmp_path, "poor_family, other_family")
    with pytest.raises(DataFileError) as refused:
        load_catalogue_sources(root / "catalogue", root / "tenants")
    assert "requires_decision_of[0].approved_as[1]" in str(refused.value)
    assert "recognises target group 'other_family'" in str(refused.value)

"""The shared libraries (data elements, evidence types, code lists, target groups) as one value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from socialaid.catalogue.files import (
    CodeList,
    CodeListFile,
    DataElement,
    DataElementsFile,
    EvidenceType,
    EvidenceTypesFile,
    RepeatGroup,
    TargetGroup,
    TargetGroupsFile,
)
from socialaid.datafiles import DataFileError, parse_file

F = TypeVar("F", bound=BaseModel)


@dataclass(frozen=True)
class Library:
    code_lists: dict[str, CodeList] = field(default_factory=dict)
    repeat_groups: dict[str, RepeatGroup] = field(default_factory=dict)
    data_elements: dict[str, DataElement] = field(default_factory=dict)
    evidence_types: dict[str, EvidenceType] = field(default_factory=dict)
    target_groups: dict[str, TargetGroup] = field(default_factory=dict)

    def repeat_group_of(self, key: str) -> str | None:
        """The repeat group a key belongs to: household.members[].relation → household.members."""
        head, sep, _ = key.partition("[]")
        return head if sep else None


LIBRARY_PARTS: dict[str, type[BaseModel]] = {
    "code_lists": CodeList,
    "repeat_groups": RepeatGroup,
    "data_elements": DataElement,
    "evidence_types": EvidenceType,
    "target_groups": TargetGroup,
}


def library_document(library: Library) -> dict[str, dict[str, object]]:
    """The library as JSON-compatible data (for snapshots)."""
    return {
        part: {key: entry.model_dump(mode="json") for key, entry in getattr(library, part).items()}
        for part in LIBRARY_PARTS
    }


def library_from_document(document: Mapping[str, Mapping[str, Any]]) -> Library:
    def part(name: str) -> Mapping[str, Any]:
        return document.get(name, {})

    return Library(
        code_lists={k: CodeList.model_validate(v) for k, v in part("code_lists").items()},
        repeat_groups={k: RepeatGroup.model_validate(v) for k, v in part("repeat_groups").items()},
        data_elements={k: DataElement.model_validate(v) for k, v in part("data_elements").items()},
        evidence_types={
            k: EvidenceType.model_validate(v) for k, v in part("evidence_types").items()
        },
        target_groups={k: TargetGroup.model_validate(v) for k, v in part("target_groups").items()},
    )


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _collect(
    folder: Path, model: type[F], attribute: str, key: str, into: dict[str, object]
) -> None:
    """Gather entries of every file in `folder`, refusing a key defined twice."""
    origin: dict[str, Path] = {}
    for file in _files(folder):
        entries = getattr(parse_file(file, model), attribute)
        for index, entry in enumerate(entries):
            value = getattr(entry, key)
            if value in into:
                raise DataFileError(
                    file,
                    f"{attribute}[{index}].{key}",
                    f"{value!r} is already defined in {origin[value]}",
                )
            into[value] = entry
            origin[value] = file


def load_library(root: Path) -> Library:
    """Read catalogue/ and check that every cross-reference inside it resolves."""
    code_lists: dict[str, object] = {}
    repeat_groups: dict[str, object] = {}
    elements: dict[str, object] = {}
    evidence: dict[str, object] = {}
    groups: dict[str, object] = {}
    _collect(root / "code-lists", CodeListFile, "code_lists", "code", code_lists)
    _collect(root / "data-elements", DataElementsFile, "repeat_groups", "key", repeat_groups)
    _collect(root / "data-elements", DataElementsFile, "data_elements", "key", elements)
    _collect(root / "evidence-types", EvidenceTypesFile, "evidence_types", "code", evidence)
    _collect(root / "target-groups", TargetGroupsFile, "target_groups", "code", groups)
    library = Library(
        code_lists=code_lists,  # type: ignore[arg-type]
        repeat_groups=repeat_groups,  # type: ignore[arg-type]
        data_elements=elements,  # type: ignore[arg-type]
        evidence_types=evidence,  # type: ignore[arg-type]
        target_groups=groups,  # type: ignore[arg-type]
    )
    _check_library(root, library)
    return library


def _check_library(root: Path, library: Library) -> None:
    where = root / "data-elements"
    for key, element in library.data_elements.items():
        if element.code_list and element.code_list not in library.code_lists:
            raise DataFileError(
                where, f"data_elements[{key}].code_list", f"unknown code list {element.code_list!r}"
            )
        if element.type in {"code", "codes"} and not element.code_list:
            raise DataFileError(
                where, f"data_elements[{key}].code_list", "a code element names its code list"
            )
        group = library.repeat_group_of(key)
        if group is not None and group not in library.repeat_groups:
            raise DataFileError(
                where, f"data_elements[{key}]", f"repeat group {group!r} is not defined"
            )

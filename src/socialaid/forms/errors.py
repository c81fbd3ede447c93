"""Typed failures of form compilation; the GraphQL layer turns each problem into a user error."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SelectionProblem:
    # UNKNOWN_ITEM, EMPTY_SELECTION, ORGANISED_ITEM, PARENT_ITEM_SELECTED, ITEMS_EXCLUDE_EACH_OTHER,
    # UNKNOWN_ELEMENT, UNKNOWN_EVIDENCE
    code: str
    message: str
    items: tuple[str, ...]


class FormCompileError(Exception):
    """The selection cannot be compiled into one form; `problems` lists every reason found."""

    def __init__(self, problems: list[SelectionProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in problems))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)

"""The next questions to ask a family: the answers that decide the most undecided items.

Pure. An item waiting on answers (NEEDS_INFORMATION) names the keys its rule still reads. A
question decides an item when answering it alone settles the rule: it is the only key the item
waits on, or (for yes/no and code-list questions, whose answers can be listed) one of its answers
settles the rule whatever the other missing answers turn out to be (a family without a Shanghai
hukou is UNLIKELY for dibao before anyone asks its income). Questions are ranked by the items
they decide, then by the items they concern; asking them in that order is the greedy shortest
sequence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from socialaid.catalogue.files import ItemFile
from socialaid.screening.partial import Known, partially_evaluate
from socialaid.screening.screening import ItemScreening, Outcome

_UNDECIDED = (Outcome.NEEDS_INFORMATION, Outcome.NOT_SCREENABLE)


@dataclass(frozen=True)
class Question:
    key: str
    decides: tuple[str, ...]  # items an answer to this question alone settles
    concerns: tuple[str, ...]  # items whose rule reads it


def next_questions(
    screenings: Sequence[ItemScreening],
    specs: Mapping[str, ItemFile],
    answers: Mapping[str, Any],
    parameter_values: Mapping[str, Any],
    candidates: Mapping[str, Sequence[Any]],
) -> list[Question]:
    """`candidates` lists the possible answers of keys whose answers can be listed (booleans,
    code lists); other keys decide an item only as its last missing answer."""
    decides: dict[str, set[str]] = {}
    concerns: dict[str, set[str]] = {}
    for screening in screenings:
        # An item waiting on a parameter nobody set may still be settled by an answer (no Shanghai
        # hukou: dibao is unlikely whatever the standard), so it counts while answers are missing.
        waiting = screening.missing_answers
        if screening.outcome not in _UNDECIDED or not waiting:
            continue
        rule = specs[screening.item].eligibility
        last = screening.outcome is Outcome.NEEDS_INFORMATION and len(waiting) == 1
        for key in waiting:
            concerns.setdefault(key, set()).add(screening.item)
            if last or any(
                isinstance(
                    partially_evaluate(rule, with_answer(answers, key, value), parameter_values),
                    Known,
                )
                for value in candidates.get(key, ())
            ):
                decides.setdefault(key, set()).add(screening.item)
    ranked = sorted(
        concerns,
        key=lambda key: (-len(decides.get(key, ())), -len(concerns[key]), key),
    )
    return [
        Question(key, tuple(sorted(decides.get(key, ()))), tuple(sorted(concerns[key])))
        for key in ranked
    ]


def with_answer(answers: Mapping[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A copy of `answers` with `value` at the dotted `key` (row keys are not listed: they
    never reach here, having no candidates)."""
    copy: dict[str, Any] = dict(answers)
    node = copy
    segments = key.split(".")
    for segment in segments[:-1]:
        child = node.get(segment)
        node[segment] = dict(child) if isinstance(child, Mapping) else {}
        node = node[segment]
    node[segments[-1]] = value
    return copy

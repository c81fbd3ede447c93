"""The tag kinds a discovery rule cannot be true without, so the job reads only the residents
holding one of them instead of everyone. Pure: no database.

`required_kinds(rule, values)` is a set K such that the rule is falsy for every resident who
holds no kind in K, or None when that cannot be shown. It never guesses: each set it returns is
either checked by the reference engine itself (the subtree evaluated with every kind it reads
missing — exactly what such a resident's document gives it) or built from such sets by a rule
that holds for JSONLogic's `and` (falsy when any operand is), `or` (falsy when every operand is),
`!!` and `if` (falsy when every branch it can return is). Missing facts are null and null counts
as 0 (`{"==": [{"var": "employment.employed"}, false]}` is *true* for a resident without an
employment tag), which is why the engine decides rather than a second reading of the semantics.

The smaller the set, the fewer residents the job builds documents for: `and` takes its most
selective operand (fewest kinds), a subtree's own check is used when the combination gives
nothing smaller.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from socialaid.catalogue.conditions import PARAMS_PREFIX, evaluate

Kinds = frozenset[str]


def required_kinds(rule: Any, values: Mapping[str, Any]) -> Kinds | None:
    """Kinds of which a resident must hold at least one for `rule` to be truthy (with the
    tenant's parameter `values`); None: not shown, every holder of a kind it reads is a
    candidate."""
    return _needs(rule, {"params": dict(values)})


def _needs(node: Any, params: Mapping[str, Any]) -> Kinds | None:
    found = [_structural(node, params), _checked(node, params)]
    known = [kinds for kinds in found if kinds is not None]
    return min(known, key=lambda kinds: (len(kinds), sorted(kinds))) if known else None


def _checked(node: Any, params: Mapping[str, Any]) -> Kinds | None:
    """The kinds `node` reads, if it is falsy when every one of them is missing."""
    kinds = _kinds_read(node)
    if kinds is None:
        return None
    try:
        falsy = not evaluate({"!!": [node]}, params)
    except Exception:  # the engine refusing the subtree shows nothing
        return None
    return kinds if falsy else None


def _structural(node: Any, params: Mapping[str, Any]) -> Kinds | None:
    if not isinstance(node, dict) or len(node) != 1:
        return None
    ((op, args),) = node.items()
    listed = list(args) if isinstance(args, list) else [args]
    if op == "and":
        if not listed:
            return frozenset()
        known = [k for k in (_needs(a, params) for a in listed) if k is not None]
        return min(known, key=lambda kinds: (len(kinds), sorted(kinds))) if known else None
    if op == "or":
        return _union([_needs(a, params) for a in listed])
    if op == "!!":
        return _needs(listed[0], params) if listed else frozenset()
    if op == "if":
        branches = [listed[i] for i in range(1, len(listed), 2)]
        if len(listed) % 2 == 1:
            branches.append(listed[-1])  # the else branch
        # An even count has no else: it returns null, which is falsy.
        return _union([_needs(b, params) for b in branches])
    return None


def _union(parts: list[Kinds | None]) -> Kinds | None:
    if any(part is None for part in parts):
        return None
    return frozenset().union(*(part for part in parts if part is not None))


def _kinds_read(node: Any) -> Kinds | None:
    """Every tag kind `node` reads; None when a var's name is not a fixed `<kind>.<fact>` or
    `params.<key>` (computed names, the element of some/all/none)."""
    kinds: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for op, args in item.items():
                if op == "var":
                    listed = list(args) if isinstance(args, list) else [args]
                    name = listed[0] if listed else None
                    if not isinstance(name, str) or "." not in name:
                        return None
                    if not name.startswith(PARAMS_PREFIX):
                        kinds.add(name.split(".", 1)[0])
                    stack.extend(listed[1:])
                elif op in ("some", "all", "none", "map", "filter", "reduce"):
                    return None
                else:
                    stack.append(args)
    return frozenset(kinds)

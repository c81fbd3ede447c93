"""Hypothesis strategies for what an attacker or a careless client puts in each GraphQL type:
NUL bytes, lone surrogates, huge and empty strings, wildcards, extreme numbers, dates in year 1
or 9999, JSON nested deep or a list of 20,000 household members."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)
from hypothesis import strategies as st

from socialaid.clock import today_in_china

TODAY = today_in_china()
# Values a real caller would send, so a hostile value elsewhere in the input is what stops it.
PLAUSIBLE_STRINGS = ["310000", "310105", "140000", "dibao", "civil_affairs", "huayanglu", "a"]
SPECIAL_STRINGS = [
    "",
    " ",
    "\x00",
    "310000\x00",
    "\ud800",
    "a\udfffb",
    "%",
    "_",
    "%_%",
    "'; DROP TABLE application; --",
    "\u202eevil",
    "1E+100000000",
    "-0",
    "0.000000000000000000000000000001",
    "99999999999999999999.99",
    "NaN",
    "../../etc/passwd",
]
LONG_STRINGS = st.builds(
    lambda count, char: char * count,
    st.sampled_from([65, 129, 257, 1_001, 4_001, 100_000]),
    st.sampled_from(["a", "汉", "\x00"]),
)
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())
HOSTILE_STRINGS = st.one_of(
    st.sampled_from(PLAUSIBLE_STRINGS),
    st.sampled_from(SPECIAL_STRINGS),
    st.text(ANY_CHARACTER, max_size=30),
    LONG_STRINGS,
)
HOSTILE_INTS = st.one_of(
    st.sampled_from([0, -1, 1, 2**31 - 1, -(2**31), 2**31, 10**20]), st.integers(-3, 3)
)
HOSTILE_FLOATS = st.sampled_from([0.0, -0.0, 1e308, -1e308, 5e-324, 1.5])
HOSTILE_DATES = st.sampled_from(
    [
        "0001-01-01",
        "9999-12-31",
        "1899-12-31",
        "2026-02-30",
        "yesterday",
        "",
        TODAY.isoformat(),
        (TODAY - timedelta(days=1)).isoformat(),
        (TODAY + timedelta(days=30)).isoformat(),
    ]
)
HOSTILE_DATETIMES = st.sampled_from(
    [
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+08:00",
        "2026-13-01T00:00:00Z",
        "now",
        f"{TODAY.isoformat()}T09:00:00+08:00",
    ]
)


def _deep(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = {"a": [value]}
    return value


JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    HOSTILE_INTS,
    HOSTILE_FLOATS,
    HOSTILE_STRINGS.filter(lambda s: len(s) < 5_000),
)
HOSTILE_JSON = st.one_of(
    st.recursive(
        JSON_LEAVES,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=12,
    ),
    st.sampled_from(
        [
            _deep(30),
            {"household": {"members": [{"name": "x", "monthly_income": 0}] * 20_000}},
            {"household": {"income_monthly": 1e308}},
            {"applicant": {"name": "a" * 1_000_000}},
            [0] * 5_000,
        ]
    ),
)


def hostile(type_: GraphQLInputType, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of `type_` (null where it is nullable), mostly hostile somewhere inside."""
    if isinstance(type_, GraphQLNonNull):
        return _non_null(type_.of_type, depth)
    return st.one_of(st.none(), _non_null(type_, depth))


def _non_null(type_: Any, depth: int) -> st.SearchStrategy[Any]:
    if isinstance(type_, GraphQLList):
        element = hostile(type_.of_type, depth + 1)
        return st.one_of(
            st.lists(element, max_size=3),
            # Many copies of one small element: a long list, not a large body.
            st.builds(
                lambda one, n: [one] * n,
                element.filter(lambda one: len(json.dumps(one)) < 100),
                st.sampled_from([101, 2_000]),
            ),
        )
    if isinstance(type_, GraphQLEnumType):
        return st.one_of(st.sampled_from(list(type_.values)), st.just("NOT_A_VALUE"))
    if isinstance(type_, GraphQLInputObjectType):
        return st.fixed_dictionaries(
            {
                name: hostile(field.type, depth + 1)
                for name, field in type_.fields.items()
                if isinstance(field.type, GraphQLNonNull)
            },
            optional={
                name: hostile(field.type, depth + 1)
                for name, field in type_.fields.items()
                if not isinstance(field.type, GraphQLNonNull)
            },
        )
    assert isinstance(type_, GraphQLScalarType)
    return SCALARS[type_.name]


SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "String": HOSTILE_STRINGS,
    "ID": HOSTILE_STRINGS,
    "Int": HOSTILE_INTS,
    "Float": HOSTILE_FLOATS,
    "Boolean": st.booleans(),
    "Date": HOSTILE_DATES,
    "DateTime": HOSTILE_DATETIMES,
    "JSON": HOSTILE_JSON,
}

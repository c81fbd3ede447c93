"""Every root field × anonymous and every role × own, child and sibling tenant, through GraphQL.

The expected answers are tests/access/expected_permissions.py, written by hand from the seeds; the
actual ones come from running each operation with a real bearer token. Each operation is generated
from the field's arguments: the argument naming the tenant (found in the schema, not taken from the
registry) gets the target tenant, the others a plain value of their type. FORBIDDEN and
UNAUTHENTICATED are refusals; data or an error about the arguments (NOT_FOUND, INVALID_INPUT…)
means the caller got past the permission check. A masked crash says neither, so it fails the cell.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)
from graphql.pyutils import Undefined

from socialaid.access.registry import ROOT_FIELDS
from socialaid.access.tokens import mint_token
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.access.expected_permissions import ALLOWED_ROLES, PUBLIC_FIELDS
from tests.conftest import test_settings
from tests.graphql_client import default_schema, execute
from tests.today import THIS_MORNING, TODAY_ISO

HOME = "310000"  # 上海市: every caller's grant is here
SIBLING = "sibling tenant"
TARGETS = {"own tenant": "310000", "child tenant": "310105", SIBLING: "140000"}
# The row named decides the tenant: here the matrix checks the role, test_scope_below_the_tenant
# the rows.
BY_ID = "addressed by id"
ANSWERED = "answered"
ANSWERING_CODES = {"NOT_FOUND", "INVALID_INPUT", "CONFLICT", "LOCKED_ELEMENT", "ILLEGAL_TRANSITION"}
REFUSING_CODES = {"FORBIDDEN", "UNAUTHENTICATED"}
SCALAR_SAMPLES: dict[str, Any] = {
    "String": "matrix",
    "ID": "matrix",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "Date": TODAY_ISO,
    "DateTime": THIS_MORNING,
    "JSON": {},
}


def root_fields() -> dict[str, tuple[str, GraphQLField]]:
    schema = default_schema()._schema
    fields: dict[str, tuple[str, GraphQLField]] = {}
    for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        for name, field in (root.fields if root else {}).items():
            fields[name] = (operation, field)
    return fields


ROOT = root_fields()


def tenant_argument(field: GraphQLField) -> str | None:
    """Where the operation names its tenant: `tenant` (or `code` for the tenant itself), or
    `tenant` inside its input object."""
    for name in ("tenant", "code"):
        if name in field.args and get_named_type(field.args[name].type).name == "String":
            return name
    for name, argument in field.args.items():
        named = get_named_type(argument.type)
        if isinstance(named, GraphQLInputObjectType) and "tenant" in named.fields:
            return f"{name}.tenant"
    return None


def sample(type_: Any, path: str, tenant_path: str | None, tenant: str) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return sample(type_.of_type, path, tenant_path, tenant)
    if path == tenant_path:
        return tenant
    if isinstance(type_, GraphQLList):
        return []
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: sample(f.type, f"{path}.{name}", tenant_path, tenant)
            for name, f in type_.fields.items()
            if isinstance(f.type, GraphQLNonNull) or f"{path}.{name}" == tenant_path
        }
    assert isinstance(type_, GraphQLScalarType)
    return SCALAR_SAMPLES[type_.name]


def needs_value(name: str, argument: GraphQLArgument, tenant_path: str | None) -> bool:
    required = isinstance(argument.type, GraphQLNonNull) and argument.default_value in (
        None,
        Undefined,
    )
    return required or name == tenant_path or (tenant_path or "").startswith(name + ".")


def operation_for(name: str, tenant: str) -> tuple[str, dict[str, Any]]:
    operation, field = ROOT[name]
    tenant_path = tenant_argument(field)
    args = {a: arg for a, arg in field.args.items() if needs_value(a, arg, tenant_path)}
    variables = {a: sample(arg.type, a, tenant_path, tenant) for a, arg in args.items()}
    declared = ", ".join(f"${a}: {arg.type}" for a, arg in args.items())
    passed = ", ".join(f"{a}: ${a}" for a in args)
    selection = (
        "{ __typename }"
        if isinstance(get_named_type(field.type), GraphQLObjectType | GraphQLInterfaceType)
        else ""
    )
    header = f"{operation} Matrix({declared})" if declared else operation
    call = f"{name}({passed})" if passed else name
    return f"{header} {{ {call} {selection} }}", variables


def relations(name: str) -> dict[str, str]:
    if tenant_argument(ROOT[name][1]) is None:
        return {BY_ID: HOME}
    return TARGETS


def expected(name: str, role: Role | None, relation: str) -> str:
    if name in PUBLIC_FIELDS:
        return ANSWERED
    if role is None:
        return "UNAUTHENTICATED"
    if role in ALLOWED_ROLES[name] and relation != SIBLING:
        return ANSWERED
    return "FORBIDDEN"


def outcome(errors: list[dict[str, Any]]) -> str:
    """ANSWERED, the refusal's code, or what went wrong when the API said neither."""
    codes = [str((e.get("extensions") or {}).get("code")) for e in errors]
    if any(code not in ANSWERING_CODES | REFUSING_CODES for code in codes):
        return f"neither answered nor refused: {errors}"
    refusals = [code for code in codes if code in REFUSING_CODES]
    return refusals[0] if refusals else ANSWERED


@cache
def token_for(role: Role) -> str:
    # The user id differs from the sample strings, so a roleGrant made by one cell is never
    # granted to a later caller.
    return mint_token(
        test_settings(),
        user=f"caller-{role.value}",
        tenant=HOME,
        roles=[role],
        departments=["civil_affairs"],
        area="huayanglu",
    )


CALLERS: dict[str, Role | None] = {"anonymous": None} | {role.value: role for role in Role}


def test_the_table_names_every_root_field_once() -> None:
    assert sorted(set(ROOT) - PUBLIC_FIELDS - set(ALLOWED_ROLES)) == [], "add to the table"
    assert sorted((PUBLIC_FIELDS | set(ALLOWED_ROLES)) - set(ROOT)) == [], "stale table rows"
    assert sorted(PUBLIC_FIELDS & set(ALLOWED_ROLES)) == []


def test_every_root_field_is_registered_and_every_registration_is_a_root_field() -> None:
    assert sorted(set(ROOT) - set(ROOT_FIELDS)) == [], "add these to access/registry.py"
    assert sorted(set(ROOT_FIELDS) - set(ROOT)) == [], "stale entries in access/registry.py"


@pytest.mark.parametrize("name", sorted(ROOT))
async def test_root_field_answers_exactly_the_roles_the_seeds_give_it_in_their_tenants(
    db: Database, name: str
) -> None:
    if name not in PUBLIC_FIELDS | set(ALLOWED_ROLES):
        pytest.fail(f"root field {name!r} has no row in tests/access/expected_permissions.py")
    mismatches = []
    for caller, role in CALLERS.items():
        token = token_for(role) if role else None
        for relation, tenant in relations(name).items():
            query, variables = operation_for(name, tenant)
            _, errors = await execute(db, query, variables, token=token)
            got, want = outcome(errors), expected(name, role, relation)
            if got != want:
                mismatches.append(f"{caller}, {relation}: expected {want}, got {got}")
    assert mismatches == []


def test_a_masked_crash_counts_as_neither_an_answer_nor_a_refusal() -> None:
    masked = {"message": "Unexpected error.", "locations": [], "path": ["caseDecide"]}
    internal = {"message": "boom", "extensions": {"code": "INTERNAL"}}
    for errors in ([masked], [internal], [masked, {"extensions": {"code": "FORBIDDEN"}}]):
        assert outcome(errors).startswith("neither answered nor refused")
    assert outcome([{"extensions": {"code": "NOT_FOUND"}}]) == ANSWERED
    assert outcome([{"extensions": {"code": "FORBIDDEN"}}]) == "FORBIDDEN"

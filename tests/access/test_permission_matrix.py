"""Every root field × every role × own, child and sibling tenant: allowed exactly as registered.

The fields come from the schema, so a new root field without an entry in
socialaid.access.registry.ROOT_FIELDS fails here. Each operation is generated from the field's
arguments: the registered tenant argument gets the target tenant, the others a plain value of
their type. Expected decisions come from the registry and the policy files; actual ones from
running the operation (FORBIDDEN or UNAUTHENTICATED means denied).
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)
from graphql.pyutils import Undefined

from socialaid.access.decisions import is_allowed
from socialaid.access.principal import Principal, Target
from socialaid.access.registry import ROOT_FIELDS, Permission, Public, permission_of
from socialaid.access.vocabulary import Role
from socialaid.db.database import Database
from tests.access.people import PATHS, person
from tests.graphql_client import default_schema, execute

HOME = "310000"
TARGETS = {"own": "310000", "child": "310105", "sibling": "140000"}
DENIED = {"FORBIDDEN", "UNAUTHENTICATED"}
SCALAR_SAMPLES: dict[str, Any] = {
    "String": "matrix",
    "ID": "matrix",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "Date": "2025-01-01",
    "DateTime": "2025-01-01T00:00:00+08:00",
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
    """The field called with generated arguments; PUBLIC fields get the tenant in `tenant`/`code`."""
    operation, field = ROOT[name]
    permission = permission_of(name)
    tenant_path = permission.tenant_argument if isinstance(permission, Permission) else None
    if isinstance(permission, Public):
        tenant_path = next((a for a in ("tenant", "code") if a in field.args), None)
    args = {a: arg for a, arg in field.args.items() if needs_value(a, arg, tenant_path)}
    variables = {a: sample(arg.type, a, tenant_path, tenant) for a, arg in args.items()}
    declared = ", ".join(f"${a}: {arg.type}" for a, arg in args.items())
    passed = ", ".join(f"{a}: ${a}" for a in args)
    selection = (
        "{ __typename }" if isinstance(get_named_type(field.type), GraphQLObjectType) else ""
    )
    header = f"{operation} Matrix({declared})" if declared else operation
    call = f"{name}({passed})" if passed else name
    return f"{header} {{ {call} {selection} }}", variables


def expected(name: str, actor: Principal | None, tenant: str) -> bool:
    permission = permission_of(name)
    if isinstance(permission, Public):
        return True
    path = PATHS[tenant] if permission.tenant_argument else PATHS[HOME]
    return is_allowed(actor, permission.resource, permission.action, Target(path))


def callers() -> dict[str, Principal | None]:
    staff = {
        role.value: person(
            HOME, role, user="matrix-user", departments=("civil_affairs",), area="huayang"
        )
        for role in Role
    }
    return {"anonymous": None, **staff}


def test_every_root_field_is_registered_and_every_registration_is_a_root_field() -> None:
    assert sorted(set(ROOT) - set(ROOT_FIELDS)) == [], "add these to access/registry.py"
    assert sorted(set(ROOT_FIELDS) - set(ROOT)) == [], "stale entries in access/registry.py"


@pytest.mark.parametrize("name", sorted(ROOT))
async def test_root_field_allows_exactly_the_registered_roles_in_each_tenant(
    db: Database, name: str
) -> None:
    if name not in ROOT_FIELDS:
        pytest.fail(f"root field {name!r} has no entry in socialaid.access.registry.ROOT_FIELDS")
    mismatches = []
    for caller, actor in callers().items():
        for relation, tenant in TARGETS.items():
            query, variables = operation_for(name, tenant)
            _, errors = await execute(db, query, variables, actor=actor)
            codes = {str((e.get("extensions") or {}).get("code")) for e in errors}
            allowed = not (codes & DENIED)
            if allowed != expected(name, actor, tenant):
                mismatches.append((caller, relation, "allowed" if allowed else "denied", errors))
    assert mismatches == []


def test_the_matrix_covers_the_cases_that_matter_most() -> None:
    staff = callers()
    assert expected("roleGrant", staff["tenant_admin"], "310105")
    assert not expected("roleGrant", staff["tenant_admin"], "140000")
    assert not expected("roleGrant", staff["auditor"], "310000")
    assert expected("roleAssignments", staff["auditor"], "310105")
    assert not expected("roleAssignments", staff["analyst"], "310000")
    assert not expected("me", None, "310000")
    assert expected("tenants", None, "310000")

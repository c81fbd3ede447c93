"""Leaf fields of large flat lists computed directly, without strawberry's per-field machinery.

Strawberry runs every field through its own resolver chain (argument conversion, an `Info`
object, the field-extension reduction), about 25 µs a field on this machine: a statistics answer
of 1,404 groups × 24 measures spent a second there before any work of ours (bench/RESULTS.md,
"statistics: province-year by tenant × month"). A field that takes no argument, needs no `Info`,
has no permission class or field extension and is not async computes the same value when called
as `method(source)` and serialised with the field's own scalar or enum type, so the answer is
byte-identical. Two levels: each field gets a graphql-core resolver calling the method (no
strawberry chain), and `DirectLeavesExecutionContext` completes an object of an opted-in type in
one loop (no resolve info, no awaitable checks per field: another 5 µs a field). Whatever that
loop cannot take — `__typename`, a null in a non-null field, a resolver raising — it hands the
whole object to graphql-core's own path, which reports the error with its path as always (the
methods have no side effects, so running them again is harmless). Schema extensions' `resolve`
hooks do not run for these fields (none of the schema's extensions has one).

Types opt in by name (`resolve_leaves_directly`), and a field that does not qualify refuses the
schema at build time instead of being silently left slow or changed.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import strawberry
from graphql import (
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.base import get_object_definition
from strawberry.types.field import StrawberryField


def resolve_leaves_directly(schema: strawberry.Schema, *types: type) -> None:
    """Give every field of `types` a direct resolver in `schema`'s graphql-core schema."""
    for cls in types:
        definition = get_object_definition(cls, strict=True)
        graphql_type = schema._schema.type_map[definition.name]
        if not isinstance(graphql_type, GraphQLObjectType):
            raise TypeError(f"{definition.name} is not an object type")
        fields = {schema.config.name_converter.get_graphql_name(f): f for f in definition.fields}
        completers = {}
        for name, graphql_field in graphql_type.fields.items():
            resolve = _direct(definition.name, fields[name])
            graphql_field.resolve = resolve
            completers[name] = _completer(resolve, _completion(graphql_field.type))
        graphql_type.extensions = {**(graphql_type.extensions or {}), _COMPLETERS: completers}


def _direct(type_name: str, field: StrawberryField) -> Callable[..., Any]:
    where = f"{type_name}.{field.python_name}"
    if field.arguments or field.permission_classes or field.extensions:
        raise TypeError(f"{where}: arguments, permissions or extensions need strawberry's resolver")
    resolver = field.base_resolver
    if resolver is None:
        read = attrgetter(field.python_name)
        return lambda source, _info: read(source)
    if resolver.is_async or resolver.info_parameter or resolver.root_parameter:
        raise TypeError(f"{where}: an async resolver or one taking info or root cannot be direct")
    if resolver.self_parameter is None:
        raise TypeError(f"{where}: only a method of the object can be called directly")
    method: Callable[[Any], Any] = resolver.wrapped_func  # type: ignore[assignment]
    return lambda source, _info: method(source)


_COMPLETERS = "socialaid_direct_completers"


class _LeftToGraphQLCoreError(Exception):
    """A value the direct loop leaves to graphql-core (a null where the type forbids one)."""


def _completion(graphql_type: GraphQLOutputType) -> Callable[[Any], Any]:
    """What graphql-core's complete_value does for a leaf, a list of leaves or a non-null one."""
    if isinstance(graphql_type, GraphQLNonNull):
        inner = _completion(graphql_type.of_type)

        def non_null(value: Any) -> Any:
            if value is None:
                raise _LeftToGraphQLCoreError
            return inner(value)

        return non_null
    if isinstance(graphql_type, GraphQLList):
        item = _completion(graphql_type.of_type)
        return lambda value: None if value is None else [item(v) for v in value]
    if not is_leaf_type(graphql_type):
        raise TypeError(f"{graphql_type} is not a leaf: only leaves can be completed directly")
    leaf: GraphQLLeafType = graphql_type  # type: ignore[assignment]
    complete_leaf = StrawberryGraphQLCoreExecutionContext.complete_leaf_value
    return lambda value: None if value is None else complete_leaf(leaf, value)


def _completer(
    resolve: Callable[[Any, Any], Any], complete: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    return lambda source: complete(resolve(source, None))


class DirectLeavesExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, completing objects of opted-in types in one loop."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        completers = (parent_type.extensions or {}).get(_COMPLETERS)
        if completers is not None:
            try:
                return {
                    response_name: completers[details[0].node.name.value](source_value)
                    for response_name, details in grouped_field_set.items()
                }
            except Exception:
                pass  # graphql-core's own path below reports it, with its path and location
        return super().execute_fields(
            parent_type, source_value, path, grouped_field_set, position_context
        )

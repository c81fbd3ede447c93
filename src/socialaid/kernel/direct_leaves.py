"""Leaf fields of large flat lists resolved by graphql-core directly, without strawberry's wrapper.

Strawberry runs every field through its own resolver chain (argument conversion, an `Info`
object, the field-extension reduction), about 25 µs a field on this machine: a statistics answer
of 1,404 groups × 24 measures spent a second there before any work of ours (bench/RESULTS.md,
"statistics: province-year by tenant × month"). A field that takes no argument, needs no `Info`,
has no permission class or field extension and is not async computes the same value when called
as `method(source)`; graphql-core serialises it with the same scalar or enum type, so the answer
is byte-identical. Types opt in by name (`resolve_leaves_directly`), and a field that does not
qualify refuses the schema at build time instead of being silently left slow or changed.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import strawberry
from graphql import GraphQLObjectType
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
        for name, graphql_field in graphql_type.fields.items():
            graphql_field.resolve = _direct(definition.name, fields[name])


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

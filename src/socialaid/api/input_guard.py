"""Every argument of every operation checked against `kernel.input_bounds` before anything runs.

The guard walks the operation's arguments with the schema's types, literals and variables alike
(a variable is checked at the position it is used, so `amount: $a` is money even when `$a` is
declared as a plain String). A value out of bounds is refused with code INVALID_INPUT, a Chinese
message that does not repeat the value, and as path the argument and the place inside it
(`["input", "answers", "household", "members", 3]`). In a mutation field it is that field's
payload error (the runner reports it before any work, like every refused input of a mutation);
anywhere else the first one stops the operation as a GraphQL error with that path in
`extensions.path` and the field in `path`.

It also refuses a document with several operations and no operationName, which graphql-core
would otherwise answer by running none or the first, depending on the transport.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from weakref import WeakKeyDictionary

from graphql import (
    DirectiveNode,
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    Visitor,
    value_from_ast_untyped,
    visit,
)
from graphql.language import ArgumentNode
from starlette.requests import Request
from strawberry.extensions import SchemaExtension

from socialaid.api.validation_messages import in_chinese
from socialaid.caching import LruCache
from socialaid.clock import today_in_china
from socialaid.errors import DomainError, ErrorCode
from socialaid.kernel import input_bounds as bounds
from socialaid.kernel.context import Context

Problem = tuple[str, list[str | int]]


class InputGuard(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        # Listed before MaskErrors, so this sees the errors as raised, before any is masked.
        context = self.execution_context
        _label_as_invalid_input(context.result.errors if context.result else None)
        _label_as_invalid_input(context.pre_execution_errors)

    def on_stream_result(self, result: object) -> Iterator[None]:
        # A streamed result (WebSocket, server-sent events) reaches the client before
        # on_operation ends: label its errors first (MaskErrors, listed after, then masks).
        _label_as_invalid_input(getattr(result, "errors", None))
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.result is None:
            found: GraphQLError | dict[str, DomainError] | None = _over_plain_http(
                context.context, document, context.operation_name
            )
            found = found or check_operation(
                context.schema._schema,
                document,
                # As the client sent it: strawberry fills in the first operation's name.
                context._provided_operation_name,
                context.variables or {},
                today_in_china(),
                context.query,
            )
            if isinstance(found, GraphQLError):
                context.result = ExecutionResult(data=None, errors=[found])
            elif found and isinstance(context.context, Context):
                context.context.input_problems.update(found)
        yield


def _over_plain_http(
    context: object, document: DocumentNode, operation_name: str | None
) -> GraphQLError | None:
    """A subscription sent as an HTTP request has no connection to stream its events on."""
    request = context.request if isinstance(context, Context) else None
    if not isinstance(request, Request):
        return None
    operation = next(
        (
            d
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode)
            and (operation_name is None or _named(d, operation_name))
        ),
        None,
    )
    if operation is None or operation.operation is not OperationType.SUBSCRIPTION:
        return None
    return _invalid(
        "订阅须通过 WebSocket 连接（graphql-transport-ws 协议）或 SSE"
        "（Accept: text/event-stream）发送，不能用普通 HTTP 请求",
        [],
        [],
    )


def _label_as_invalid_input(errors: list[GraphQLError] | None) -> None:
    """Validation and variable errors are the request's fault: give them the code.

    Only errors outside any field (no path) that no exception of ours caused (graphql-core
    wraps a variable's coercion error in another GraphQLError): a resolver's failure, masked or
    not, keeps what it is."""
    for error in errors or ():
        original = error.original_error
        if error.path is None and (original is None or type(original) is GraphQLError):
            extensions = dict(error.extensions or {})
            if "code" not in extensions:
                # graphql-core's detail (which variable, what was expected), in Chinese.
                extensions["original"] = error.message
                error.message = f"变量的值不合要求：{in_chinese(error.message)}"
            extensions.setdefault("code", ErrorCode.INVALID_INPUT.value)
            error.extensions = extensions


@dataclass(frozen=True)
class _Site:
    """Where a document passes an argument: what the schema expects there, and the literal."""

    name: str
    coordinate: str
    type: GraphQLInputType
    value: ValueNode
    response_key: str | None  # the field's, None for a directive's argument
    in_mutation_field: bool  # an argument of a root Mutation field


@dataclass(frozen=True)
class _Plan:
    """What one document's operation passes where; the same for every request that sends it."""

    sites: tuple[_Site, ...]
    defaults: Mapping[str, Any]  # variables' default values


# schema -> (query text, operationName) -> its plan or the error that refuses it: a visit of the
# whole document with type information costs more than checking the values it finds.
_plans: WeakKeyDictionary[GraphQLSchema, LruCache[tuple[str, str | None], _Plan | GraphQLError]]
_plans = WeakKeyDictionary()
MAX_PLANS = 512


def check_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any],
    today: date,
    query: str | None = None,
) -> GraphQLError | dict[str, DomainError]:
    """The error that stops this operation; otherwise the arguments of mutation fields out of
    bounds, by response key, for their payloads to report (empty: all within bounds). `query`,
    the document's text, keys the plan of the document kept for the next request."""
    plan = _plan_for(schema, document, operation_name, query)
    if isinstance(plan, GraphQLError):
        return plan
    values = {**plan.defaults, **variables}
    problems: dict[str, DomainError] = {}
    for site in plan.sites:
        if site.response_key in problems:
            continue  # one problem per mutation field is enough for its payload
        value = value_from_ast_untyped(site.value, values)
        problem = _check(site.type, value, [site.name], site.coordinate, today)
        if problem is None:
            continue
        message, path = problem
        if site.in_mutation_field and site.response_key is not None:
            # As every payload error: the path inside the mutation's `input`.
            inside = path[1:] if path[0] == "input" else path
            problems[site.response_key] = DomainError(message, path=[str(p) for p in inside])
            continue
        return _invalid(message, path, [site.response_key] if site.response_key else [])
    return problems


def _plan_for(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None, query: str | None
) -> _Plan | GraphQLError:
    cache = _plans.get(schema)
    if cache is None:
        cache = _plans[schema] = LruCache(MAX_PLANS, name="input_guard_plans")
    known = cache.get((query, operation_name)) if query is not None else None
    if known is not None:
        return known
    plan = _plan(schema, document, operation_name)
    if query is not None:
        cache.put((query, operation_name), plan)
    return plan


def _plan(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None
) -> _Plan | GraphQLError:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None and len(operations) > 1:
        return _invalid("请求包含多个操作：请用 operationName 指明要执行的一个", [], [])
    operation = next(
        (o for o in operations if operation_name is None or _named(o, operation_name)), None
    )
    if operation is None:
        return _Plan((), {})
    defaults = {
        definition.variable.name.value: value_from_ast_untyped(definition.default_value)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    finder = _ArgumentSites(schema)
    visit(operation, TypeInfoVisitor(finder.type_info, finder))
    for fragment in document.definitions:
        if isinstance(fragment, FragmentDefinitionNode):
            visit(fragment, TypeInfoVisitor(finder.type_info, finder))
    return _Plan(tuple(finder.sites), defaults)


def _named(operation: OperationDefinitionNode, name: str) -> bool:
    return operation.name is not None and operation.name.value == name


class _ArgumentSites(Visitor):
    def __init__(self, schema: GraphQLSchema) -> None:
        super().__init__()
        self.type_info = TypeInfo(schema)
        self.mutation_type = schema.mutation_type
        self.sites: list[_Site] = []
        self._fields: list[FieldNode] = []
        self._directive: DirectiveNode | None = None

    def enter_field(self, node: FieldNode, *_: object) -> None:
        self._fields.append(node)

    def leave_field(self, *_: object) -> None:
        self._fields.pop()

    def enter_directive(self, node: DirectiveNode, *_: object) -> None:
        self._directive = node

    def leave_directive(self, *_: object) -> None:
        self._directive = None

    def enter_argument(self, node: ArgumentNode, *_: object) -> None:
        argument = self.type_info.get_argument()
        if argument is None:  # unknown argument: validation has reported it
            return
        name = node.name.value
        parent = self.type_info.get_parent_type()
        field = self._fields[-1] if self._fields and self._directive is None else None
        if field is None:
            coordinate = f"@{self._directive.name.value}({name})" if self._directive else name
        else:
            coordinate = f"{getattr(parent, 'name', '')}.{field.name.value}({name})"
        self.sites.append(
            _Site(
                name=name,
                coordinate=coordinate,
                type=argument.type,
                value=node.value,
                response_key=(field.alias or field.name).value if field is not None else None,
                in_mutation_field=(
                    field is not None and len(self._fields) == 1 and parent is self.mutation_type
                ),
            )
        )


def _check(
    type_: GraphQLInputType, value: Any, path: list[str | int], coordinate: str, today: date
) -> Problem | None:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if value is None:
        return None
    if isinstance(type_, GraphQLList):
        elements = value if isinstance(value, list) else [value]
        bound = bounds.BOUNDS.get(coordinate)
        problem = bounds.items_problem(
            len(elements), bound if isinstance(bound, bounds.Items) else bounds.DEFAULT_ITEMS
        )
        if problem is not None:
            return problem, path
        element_coordinate = f"{coordinate}[]"
        for index, element in enumerate(elements):
            found = _check(type_.of_type, element, [*path, index], element_coordinate, today)
            if found is not None:
                return found
        return None
    if isinstance(type_, GraphQLInputObjectType):
        if not isinstance(value, dict):
            return None
        for name, field in type_.fields.items():
            if name in value:
                found = _check(
                    field.type, value[name], [*path, name], f"{type_.name}.{name}", today
                )
                if found is not None:
                    return found
        return None
    if isinstance(type_, GraphQLScalarType):
        return _check_scalar(type_.name, value, path, _bound_at(coordinate), today)
    # An enum: graphql-core refuses unknown names, but not before quoting a huge one.
    if isinstance(value, str):
        problem = bounds.text_problem(value, bounds.DEFAULT_ENUM)
        return (problem, path) if problem is not None else None
    return None


def _bound_at(coordinate: str) -> bounds.Bound | None:
    if coordinate.endswith("[]"):
        return bounds.ELEMENT_BOUNDS.get(coordinate[:-2])
    return bounds.BOUNDS.get(coordinate)


def _check_scalar(
    scalar: str, value: Any, path: list[str | int], bound: bounds.Bound | None, today: date
) -> Problem | None:
    if scalar == "JSON":
        document = bound if isinstance(bound, bounds.JsonDocument) else bounds.DEFAULT_JSON
        found = bounds.json_problem(value, document)
        return (found[0], [*path, *found[1]]) if found is not None else None
    problem: str | None = None
    if isinstance(value, str) and isinstance(bound, bounds.Money):
        problem = bounds.money_problem(value, bound)
    elif isinstance(value, str):
        text = bound if isinstance(bound, bounds.Text) else _default_text(scalar)
        problem = bounds.text_problem(value, text)
        if problem is None and scalar in ("Date", "DateTime"):
            problem = _date_problem(value, bound, today)
    elif isinstance(value, bool):
        return None
    elif isinstance(value, int) and isinstance(bound, bounds.Whole):
        problem = bounds.whole_problem(value, bound)
    elif isinstance(value, float):
        problem = bounds.number_problem(value)
    return (problem, path) if problem is not None else None


def _default_text(scalar: str) -> bounds.Text:
    return bounds.DEFAULT_ID if scalar == "ID" else bounds.DEFAULT_TEXT


def _date_problem(value: str, bound: bounds.Bound | None, today: date) -> str | None:
    try:
        day: date | datetime = (
            datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        )
    except ValueError:
        return None  # not a date at all: the scalar itself refuses it
    window = bound if isinstance(bound, bounds.DateWindow) else bounds.DateWindow()
    return bounds.date_problem(day, window, today)


def _invalid(
    message: str, input_path: list[str | int], field_path: list[str | int]
) -> GraphQLError:
    return GraphQLError(
        message,
        path=field_path or None,
        extensions={"code": ErrorCode.INVALID_INPUT.value, "path": input_path},
    )

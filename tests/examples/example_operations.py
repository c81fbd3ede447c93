"""The example operations under examples/operations, read the way graphql-codegen reads them: all
files together, fragments shared across folders, one operation per name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSyntaxError,
    Node,
    OperationDefinitionNode,
    parse,
    print_ast,
    visit,
)
from graphql.language import Visitor

from tests.conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "examples"
OPERATIONS = EXAMPLES / "operations"


@dataclass(frozen=True)
class ExampleOperation:
    name: str
    kind: str  # query, mutation, subscription
    folder: str  # the role folder (or "shared")
    file: Path
    document: str  # the operation and every fragment it spreads, transitively

    @property
    def where(self) -> str:
        return f"{self.file.relative_to(REPO_ROOT)} ({self.kind} {self.name})"


@dataclass(frozen=True)
class ExampleFragment:
    name: str
    file: Path
    node: FragmentDefinitionNode


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.names.add(node.name.value)


def spreads_in(node: Node) -> set[str]:
    visitor = _Spreads()
    visit(node, visitor)
    return visitor.names


def example_files() -> list[Path]:
    return sorted(OPERATIONS.rglob("*.graphql"))


def parsed(file: Path) -> DocumentNode:
    try:
        return parse(file.read_text(encoding="utf-8"))
    except GraphQLSyntaxError as error:
        raise AssertionError(f"{file.relative_to(REPO_ROOT)}: {error.message}") from None


@cache
def fragments() -> dict[str, ExampleFragment]:
    found: dict[str, ExampleFragment] = {}
    for file in example_files():
        for definition in parsed(file).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                name = definition.name.value
                if name in found:
                    raise AssertionError(
                        f"fragment {name} is defined in {found[name].file} and in {file}"
                    )
                found[name] = ExampleFragment(name, file, definition)
    return found


def fragment_closure(node: Node) -> list[FragmentDefinitionNode]:
    """The fragments `node` spreads, and those they spread, each once."""
    known = fragments()
    needed: dict[str, FragmentDefinitionNode] = {}
    pending = sorted(spreads_in(node))
    while pending:
        name = pending.pop()
        if name in needed or name not in known:
            continue  # an unknown fragment is left for validation to name
        needed[name] = known[name].node
        pending.extend(sorted(spreads_in(needed[name])))
    return [needed[name] for name in sorted(needed)]


@cache
def operations() -> dict[str, ExampleOperation]:
    found: dict[str, ExampleOperation] = {}
    for file in example_files():
        for definition in parsed(file).definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            if definition.name is None:
                raise AssertionError(f"{file}: every example operation needs a name")
            name = definition.name.value
            if name in found:
                raise AssertionError(
                    f"operation {name} is defined in {found[name].where} and {file}"
                )
            text = "\n\n".join(
                print_ast(node) for node in [definition, *fragment_closure(definition)]
            )
            folder = file.relative_to(OPERATIONS).parts[0]
            found[name] = ExampleOperation(name, definition.operation.value, folder, file, text)
    return found


def operation(name: str) -> ExampleOperation:
    try:
        return operations()[name]
    except KeyError:
        raise AssertionError(f"no example operation named {name} under {OPERATIONS}") from None

"""The packages of socialaid depend on each other one way: no import cycle between them.

A node is a top-level subpackage or module of socialaid (`access`, `kernel`, `config`, …); an
edge is any `from socialaid.X … import` or `import socialaid.X` in a module of another node,
function-local imports included (a cycle hidden in a function is still a cycle).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import socialaid

ROOT = Path(socialaid.__file__).parent
# The layers every domain builds on, and what each may import: the database layer and the
# authorization core (`access`) import neither the kernel nor a domain; the kernel imports no domain.
UTILITIES = {"bundled_data", "caching", "canonical_json", "clock", "config", "errors"}
MAY_IMPORT = {
    "db": UTILITIES,
    "access": UTILITIES | {"db"},
    "kernel": UTILITIES | {"db", "access"},
}


def _node_of(path: Path) -> str:
    relative = path.relative_to(ROOT)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _targets(node: ast.AST) -> list[str]:
    """The socialaid nodes one import statement names."""
    if isinstance(node, ast.Import):
        modules = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        if node.module == "socialaid":  # from socialaid import access
            return [alias.name for alias in node.names]
        modules = [node.module]
    else:
        return []
    return [m.split(".")[1] for m in modules if m.startswith("socialaid.")]


def import_graph() -> dict[str, dict[str, set[str]]]:
    """node -> imported node -> the files (relative to the package) that import it."""
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in sorted(ROOT.rglob("*.py")):
        source = _node_of(path)
        graph[source]  # every node, even one that imports nothing
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(node):
                if target != source:
                    graph[source][target].add(str(path.relative_to(ROOT)))
    return graph


def strongly_connected(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """Tarjan's components of more than one node: each is a set of mutually dependent nodes."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def describe(graph: dict[str, dict[str, set[str]]], component: list[str]) -> str:
    lines = [" <-> ".join(component)]
    for source in component:
        for target in component:
            if target in graph[source]:
                files = ", ".join(sorted(graph[source][target]))
                lines.append(f"  {source} -> {target}: {files}")
    return "\n".join(lines)


def test_no_package_imports_a_package_that_imports_it_back() -> None:
    graph = import_graph()
    cycles = [describe(graph, component) for component in strongly_connected(graph)]
    assert not cycles, "import cycles between socialaid packages:\n" + "\n".join(cycles)


def test_the_database_layer_the_authorization_core_and_the_kernel_import_no_domain() -> None:
    graph = import_graph()
    offending = {
        f"{source} -> {target}: {', '.join(sorted(files))}"
        for source, allowed in MAY_IMPORT.items()
        for target, files in graph[source].items()
        if target not in allowed
    }
    assert offending == set()


def test_the_cycle_finder_names_both_sides() -> None:
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    graph["a"]["b"].add("a/x.py")
    graph["b"]["c"].add("b/y.py")
    graph["c"]["a"].add("c/z.py")
    graph["c"]["d"].add("c/w.py")
    graph["d"]
    (component,) = strongly_connected(graph)
    assert component == ["a", "b", "c"]
    assert describe(graph, component).splitlines() == [
        "a <-> b <-> c",
        "  a -> b: a/x.py",
        "  b -> c: b/y.py",
        "  c -> a: c/z.py",
    ]

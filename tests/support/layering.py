"""The house rule, read from the source: which layer may import which (ARCHITECTURE.md section 1).

Layers from the bottom up; a module may import its own layer and the ones below it, never above:

    domain  <-  foundation  <-  db  <-  services  <-  telegram  <-  handlers  <-  composition

Tools (the Bot API emulator, the throwaway servers and fakes in `bot/devtools`) sit beside the
product: they may use the domain and the foundation, and no product layer imports them. Third-
party packages are held per layer too: aiogram only at the edge, no SQLAlchemy or HTTP client in
the domain. No production module imports `tests`, and no two packages import each other, however
long the way round.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# (module prefix, layer): the longest matching prefix decides.
LAYERS: tuple[tuple[str, str], ...] = (
    ("bot.domain", "domain"),
    ("bot.redact", "foundation"),
    ("bot.i18n", "foundation"),
    ("bot.config", "foundation"),
    ("bot.logs", "foundation"),
    ("bot.db", "db"),
    ("bot.services", "services"),
    ("bot.telegram", "telegram"),
    ("handlers", "handlers"),
    # The dashboard's HTTP API is an edge beside the chat handlers: it reads a request, asks the
    # same services, answers.
    ("bot.dashboard", "handlers"),
    ("bot.emulator", "tools"),
    ("bot.devtools", "tools"),
    ("bot.demo", "composition"),
    ("bot.history_cli", "composition"),
    ("bot.__main__", "composition"),
    ("bot", "composition"),
)
ORDER = ("domain", "foundation", "db", "services", "telegram", "handlers", "composition")
TOOLS_MAY_USE = frozenset({"domain", "foundation", "tools"})
EDGE = frozenset({"telegram", "handlers", "tools", "composition"})
# Third-party packages a layer may not import at all.
FORBIDDEN_PACKAGES: dict[str, frozenset[str]] = {
    "domain": frozenset(
        {"aiogram", "sqlalchemy", "aiohttp", "aiosqlite", "asyncpg", "redis", "apscheduler"}
    ),
    "foundation": frozenset({"aiogram", "sqlalchemy", "aiohttp", "redis", "apscheduler"}),
    "db": frozenset({"aiogram", "aiohttp", "redis", "apscheduler"}),
    "services": frozenset({"aiogram"}),
}
PRODUCT_ROOTS = ("bot", "handlers")


@dataclass(frozen=True, slots=True)
class Module:
    name: str
    path: Path
    is_package: bool


@dataclass(frozen=True, slots=True)
class Import:
    importer: str
    imported: str
    line: int


@dataclass(frozen=True, slots=True)
class Violation:
    importer: str
    imported: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.imported}: {self.reason}"


def layer_of(module: str) -> str:
    best = ""
    found = "composition"
    for prefix, layer in LAYERS:
        if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
            best, found = prefix, layer
    return found


def modules(root: Path) -> list[Module]:
    found = []
    for top in PRODUCT_ROOTS:
        for path in sorted((root / top).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            found.append(Module(".".join(parts), path, is_package))
    return found


def imports_of(module: Module, known: set[str]) -> Iterator[Import]:
    """Every import statement, anywhere in the file (a function-level import counts too)."""
    tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module.name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node.module, node.level)
            # `from bot.domain import fairness` imports the module bot.domain.fairness.
            names = [f"{base}.{alias.name}" for alias in node.names]
            submodules = [name for name in names if name in known]
            for name in submodules or [base]:
                yield Import(module.name, name, node.lineno)


def _absolute(module: Module, name: str | None, level: int) -> str:
    if level == 0:
        return name or ""
    package = module.name.split(".")
    if not module.is_package:
        package.pop()
    package = package[: len(package) - (level - 1)]
    return ".".join([*package, *([name] if name else [])])


def violations(root: Path) -> list[Violation]:
    found = modules(root)
    known = {module.name for module in found}
    edges: list[Import] = []
    problems: list[Violation] = []
    for module in found:
        for imp in imports_of(module, known):
            problem = _check(imp)
            if problem is not None:
                problems.append(problem)
            if _is_product(imp.imported):
                edges.append(imp)
    problems.extend(package_cycles(edges, known))
    return problems


def _is_product(name: str) -> bool:
    return name.split(".", maxsplit=1)[0] in PRODUCT_ROOTS


def _check(imp: Import) -> Violation | None:
    top = imp.imported.split(".")[0]
    importer_layer = layer_of(imp.importer)
    if top == "tests":
        return Violation(imp.importer, imp.imported, imp.line, "production code imports tests")
    if not _is_product(imp.imported):
        if top in FORBIDDEN_PACKAGES.get(importer_layer, frozenset()):
            return Violation(
                imp.importer, imp.imported, imp.line, f"{top} is not for the {importer_layer} layer"
            )
        return None
    imported_layer = layer_of(imp.imported)
    if importer_layer == "tools":
        if imported_layer not in TOOLS_MAY_USE:
            return Violation(
                imp.importer, imp.imported, imp.line, f"a tool uses the {imported_layer} layer"
            )
        return None
    if imported_layer == "tools":
        if importer_layer == "composition":
            return None
        return Violation(imp.importer, imp.imported, imp.line, "the product imports a tool")
    if ORDER.index(imported_layer) > ORDER.index(importer_layer):
        return Violation(
            imp.importer,
            imp.imported,
            imp.line,
            f"{importer_layer} imports from {imported_layer}, a layer above it",
        )
    return None


def package_of(module: str, known: set[str]) -> str:
    """The package a module belongs to: itself when it is a package (`bot.domain.tagging`).

    `bot` itself is only the house, not a package of its own: each module directly in it
    (`bot.config`, `bot.__main__`) is a node by itself."""
    parts = module.split(".")
    while len(parts) > 1:
        name = ".".join(parts)
        if name in known and _is_package_name(name, known):
            return name
        parts.pop()
        if len(parts) == 1 and parts[0] in PRODUCT_ROOTS and parts[0] != "handlers":
            return module
    return parts[0]


def _is_package_name(name: str, known: set[str]) -> bool:
    prefix = name + "."
    return any(other.startswith(prefix) for other in known)


def package_cycles(edges: Iterable[Import], known: set[str]) -> list[Violation]:
    graph: dict[str, dict[str, Import]] = {}
    for imp in edges:
        target = imp.imported if imp.imported in known else imp.imported.rsplit(".", 1)[0]
        source, dest = package_of(imp.importer, known), package_of(target, known)
        if source != dest:
            graph.setdefault(source, {}).setdefault(dest, imp)
    problems = []
    for component in _strongly_connected(graph):
        if len(component) < 2:
            continue
        members = sorted(component)
        witness = next(
            imp
            for source in members
            for dest, imp in graph.get(source, {}).items()
            if dest in component
        )
        problems.append(
            Violation(
                witness.importer,
                witness.imported,
                witness.line,
                f"package cycle: {' <-> '.join(members)}",
            )
        )
    return problems


def _strongly_connected(graph: dict[str, dict[str, Import]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative (the graph is small, but recursion depth is not ours)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    nodes = set(graph) | {dest for targets in graph.values() for dest in targets}
    counter = 0
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, {}))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, {})))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components

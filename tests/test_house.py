"""The house rules of docs/architecture.md, read from the code's own imports.

No import circle among the modules of caseapp/ and ui/; no `_private` name imported from another
module; caseapp never imports PySide6; ui.devtools is imported by nothing outside it; the layers
import only what the architecture allows; no source file over 600 lines (migrations aside).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("caseapp", "ui")
MAX_LINES = 600

# What each part of caseapp may import of caseapp (docs/architecture.md, "Who imports whom").
LEAVES = {"caseapp.errors", "caseapp.progress", "caseapp.logs", "caseapp.paths"}
RULES = {"caseapp.workflow", "caseapp.deadlines", "caseapp.validation", "caseapp.calendar",
         "caseapp.case_rows"}  # a list row as plain data (the first frame reads it, sqlite3 only)
MAY_IMPORT = {
    "caseapp.storage": {"storage"},
    "caseapp.services": {"storage", "services", "queries", "reports"},  # printouts are recorded
    "caseapp.queries": {"storage", "queries", "figures"},
    "caseapp.figures": {"storage", "figures", "queries"},
    "caseapp.exchange": {"storage", "services", "queries", "exchange"},
    "caseapp.reports": {"storage", "queries", "figures", "reports"},
    "caseapp.demo": {"storage", "services", "demo"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    files = [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")
             if "migrations" not in p.parts]
    return {module_name(p): p for p in files}


def resolve(mod: str, level: int, name: str | None, is_pkg: bool) -> str:
    if level == 0:
        return name or ""
    base = mod.split(".")
    if not is_pkg:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def owning_module(name: str) -> str | None:
    mods = modules()
    while name:
        if name in mods:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def imports() -> list[tuple[str, str, str, bool]]:
    """(importer, imported name, module it resolves to, is a `_private` name) for every import."""
    out = []
    mods = modules()
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_pkg = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    out.append((mod, alias.name, owning_module(alias.name) or "", False))
            elif isinstance(node, ast.ImportFrom):
                base = resolve(mod, node.level, node.module, is_pkg)
                for alias in node.names:
                    full = f"{base}.{alias.name}" if base else alias.name
                    target = full if full in mods else owning_module(base) or ""
                    private = (alias.name.startswith("_") and not alias.name.startswith("__")
                               and full not in mods)
                    out.append((mod, full, target, private))
    return out


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in modules()}
    for mod, _name, target, _private in imports():
        if target and target != mod:
            edges[mod].add(target)
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in edges:
        if v not in index:
            visit(v)
    return found


def test_no_import_circle():
    assert circles(graph()) == []


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_private_name_crosses_modules():
    crossing = [f"{mod} takes {name}" for mod, name, target, private in imports()
                if private and target != mod]
    assert crossing == []


def test_core_knows_no_qt():
    qt = [f"{mod} imports {name}" for mod, name, _t, _p in imports()
          if mod.startswith("caseapp") and name.split(".")[0] in ("PySide6", "shiboken6")]
    assert qt == []


def test_devtools_only_used_by_devtools():
    used = [f"{mod} imports {target}" for mod, _n, target, _p in imports()
            if target.startswith("ui.devtools") and not mod.startswith("ui.devtools")]
    assert used == []


def test_pages_and_dialogs_never_import_the_shell():
    used = [f"{mod} imports {target}" for mod, _n, target, _p in imports()
            if target.startswith("ui.shell")
            and mod.startswith(("ui.pages", "ui.dialogs", "ui.widgets", "ui.models"))]
    assert used == []


def layer(mod: str) -> str | None:
    for name in MAY_IMPORT:
        if mod == name or mod.startswith(name + "."):
            return name
    return None


def test_layers_import_only_what_they_may():
    wrong = []
    for mod, _name, target, _private in imports():
        if not target.startswith("caseapp") or target in LEAVES | RULES:
            continue
        own = layer(mod)
        if own is None:
            continue
        allowed = {f"caseapp.{part}" for part in MAY_IMPORT[own]}
        if not any(target == a or target.startswith(a + ".") for a in allowed):
            wrong.append(f"{mod} imports {target}")
    assert wrong == []


def test_leaves_import_nothing_of_caseapp():
    wrong = [f"{mod} imports {target}" for mod, _n, target, _p in imports()
             if mod in LEAVES and target.startswith("caseapp") and target != mod]
    assert wrong == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_file_over_the_limit(package):
    long = [f"{p.relative_to(ROOT)}: {n}" for p in (ROOT / package).rglob("*.py")
            if "migrations" not in p.parts
            and (n := p.read_text(encoding="utf-8").count("\n") + 1) > MAX_LINES]
    assert long == []


def test_every_package_says_what_lives_there():
    silent = [str(p.relative_to(ROOT)) for pkg in PACKAGES for p in (ROOT / pkg).rglob("__init__.py")
              if "migrations" not in p.parts and ast.get_docstring(ast.parse(p.read_text())) is None]
    assert silent == []

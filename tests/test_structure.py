"""The house rules, checked on the source of src/tacitus: no import cycle (the module-level imports
read from the source, fast; and every module imported on its own in a fresh interpreter, slow),
so no module works only when something else happened to be imported first; no module over 400
lines; library code logs, only the command-line programs print."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted((SRC / "tacitus").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _top_level_imports(tree: ast.Module):
    """Import statements that run when the module is imported (not those inside functions or
    under `if TYPE_CHECKING:`)."""
    todo = list(tree.body)
    while todo:
        node = todo.pop(0)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
            todo += node.body + node.orelse
        elif isinstance(node, ast.Try):
            todo += node.body + node.orelse + node.finalbody + [n for h in node.handlers for n in h.body]


def graph() -> dict[str, set[str]]:
    """module -> the tacitus modules it imports at import time (a package's __init__ included)."""
    known = modules()
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in _top_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = package.split(".")
                if node.level:
                    base = base[:len(base) - node.level + 1]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
            for t in targets:
                while t and t not in known:  # the closest module: `from x import name` names a module or not
                    t = t.rpartition(".")[0]
                if t and t != name and not name.startswith(t + "."):  # a package is loading when its modules are
                    deps.add(t)
        edges[name] = deps
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk meets, as the path that closes it."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    found = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(edges.get(m, ())):
            if state.get(d) == 1:
                found.append(path[path.index(d):] + [d])
            elif d not in state:
                visit(d, path + [d])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [m])
    return found


def test_no_import_cycle():
    found = cycles(graph())
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_reads_relative_imports():
    edges = graph()
    assert "tacitus.store.db" in edges["tacitus.store"]
    assert "tacitus.store.schema" in edges["tacitus.store.db"]
    assert "tacitus.records" in edges["tacitus.store.schema"]


def _import_alone(name: str) -> tuple[str, int, str]:
    p = subprocess.run([sys.executable, "-c", f"import importlib; importlib.import_module({name!r})"],
                       capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": "0"})
    return name, p.returncode, p.stderr[-1500:]


@pytest.mark.slow
def test_every_module_imports_alone_in_a_fresh_interpreter():
    names = [n for n in modules() if not n.endswith("__main__")]  # those run a program when imported
    with ThreadPoolExecutor(max_workers=2) as pool:
        failed = [r for r in pool.map(_import_alone, names) if r[1] != 0]
    assert not failed, "\n\n".join(f"{n}:\n{err}" for n, _, err in failed)


MAX_LINES = 400


def test_modules_stay_small():
    big = {n: len(p.read_text(encoding="utf-8").splitlines()) for n, p in modules().items()}
    assert not {n: k for n, k in big.items() if k > MAX_LINES}, f"modules over {MAX_LINES} lines"


def _is_program(name: str) -> bool:
    return name.startswith("tacitus.cli") or name.endswith("__main__")


def test_library_code_logs_instead_of_printing():
    """print() belongs to the programs (tacitus.cli, __main__ modules); the library logs and the
    CLI decides what the user sees."""
    found = []
    for name, path in modules().items():
        if _is_program(name):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not found, "print() in library code: " + ", ".join(found)

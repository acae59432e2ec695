"""Dependencies point one way: a lower layer never imports a higher one (design.md)."""

import ast
import pathlib

import pytest

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "heapsim"

# Lower number = lower layer.  runtime.py may import every layer below tools; tools anything.
RANK = {"base": 0, "memory": 1, "objects": 2, "reclaim": 3, "interp": 4, "runtime": 5,
        "tools": 6}


def layer_of_module(dotted):
    parts = dotted.split(".")
    if parts[0] != "heapsim" or len(parts) < 2:
        return None
    name = parts[1]
    return name if name in RANK else None


def layer_of_file(path):
    rel = path.relative_to(SRC)
    first = rel.parts[0]
    if first.endswith(".py"):
        first = first[:-3]
    return first if first in RANK else None


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # relative import: resolve against the file's package
                pkg = list(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
                base = pkg[:len(pkg) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            yield node.lineno, mod
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "import_module"
              and node.args and isinstance(node.args[0], ast.JoinedStr)):
            continue


def all_sources():
    return sorted(p for p in SRC.rglob("*.py"))


def test_there_are_sources():
    assert len(all_sources()) > 5


@pytest.mark.parametrize("path", all_sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_upward_imports(path):
    here = layer_of_file(path)
    if here is None:
        return
    bad = []
    for lineno, mod in imported_modules(path):
        there = layer_of_module(mod)
        if there is not None and RANK[there] > RANK[here]:
            bad.append(f"line {lineno}: {here} imports {mod} ({there} is above {here})")
    assert not bad, "\n".join(bad)


def test_only_decode_imports_dis():
    offenders = []
    for path in all_sources():
        for lineno, mod in imported_modules(path):
            if mod == "dis" and path.name != "decode.py":
                offenders.append(f"{path.relative_to(SRC)}:{lineno}")
    assert not offenders, offenders


def test_checker_sees_an_upward_import(tmp_path):
    """The checker itself must be able to fail."""
    fake = SRC / "objects" / "core.py"
    assert layer_of_file(fake) == "objects"
    assert layer_of_module("heapsim.reclaim.collector") == "reclaim"
    assert RANK["reclaim"] > RANK["objects"]

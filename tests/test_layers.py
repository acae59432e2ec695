"""Dependencies point one way (docs/architecture.md, "Layers and their import rules").

Checked on the source tree, every import statement counted wherever it stands (module top,
function body, class body, ``try``/``if`` blocks):

* a lower layer never imports a higher one: base < memory < objects < reclaim < interp <
  runtime < record < tools;
* inside interp, a lower sub-layer never imports a higher one: types < objspace < methods <
  modules < vm;
* no import cycle among the modules of src/heapsim;
* the function-level imports inside interp each say why (a comment on the line or the line
  above) and are fewer than ``MAX_NESTED_IN_INTERP``.

Each checker takes the package root as a parameter, so the self-tests at the end feed it small
fake packages and prove that it fails where it should.

An import ``from P import X`` counts as importing the module ``P.X`` when the tree has one (a
file ``P/X.py`` or package ``P/X/``), otherwise ``P``.  Parent packages are not counted as
imported: an edge goes to the module the statement names.
"""

import ast
import pathlib
from typing import NamedTuple

import pytest

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "heapsim"

# Lower number = lower layer.  runtime.py may import every layer below tools; tools anything.
RANK = {"base": 0, "memory": 1, "objects": 2, "reclaim": 3, "interp": 4, "runtime": 5,
        "record": 6, "tools": 7}
# The sub-layers of interp, bottom-up.
INTERP_RANK = {"types": 0, "objspace": 1, "methods": 2, "modules": 3, "vm": 4}

MAX_NESTED_IN_INTERP = 10       # function-level imports inside interp: fewer than this


class Import(NamedTuple):
    lineno: int
    end_lineno: int
    target: str         # dotted name of the imported module
    nested: bool        # inside a function (not run when the module is imported)


# ----------------------------------------------------------------------------- the model

def all_sources(root=SRC):
    return sorted(root.rglob("*.py"))


def module_name(root, path):
    """Dotted name of the module in ``path`` (a package is named by its ``__init__.py``)."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(root, dotted):
    parts = dotted.split(".")
    if parts[0] != root.name:
        return False
    base = root.parent.joinpath(*parts)
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports_of(root, path):
    """Every import in ``path`` as ``Import`` records, one per imported module."""
    tree = ast.parse(path.read_text(), filename=str(path))
    is_package = path.name == "__init__.py"
    here = module_name(root, path).split(".")
    package = here if is_package else here[:-1]
    found = []

    def visit(node, nested):
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                 ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(child.lineno, child.end_lineno, alias.name, inner))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package[:len(package) - child.level + 1]
                    mod = ".".join(base + ([child.module] if child.module else []))
                else:
                    mod = child.module or ""
                targets = []
                for alias in child.names:
                    sub = f"{mod}.{alias.name}"
                    target = sub if _is_module(root, sub) else mod
                    if target not in targets:
                        targets.append(target)
                for target in targets:
                    found.append(Import(child.lineno, child.end_lineno, target, inner))
            visit(child, inner)

    visit(tree, False)
    return found


def rank_of(root, dotted):
    """(layer rank, interp sub-layer rank or None) of a module of the tree, or None."""
    parts = dotted.split(".")
    if parts[0] != root.name or len(parts) < 2 or parts[1] not in RANK:
        return None
    sub = INTERP_RANK.get(parts[2]) if parts[1] == "interp" and len(parts) > 2 else None
    return RANK[parts[1]], sub


def _name_of_rank(dotted):
    parts = dotted.split(".")
    return ".".join(parts[1:3]) if len(parts) > 2 and parts[1] == "interp" else parts[1]


def upward_imports(root, path):
    """Readable findings: imports of ``path`` that point to a higher layer or sub-layer."""
    me = module_name(root, path)
    here = rank_of(root, me)
    if here is None:
        return []
    bad = []
    for imp in imports_of(root, path):
        there = rank_of(root, imp.target)
        if there is None:
            continue
        upward = there[0] > here[0] or (
            there[0] == here[0] and here[1] is not None and there[1] is not None
            and there[1] > here[1])
        if upward:
            where = "function-level " if imp.nested else ""
            bad.append(f"{path.relative_to(root)}:{imp.lineno}: {where}import of {imp.target}"
                       f" ({_name_of_rank(imp.target)} is above {_name_of_rank(me)})")
    return bad


def unranked_interp_files(root):
    """Files of interp outside every ranked sub-package (besides interp/__init__.py)."""
    interp = root / "interp"
    return [str(p.relative_to(root)) for p in all_sources(interp)
            if p != interp / "__init__.py"
            and p.relative_to(interp).parts[0] not in INTERP_RANK]


def import_graph(root):
    """{module: {imported module of the tree: first line importing it}}."""
    graph = {}
    for path in all_sources(root):
        me = module_name(root, path)
        edges = graph.setdefault(me, {})
        for imp in imports_of(root, path):
            if imp.target != me and _is_module(root, imp.target):
                edges.setdefault(imp.target, imp.lineno)
    return graph


def _strongly_connected(graph):
    """Tarjan's algorithm; components in a deterministic order."""
    index, low, stack, on_stack, comps = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return comps


def _shortest_cycle_through(graph, start, members):
    """Shortest chain start -> ... -> start inside ``members`` (breadth first)."""
    prev = {start: None}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v]):
                if w not in members:
                    continue
                if w == start:
                    chain = [v]
                    while prev[chain[-1]] is not None:
                        chain.append(prev[chain[-1]])
                    return chain[::-1] + [start]
                if w not in prev:
                    prev[w] = v
                    nxt.append(w)
        frontier = nxt
    return None


def import_cycles(root):
    """Readable import cycles of the tree: for every group of modules that import one another,
    the shortest cycle through each member, as ``a (line n) -> b (line m) -> a``."""
    graph = import_graph(root)
    found = []
    for comp in _strongly_connected(graph):
        if len(comp) < 2:
            continue
        members = set(comp)
        seen = set()
        for start in comp:
            chain = _shortest_cycle_through(graph, start, members)
            ring = chain[:-1]
            first = ring.index(min(ring))
            ring = ring[first:] + ring[:first]
            if tuple(ring) in seen:
                continue
            seen.add(tuple(ring))
            chain = ring + ring[:1]
            steps = [f"{a} (line {graph[a][b]})" for a, b in zip(chain, chain[1:])]
            found.append(" -> ".join(steps + [chain[-1]]))
    return found


def _has_reason(lines, imp):
    """A comment on one of the statement's lines or on the line above it."""
    for n in range(imp.lineno - 1, imp.end_lineno + 1):
        if 1 <= n <= len(lines):
            text = lines[n - 1]
            if n == imp.lineno - 1 and text.strip().startswith("#"):
                return True
            if n >= imp.lineno and "#" in text:
                return True
    return False


def nested_imports(root):
    """Function-level import statements under root/interp: [(place, has a reason)]."""
    found = []
    for path in all_sources(root / "interp"):
        lines = path.read_text().splitlines()
        statements = {}
        for imp in imports_of(root, path):
            if imp.nested:
                statements.setdefault(imp.lineno, imp)
        for lineno, imp in sorted(statements.items()):
            found.append((f"{path.relative_to(root)}:{lineno}", _has_reason(lines, imp)))
    return found


def nested_import_findings(root):
    found = nested_imports(root)
    bad = [f"{place}: function-level import without a comment saying why"
           for place, why in found if not why]
    if len(found) >= MAX_NESTED_IN_INTERP:
        bad.append(f"{len(found)} function-level imports in interp (fewer than "
                   f"{MAX_NESTED_IN_INTERP} allowed): " + ", ".join(p for p, _ in found))
    return bad


# ----------------------------------------------------------------------------- the real tree

def test_there_are_sources():
    assert len(all_sources()) > 5
    assert all((SRC / "interp" / name / "__init__.py").is_file() for name in INTERP_RANK)


@pytest.mark.parametrize("path", all_sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_upward_imports(path):
    bad = upward_imports(SRC, path)
    assert not bad, "\n".join(bad)


def test_every_interp_file_is_in_a_ranked_sub_layer():
    assert not unranked_interp_files(SRC)


def test_no_import_cycles():
    cycles = import_cycles(SRC)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_function_level_imports_in_interp_are_few_and_explained():
    bad = nested_import_findings(SRC)
    assert not bad, "\n".join(bad)


def test_only_decode_imports_dis():
    offenders = []
    for path in all_sources():
        for imp in imports_of(SRC, path):
            if imp.target == "dis" and path.name != "decode.py":
                offenders.append(f"{path.relative_to(SRC)}:{imp.lineno}")
    assert not offenders, offenders


# ----------------------------------------------------------------------------- self-tests

def _fake_tree(tmp_path, files):
    """A package ``heapsim`` under tmp_path with every layer and interp sub-layer present
    (empty) plus ``files`` {relative path: source}."""
    root = tmp_path / "heapsim"
    packages = [f"{name}/__init__.py" for name in RANK if name != "runtime"]
    packages += [f"interp/{name}/__init__.py" for name in INTERP_RANK]
    for rel in ["__init__.py", "runtime.py"] + packages:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def _all_upward(root):
    return [line for path in all_sources(root) for line in upward_imports(root, path)]


def test_checker_accepts_a_clean_fake_tree(tmp_path):
    root = _fake_tree(tmp_path, {
        "objects/core.py": "from heapsim.memory import obmalloc\nimport heapsim.base.errors\n",
        "memory/obmalloc.py": "from ..base import errors\n",
        "base/errors.py": "",
        "interp/vm/ceval.py": ("from heapsim.interp.types import typeobject\n"
                               "from ..objspace import space\n"),
        "interp/types/typeobject.py": "from heapsim.objects import core\n",
        "interp/objspace/space.py": "from heapsim.interp.types.typeobject import X\n",
    })
    assert _all_upward(root) == []
    assert import_cycles(root) == []
    assert nested_import_findings(root) == []
    assert unranked_interp_files(root) == []


def test_checker_sees_an_upward_import_between_layers(tmp_path):
    root = _fake_tree(tmp_path, {
        "objects/core.py": "import heapsim.reclaim.collector\n",
        "reclaim/collector.py": "",
        "memory/obmalloc.py": "x = 1\nfrom ..objects import core\n",
    })
    assert _all_upward(root) == [
        "memory/obmalloc.py:2: import of heapsim.objects.core (objects is above memory)",
        "objects/core.py:1: import of heapsim.reclaim.collector (reclaim is above objects)",
    ]


def test_checker_sees_a_function_level_upward_import_between_interp_sub_layers(tmp_path):
    root = _fake_tree(tmp_path, {
        "interp/types/typeobject.py": ("def f():\n    if True:\n"
                                       "        from heapsim.interp.vm import ceval\n"),
        "interp/objspace/space.py": "def g():\n    from ..methods.attrs import hook\n",
        "interp/methods/attrs.py": "class C:\n    def m(self):\n        from heapsim.interp"
                                   " import modules\n",
        "interp/vm/ceval.py": "",
    })
    assert _all_upward(root) == [
        "interp/methods/attrs.py:3: function-level import of heapsim.interp.modules "
        "(interp.modules is above interp.methods)",
        "interp/objspace/space.py:2: function-level import of heapsim.interp.methods.attrs "
        "(interp.methods is above interp.objspace)",
        "interp/types/typeobject.py:3: function-level import of heapsim.interp.vm.ceval "
        "(interp.vm is above interp.types)",
    ]


def test_checker_sees_an_interp_file_outside_the_sub_layers(tmp_path):
    root = _fake_tree(tmp_path, {"interp/loose.py": "", "interp/extra/thing.py": ""})
    assert unranked_interp_files(root) == ["interp/extra/thing.py", "interp/loose.py"]


def test_checker_sees_a_two_module_cycle(tmp_path):
    root = _fake_tree(tmp_path, {
        "objects/a.py": "import os\n\n\ndef f():\n    from heapsim.objects import b\n",
        "objects/b.py": "from . import a\n",
        "objects/c.py": "from heapsim.objects.a import f\n",
    })
    assert import_cycles(root) == [
        "heapsim.objects.a (line 5) -> heapsim.objects.b (line 1) -> heapsim.objects.a"]


def test_checker_reports_every_cycle_of_a_tangle(tmp_path):
    root = _fake_tree(tmp_path, {
        "interp/vm/a.py": "from heapsim.interp.vm import b, c\n",
        "interp/vm/b.py": "from .a import x\n",
        "interp/vm/c.py": "import heapsim.interp.vm.a\n",
    })
    assert import_cycles(root) == [
        "heapsim.interp.vm.a (line 1) -> heapsim.interp.vm.b (line 1) -> heapsim.interp.vm.a",
        "heapsim.interp.vm.a (line 1) -> heapsim.interp.vm.c (line 1) -> heapsim.interp.vm.a",
    ]


def test_checker_sees_an_uncommented_function_level_import(tmp_path):
    root = _fake_tree(tmp_path, {
        "interp/vm/ceval.py": (
            "def f():\n"
            "    # ceval and space import each other: space needs run_frame late\n"
            "    from heapsim.interp.objspace import space\n"
            "    from heapsim.interp.types import (  # the frame type, late: see above\n"
            "        frameobject)\n"
            "    import heapsim.interp.methods.attrs\n"
            "    return space\n"),
        "interp/objspace/space.py": "", "interp/types/frameobject.py": "",
        "interp/methods/attrs.py": "",
        "objects/core.py": "def f():\n    import heapsim.base.errors\n",  # outside interp
    })
    assert nested_import_findings(root) == [
        "interp/vm/ceval.py:6: function-level import without a comment saying why"]


def test_checker_counts_function_level_imports(tmp_path):
    body = "".join(f"def f{i}():\n    import heapsim.base  # why {i}\n"
                   for i in range(MAX_NESTED_IN_INTERP))
    root = _fake_tree(tmp_path, {"interp/types/many.py": body})
    bad = nested_import_findings(root)
    assert len(bad) == 1 and bad[0].startswith(
        f"{MAX_NESTED_IN_INTERP} function-level imports in interp (fewer than")
    root2 = _fake_tree(tmp_path / "two", {"interp/types/many.py": body.split("def f9")[0]})
    assert nested_import_findings(root2) == []

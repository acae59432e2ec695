"""The module table (interp/modules/table.py) and the importer's rule for names it does not
provide (interp/vm/importer.py's docstring).  What python3 shows is compared by the guest
programs tests/programs/imp_*.py; these tests cover what has no python3 counterpart."""

import importlib
import io
import sys
import types

import pytest

from heapsim.interp.modules import table
from heapsim.interp.modules.modsupport import new_module, set_attr
from heapsim.tools.cli import run_program


def _run(tmp_path, source):
    prog = tmp_path / "prog.py"
    prog.write_text(source)
    out, err = io.StringIO(), io.StringIO()
    code = run_program(str(prog), [], stdout=out, stderr=err, audit=True)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("row", table.MODULES, ids=lambda r: r.name)
def test_every_row_names_a_file_with_its_entry_point(row):
    impl = importlib.import_module(f"heapsim.interp.modules.{row.file}")
    assert row.created in (table.STARTUP, table.ON_IMPORT)
    if row.kind == table.NATIVE:
        assert callable(impl.init)
        assert row.file == ("bltin" if row.name == "builtins" else row.name) + "module"
    else:
        assert row.kind == table.SOURCE
        assert isinstance(impl.SOURCE, str) and impl.FILENAME.endswith(".py")


def test_names_are_unique_and_startup_modules_come_first():
    names = [row.name for row in table.MODULES]
    assert len(set(names)) == len(names) == len(table.BY_NAME)
    created = [row.created for row in table.MODULES]
    assert created == sorted(created, key=lambda c: c != table.STARTUP)
    assert set(table.IN_SYS_MODULES_AT_STARTUP) <= {
        row.name for row in table.MODULES if row.created == table.STARTUP}


@pytest.fixture
def extra_rows(monkeypatch):
    """Two more rows, as a new file and a new row would add them: a native module and a guest
    source module (their files stand in host sys.modules for files of the package)."""
    native = types.ModuleType("heapsim.interp.modules.tablenative")

    def init(sp):
        mod = new_module(sp, "tablenative")
        set_attr(sp, mod, "ANSWER", sp.wrap(42))
        return mod

    native.init = init
    source = types.ModuleType("heapsim.interp.modules.tablesource")
    source.SOURCE = "def twice(x):\n    return 2 * x\nNAME = __name__\n"
    source.FILENAME = "/nowhere/tablesource.py"
    monkeypatch.setitem(sys.modules, native.__name__, native)
    monkeypatch.setitem(sys.modules, source.__name__, source)
    rows = table.MODULES + (table.Row("tablenative", "tablenative", table.ON_IMPORT),
                            table.Row("tablesource", "tablesource", table.ON_IMPORT,
                                      table.SOURCE))
    monkeypatch.setattr(table, "MODULES", rows)
    monkeypatch.setattr(table, "BY_NAME", {row.name: row for row in rows})


def test_a_new_row_is_importable(tmp_path, extra_rows):
    src = ("import sys, tablenative, tablesource\n"
           "print(tablenative.ANSWER, tablesource.twice(21), tablesource.NAME)\n"
           "print(tablesource.__file__, sys.modules['tablesource'] is tablesource)\n"
           "print(sys.getrefcount(tablenative), sys.getrefcount(tablesource))\n")
    code, out, err = _run(tmp_path, src)
    assert (code, err) == (0, "")
    assert out.splitlines() == ["42 42 tablesource", "/nowhere/tablesource.py True", "3 3"]


@pytest.mark.parametrize("stmt, what", [
    ("import itertools", "import of itertools: a built-in C module"),     # C, no counterpart
    ("import _frozen_importlib_external", "import of _frozen_importlib_external: a module "
     "python3 finds"),                                                      # frozen
    ("import pytest", "import of pytest: a third-party module"),           # site-packages
    ("import importlib.util", "import of importlib.util: heapsim's importlib is not"),
    ("import importlib\n    importlib.reload", "importlib.reload"),
])
def test_what_heapsim_lacks_is_unsupported(tmp_path, stmt, what):
    """Even inside ``try/except ImportError``: python3 would import these."""
    code, out, err = _run(tmp_path, f"try:\n    {stmt}\nexcept ImportError:\n    pass\n")
    assert code == 3
    assert err.splitlines()[-1].startswith(f"heapsim: unsupported: {what}")


def test_an_accelerator_outside_try_is_unsupported(tmp_path):
    """Outside a ``try`` of its frame, a missing accelerator would end the program with a
    ModuleNotFoundError python3 never raises: it is unsupported instead."""
    code, out, err = _run(tmp_path, "import _heapq\n")
    assert code == 3
    assert err.splitlines()[-1].startswith("heapsim: unsupported: import of _heapq: a C "
                                           "extension module")


def test_a_failing_stdlib_module_is_unsupported(tmp_path, monkeypatch):
    """A standard-library module whose body raises names itself and the error (python3
    imports every standard-library module it finds)."""
    from heapsim.interp.vm import import_paths
    (tmp_path / "fakestd.py").write_text("raise NameError('heapsim lacks x')\n")
    monkeypatch.setattr(import_paths, "STDLIB_DIR", str(tmp_path))
    code, out, err = _run(tmp_path, "try:\n    import fakestd\nexcept NameError:\n"
                                    "    print('caught')\n")
    assert (code, out) == (3, "")
    assert err.splitlines()[-1].startswith("heapsim: unsupported: import of fakestd: the "
                                           "standard-library module raised NameError: "
                                           "heapsim lacks x")


def test_an_accelerator_is_not_found(tmp_path):
    """``_heapq`` exists for python3 but heapsim answers ModuleNotFoundError, so that heapq's
    pure-Python code runs (a deliberate difference, documented in the importer)."""
    assert "_heapq" in sys.stdlib_module_names
    code, out, err = _run(tmp_path, "try:\n    import _heapq\nexcept ImportError as e:\n"
                                    "    print(type(e).__name__, e.name)\n")
    assert (code, out, err) == (0, "ModuleNotFoundError _heapq\n", "")

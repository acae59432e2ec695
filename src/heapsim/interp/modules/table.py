"""The module table: every guest module heapsim provides, the file that builds it, and when it
is created (CPython's ``_PyImport_Inittab`` plus the frozen and source modules its start-up
imports).

A row is ``Row(name, file, created, kind)``:

- ``name``: the name ``import`` looks for;
- ``file``: a module of this package (``<name>module.py`` as in CPython's Modules/);
- ``created``: ``STARTUP`` (built while the runtime starts, in table order, then held by the
  runtime; ``import`` only enters it in ``sys.modules``) or ``ON_IMPORT`` (built by the first
  ``import`` that does not find it in ``sys.modules``; only ``sys.modules`` holds it, so an
  import after ``del sys.modules[name]`` builds a new one, as for CPython's multi-phase
  extension modules);
- ``kind``: ``NATIVE`` (``file.init(sp)`` returns a new reference to the module, built with
  modsupport.py's helpers) or ``SOURCE`` (guest Python: ``file.SOURCE`` is compiled and run
  in a new module, as importlib runs a source file; tracebacks show ``file.FILENAME``).

The start-up rows come in the order CPython's start-up leaves its free lists: after the last
one, ``fill_startup_free_lists`` tops them up to what ``python3 prog.py`` has at its first line,
so nothing may allocate between them and the fill.

Adding a module is one file here and one row below (docs/architecture.md, "Adding a guest
module").
"""

import importlib
from typing import NamedTuple

from heapsim.interp.modules.modsupport import exec_source, new_module
from heapsim.interp.modules.sysmodule import fill_startup_free_lists

STARTUP = "start-up"
ON_IMPORT = "on import"
NATIVE = "native"
SOURCE = "source"


class Row(NamedTuple):
    name: str
    file: str
    created: str
    kind: str = NATIVE


MODULES = (
    #   name        file              created
    Row("builtins", "bltinmodule",    STARTUP),
    Row("sys",      "sysmodule",      STARTUP),
    Row("gc",       "gcmodule",       STARTUP),
    Row("math",     "mathmodule",     STARTUP),
    Row("weakref",  "weakrefmodule",  STARTUP),
    Row("errno",    "errnomodule",    ON_IMPORT),
    Row("importlib", "importlibmodule", ON_IMPORT),
    Row("_frozen_importlib", "importlib_bootstrap", ON_IMPORT, SOURCE),
)

BY_NAME = {row.name: row for row in MODULES}

# The start-up modules in ``sys.modules`` at a program's first line (python3 in a clean
# virtual environment); the others are entered by their first import.
IN_SYS_MODULES_AT_STARTUP = ("sys", "builtins")

# The start-up module the runtime holds one more reference to: heapsim's ``math`` lacks two
# of python3's functions (``cbrt`` and ``exp2``, each holding a reference to the module), and
# the runtime's own reference plus this one stand for them, so ``sys.getrefcount(math)`` is
# python3's.  Goes when math has all its functions and the runtime hands its reference to
# ``sys.modules`` on the first import.
EXTRA_STARTUP_REFERENCE = "math"


def find(name):
    """The row of module name, or None."""
    return BY_NAME.get(name)


def create(sp, row):
    """A new reference to a new module built as row says."""
    impl = importlib.import_module(f"{__package__}.{row.file}")
    if row.kind == SOURCE:
        mod = new_module(sp, row.name)
        exec_source(sp, mod, impl.SOURCE, impl.FILENAME)
        return mod
    return impl.init(sp)


def create_startup_modules(sp):
    """Build the start-up rows in table order into ``sp.interp.modules`` (one reference each,
    the runtime's), then leave the free lists as CPython's start-up does."""
    modules = sp.interp.modules
    for row in MODULES:
        if row.created == STARTUP:
            modules[row.name] = create(sp, row)
    fill_startup_free_lists(sp.heap)
    modules[EXTRA_STARTUP_REFERENCE].ob_refcnt += 1

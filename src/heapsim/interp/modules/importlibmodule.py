"""The guest ``importlib`` (Lib/importlib/__init__.py's public functions over heapsim's own
importer, vm/importer.py, which the modules layer reaches as ``sp.importer``).

``import_module(name, package=None)`` resolves a relative name against package as importlib's
``_gcd_import`` does (with its TypeError/ValueError/ImportError texts) and returns
``sys.modules[name]`` after importing it (a dotted name gives the submodule, unlike
``__import__``).  ``invalidate_caches()`` forgets the folder listings.  Every other name of
python3's importlib (``reload``, ``util``, ``machinery``, ``resources``, ...) is
``heapsim: unsupported`` through the module's ``__getattr__``; any other name is python3's
AttributeError.
"""

import importlib as host_importlib

from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.methods.clinic import METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, \
    builtin
from heapsim.interp.modules.modsupport import add_functions, new_module

# What python3's importlib has besides what this module defines (its submodules included;
# not its dunders: without ``__path__`` it is no package, so ``import importlib.util`` is
# unsupported in the importer).
PYTHON3_NAMES = frozenset(n for n in vars(host_importlib) if not n.startswith("__")) | {
    "abc", "machinery", "metadata", "readers", "resources", "simple", "util",
    "_abc", "_bootstrap", "_bootstrap_external"}


@builtin("import_module($module, name, package=None)", METH_FASTCALL | METH_KEYWORDS)
def importlib_import_module(sp, self, name, package=None):
    heap = sp.heap
    if name.ob_type is not heap.str_type:
        raise GuestError("AttributeError", f"'{name.ob_type.name}' object has no attribute "
                         "'startswith'")
    text = name.value
    level = 0
    if text.startswith("."):
        if package is None or package is heap.none or not sp.truth(package):
            raise GuestError("TypeError", "the 'package' argument is required to perform a "
                             f"relative import for {sp.repr_host(name)}")
        level = len(text) - len(text.lstrip("."))
        if package.ob_type is not heap.str_type:
            raise GuestError("TypeError", "__package__ not set to a string")
    text = text[level:]
    if not text and level == 0:
        raise GuestError("ValueError", "Empty module name")
    if level:
        pkg = package.value
        bits = pkg.rsplit(".", level - 1)
        if len(bits) < level:
            raise GuestError("ImportError", "attempted relative import beyond top-level "
                             "package")
        text = f"{bits[0]}.{text}" if text else bits[0]
    return sp.importer.find_and_load(text)


@builtin("invalidate_caches($module)", METH_NOARGS)
def importlib_invalidate_caches(sp, self):
    sp.importer.listings.by_dir.clear()
    return sp.none()


@builtin("__getattr__($module, name, /)", METH_O)
def importlib_getattr(sp, self, name):
    text = name.value if name.ob_type is sp.heap.str_type else None
    if text in PYTHON3_NAMES:
        raise Unsupported(f"importlib.{text}")
    raise GuestError("AttributeError", f"module 'importlib' has no attribute {sp.repr_host(name)}")


FUNCTIONS = (("import_module", importlib_import_module),
             ("invalidate_caches", importlib_invalidate_caches),
             ("__getattr__", importlib_getattr))


def init(sp):
    """The ``importlib`` module: a new reference."""
    mod = new_module(sp, "importlib")
    add_functions(sp, mod, FUNCTIONS)
    return mod

"""``import`` of guest modules (Python/import.c's ``PyImport_ImportModuleLevelObject``, with
importlib's finders reduced to the module table and "NAME.py in a directory of the guest
``sys.path``").

``import X`` (and ``__import__``) looks in this order:

1. ``sys.modules`` (a guest dict): a module found there is the answer;
2. the module table (modules/table.py): a start-up module is entered in ``sys.modules``, an
   on-import one is built, then entered;
3. ``X.py`` in a directory of the guest ``sys.path`` (the script's directory first): compiled
   as its own compilation unit (its constants carry no parser-arena reference:
   docs/cpython-facts.md §3), entered in ``sys.modules`` *before* its body runs (so circular
   imports see the partially initialised module) and removed again if the body fails.

A name none of these provides raises the guest ``ModuleNotFoundError`` as python3 does
(``No module named 'X'``, ``.name`` set), so ``try: import _foo / except ImportError:``
fallbacks work, unless python3 would find a module heapsim lacks; then the run stops with
``heapsim: unsupported`` (exit 3), which is kept for what heapsim lacks:

- a pure-Python module of the host's standard library the table does not provide yet
  (``collections``; source or frozen), a C module of it that is not an accelerator
  (``itertools``, ``time``), a third-party module installed for the host;
- dotted and relative imports (``import os.path``, ``from . import x``) and ``import *``.

An accelerator, a C module of the standard library whose name starts with ``_`` (``_heapq``,
``_bisect``: the pure-Python module imports it inside ``try``), is ModuleNotFoundError even
though python3 has it, so that the pure-Python fallback runs.  Whether python3 would find a
name is asked of the host's import system (the oracle's environment).

``from X import Y`` with no ``Y`` in X is python3's ImportError: ``cannot import name 'Y' from
'X' (FILE)``, FILE ``unknown location`` for a module without ``__file__``.
"""

import importlib.machinery
import importlib.util
import os
import sys as host_sys

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.interp.modules import table
from heapsim.interp.modules.modsupport import new_module
from heapsim.interp.types.codeobject import ConstantTable
from heapsim.objects.dictobject import dict_delitem, dict_getitem, dict_new, dict_setitem
from heapsim.objects.unicodeobject import intern_string, new_str


class Importer:
    """The import system of one run: ``sys.modules``, ``sys.path`` and the hooks the eval loop
    calls (``import_hook`` for IMPORT_NAME and ``__import__``, ``import_from_error`` for a
    failed IMPORT_FROM)."""

    def __init__(self, runtime):
        self.rt = runtime
        self.heap = runtime.heap
        self.sp = runtime.space
        self.interp = runtime.interp
        self.modules = self.interp.modules      # the runtime's start-up modules (held)
        self.initializing = set()
        self.loading = []          # (module, code) the host holds while a module body runs
        self.sp.importer = self
        self.interp.import_hook = self.import_name
        self.interp.import_from_error = self.import_from_error

    def install_sys_state(self, argv):
        """``sys.modules`` (a guest dict of the modules imported so far: those python3 has at
        a program's first line) and ``sys.path`` (the script's directory first, as python3
        sets it)."""
        heap = self.heap
        mods = dict_new(heap)
        for name in table.IN_SYS_MODULES_AT_STARTUP:
            key = new_str(heap, name)
            dict_setitem(heap, mods, key, self.modules[name])
            heap.decref(key)
        script = argv[0] if argv else ""
        first = os.path.dirname(os.path.realpath(script)) if script else os.getcwd()
        path = self.sp.newlist([new_str(heap, first)])
        sysdict = self.modules["sys"].md_dict
        for name, value in (("modules", mods), ("path", path)):
            key = intern_string(heap, name)
            dict_setitem(heap, sysdict, key, value)
            heap.decref(key)
            heap.decref(value)

    def sys_attr(self, name):
        """``sys.name`` (borrowed), or None."""
        heap = self.heap
        key = intern_string(heap, name)
        v = dict_getitem(heap, self.modules["sys"].md_dict, key)
        heap.decref(key)
        return v

    def search_path(self):
        heap = self.heap
        p = self.sys_attr("path")
        if p is None or p.ob_type is not heap.list_type:
            return []
        return [x.value for x in p.items if x.ob_type is heap.str_type]

    def import_name(self, name, fromlist, level):
        """A new reference to the module ``import name`` binds (the top-level package)."""
        heap = self.heap
        if level is not None and getattr(level, "value", 0):
            raise Unsupported("relative import")
        if "." in name:
            first = name.partition(".")[0]
            if self.provides(first) or python3_finds(first):
                raise Unsupported(f"import of {name}")
            raise self.module_not_found(first)
        mods = self.sys_attr("modules")
        key = new_str(heap, name)
        try:
            m = dict_getitem(heap, mods, key) if mods is not None else None
            if m is not None:
                m.ob_refcnt += 1
                return m
            row = table.find(name)
            if row is not None:
                m = self.modules.get(name)
                if m is None:
                    # built now: the new reference is the one returned, sys.modules holds
                    # the only other one
                    m = table.create(self.sp, row)
                    package = intern_string(heap, "__package__")
                    dict_setitem(heap, m.md_dict, package, heap.empty_str)
                    heap.decref(package)
                else:
                    m.ob_refcnt += 1
                if mods is not None:
                    dict_setitem(heap, mods, key, m)
                return m
            path = self.find(name)
            if path is not None:
                return self.load(name, key, path, mods)
            if python3_finds(name):
                raise Unsupported(f"import of {name}")
            raise self.module_not_found(name)
        finally:
            heap.decref(key)

    def provides(self, name):
        """Whether heapsim has module name (in the table or as a file on sys.path)."""
        return table.find(name) is not None or self.find(name) is not None

    def module_not_found(self, name):
        """The GuestException of importlib's ``ModuleNotFoundError(msg, name=name)``."""
        ge = self.interp.materialize(GuestError("ModuleNotFoundError",
                                                f"No module named '{name}'"))
        ge.exc.imp_name = new_str(self.heap, name)
        return ge

    def find(self, name):
        for d in self.search_path():
            p = os.path.join(d, name + ".py")
            if os.path.isfile(p):
                return p
        return None

    def load(self, name, key, path, mods):
        rt = self.rt
        heap = self.heap
        with open(path, "rb") as fh:
            raw = fh.read()
        try:
            source = raw.decode("utf-8")
            host_code = compile(source, path, "exec", dont_inherit=True)
        except (SyntaxError, UnicodeDecodeError, ValueError) as e:
            raise Unsupported(f"syntax error in imported module {name}: {e}") from None
        rt.sources[path] = source.splitlines()
        code = ConstantTable(heap, arena_refs=False).code(host_code)
        mod = self.new_source_module(name, path)
        if mods is not None:
            dict_setitem(heap, mods, key, mod)
        self.initializing.add(name)
        self.loading.append((mod, code))
        try:
            res = self.interp.run_module(code, mod.md_dict, self.modules["builtins"].md_dict)
            heap.decref(res)
        except (GuestException, GuestError):
            if mods is not None and dict_getitem(heap, mods, key) is not None:
                dict_delitem(heap, mods, key)
            heap.decref(mod)
            heap.decref(code)
            raise
        finally:
            self.initializing.discard(name)
            self.loading.pop()
        heap.decref(code)
        # the module object bound by ``import`` is the one left in sys.modules
        if mods is not None:
            m = dict_getitem(heap, mods, key)
            if m is not None:
                m.ob_refcnt += 1
                heap.decref(mod)
                return m
        return mod

    def new_source_module(self, name, filename):
        """A new module for an imported source file, its dict filled as importlib fills it."""
        heap = self.heap
        mod = new_module(self.sp, name)
        d = os.path.dirname(filename)
        cached = os.path.join(d, "__pycache__", os.path.basename(filename)[:-3]
                              + ".cpython-311.pyc")
        builtins_dict = self.modules["builtins"].md_dict
        builtins_dict.ob_refcnt += 1
        for key_name, value in (("__package__", new_str(heap, "")),
                                ("__file__", new_str(heap, filename)),
                                ("__cached__", new_str(heap, cached)),
                                ("__builtins__", builtins_dict)):
            key = intern_string(heap, key_name)
            dict_setitem(heap, mod.md_dict, key, value)
            heap.decref(key)
            heap.decref(value)
        return mod

    def import_from_error(self, mod, name):
        """The ImportError of ``from mod import name`` when mod has no such attribute (a
        GuestException, with ``name`` and ``path`` set as ``_bootstrap._handle_fromlist``'s
        caller sets them)."""
        heap = self.heap
        modname = mod.md_name.value if mod.md_name is not None else "?"
        key = intern_string(heap, "__file__")
        f = dict_getitem(heap, mod.md_dict, key) if mod.md_dict is not None else None
        heap.decref(key)
        if f is None or f.ob_type is not heap.str_type:
            f = None
        where = f.value if f is not None else "unknown location"
        if modname in self.initializing:
            msg = (f"cannot import name '{name}' from partially initialized module "
                   f"'{modname}' (most likely due to a circular import) ({where})")
        else:
            msg = f"cannot import name '{name}' from '{modname}' ({where})"
        ge = self.interp.materialize(GuestError("ImportError", msg))
        if mod.md_name is not None:
            ge.exc.imp_name = mod.md_name
            mod.md_name.ob_refcnt += 1
        if f is not None:
            ge.exc.imp_path = f
            f.ob_refcnt += 1
        return ge


_EXTENSION_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def python3_finds(name):
    """Whether python3 (the host's import system) finds a module heapsim must not answer with
    ModuleNotFoundError (see the module docstring): False for a name it does not find and
    for an accelerator."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    if name.startswith("_") and name in host_sys.stdlib_module_names:
        origin = spec.origin or ""
        return not (origin == "built-in" or origin.endswith(_EXTENSION_SUFFIXES))
    return True

"""``import`` of guest modules: Python/import.c's ``PyImport_ImportModuleLevelObject`` and
importlib's ``_bootstrap`` (``_find_and_load``, ``_load_unlocked``, ``_handle_fromlist``),
with ceval.c's ``import_from`` and ``import_all_from``.  Finding files is import_paths.py.

An absolute name (``resolve_name`` turns a relative one into it from the importing module's
``__package__``, ``__spec__.parent`` or ``__name__``, with python3's errors) is looked up as
importlib looks it up (``find_and_load``):

1. ``sys.modules`` (a guest dict): a module found there is the answer (a partially
   initialised one too: circular imports see it); None there is python3's "import of X
   halted" ModuleNotFoundError;
2. for ``a.b.c``, the parent ``a.b`` is imported first, and its ``__path__`` (a guest list)
   is where ``c`` is searched ("No module named 'a.b.c'; 'a.b' is not a package" without);
3. a top-level name: the module table (modules/table.py), then the host's built-in C modules
   (which heapsim lacks unless the table has them), then the folders of the guest
   ``sys.path``: the script's folder, then the host's standard library (import_paths.py);
4. a source module or package (``__init__.py``) is compiled by the host's compiler (its
   constants carry no parser-arena reference: docs/cpython-facts.md §3), given
   ``__spec__``/``__loader__`` (guest objects of the ``_frozen_importlib`` module,
   modules/importlib_bootstrap.py), ``__package__``, ``__path__``, ``__file__``,
   ``__cached__``, entered in ``sys.modules`` *before* its body runs, removed again if the
   body fails, and moved to the end of ``sys.modules`` after it (as ``_load_unlocked``
   does); a submodule is then set as an attribute of its parent.  A namespace package
   (folders without ``__init__.py``) gets a ``_NamespacePath``.

A name none of these provides raises the guest ``ModuleNotFoundError`` as python3 does
(``No module named 'X'``, ``.name`` set), so ``try: import _foo / except ImportError:``
fallbacks work, unless python3 would find a module heapsim lacks; then the run stops with
``heapsim: unsupported: import of X: <why>`` (exit 3): a C module (built in or an extension)
heapsim has no counterpart for, a third-party module of the host's site-packages, a
sourceless ``.pyc``, a frozen module, and a standard-library module whose body raises (a
missing feature of heapsim: python3 imports every one it can find).

An accelerator, a C module of the standard library whose name starts with ``_`` (``_heapq``,
``_bisect``), is ModuleNotFoundError even though python3 has it, so that the pure-Python
fallback runs, when the import statement is inside a ``try`` of its frame (the standard
library imports accelerators so); outside one it is unsupported as above.

``from X import Y`` with no ``Y`` in X looks for ``sys.modules['X.Y']``, then raises
python3's ImportError: ``cannot import name 'Y' from 'X' (FILE)`` (``from partially
initialized module`` while X runs), FILE ``unknown location`` for a module without
``__file__``.
"""

import importlib.util
import os

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.interp.modules import table
from heapsim.interp.modules.modsupport import new_module, set_attr
from heapsim.interp.types.codeobject import ConstantTable
from heapsim.interp.vm import import_paths as paths
from heapsim.interp.vm.import_from import FromImports
from heapsim.objects.dictobject import (
    dict_delitem, dict_getitem, dict_new, dict_setitem,
)
from heapsim.objects.unicodeobject import intern_string, new_str

BOOTSTRAP = "_frozen_importlib"

# Host code of imported source files, one per process: path -> (mtime_ns, size, code, lines).
_HOST_CODE = {}


class Importer(FromImports):
    """The import system of one run: ``sys.modules``, ``sys.path`` and the hooks the eval loop
    calls (``import_hook`` for IMPORT_NAME and ``__import__``, ``import_from_missing`` for an
    IMPORT_FROM whose attribute is missing, ``import_star`` for IMPORT_STAR)."""

    def __init__(self, runtime):
        self.rt = runtime
        self.heap = runtime.heap
        self.sp = runtime.space
        self.interp = runtime.interp
        self.modules = self.interp.modules      # the runtime's start-up modules (held)
        self.initializing = set()  # names of the modules whose bodies run
        self.loading = []          # (module, code) the host holds while a module body runs
        self.listings = paths.Listings()
        self.sp.importer = self
        self.interp.import_hook = self.import_name
        self.interp.import_from_missing = self.import_from_missing
        self.interp.import_star = self.import_star

    def install_sys_state(self, argv):
        """``sys.modules`` (a guest dict of the modules imported so far: those python3 has at
        a program's first line) and ``sys.path`` (the script's folder, then python3's)."""
        heap = self.heap
        mods = dict_new(heap)
        for name in table.IN_SYS_MODULES_AT_STARTUP:
            key = new_str(heap, name)
            dict_setitem(heap, mods, key, self.modules[name])
            heap.decref(key)
        script = argv[0] if argv else ""
        first = os.path.dirname(os.path.realpath(script)) if script else os.getcwd()
        path = self.sp.newlist([new_str(heap, p)
                                for p in [first] + paths.python_path_entries()])
        sysdict = self.modules["sys"].md_dict
        for name, value in (("modules", mods), ("path", path)):
            key = intern_string(heap, name)
            dict_setitem(heap, sysdict, key, value)
            heap.decref(key)
            heap.decref(value)

    # --- small guest-dict helpers ----------------------------------------------------------

    def sys_attr(self, name):
        """``sys.name`` (borrowed), or None."""
        heap = self.heap
        key = intern_string(heap, name)
        v = dict_getitem(heap, self.modules["sys"].md_dict, key)
        heap.decref(key)
        return v

    def sys_modules_dict(self):
        """``sys.modules`` (borrowed) if it is a dict, else None."""
        mods = self.sys_attr("modules")
        if mods is None or mods.ob_type is not self.heap.dict_type:
            return None
        return mods

    def sys_modules_get(self, name):
        """``sys.modules.get(name)`` (borrowed), or None (also when sys.modules is gone)."""
        heap = self.heap
        mods = self.sys_modules_dict()
        if mods is None:
            return None
        key = new_str(heap, name)
        m = dict_getitem(heap, mods, key)
        heap.decref(key)
        return m

    def sys_modules_set(self, name, mod):
        heap = self.heap
        mods = self.sys_modules_dict()
        if mods is not None:
            key = new_str(heap, name)
            dict_setitem(heap, mods, key, mod)
            heap.decref(key)
            touch(heap, mods)

    def sys_modules_pop(self, name):
        """Remove name from sys.modules: a new reference to what it held, or None."""
        m = self.sys_modules_get(name)
        if m is not None:
            m.ob_refcnt += 1
            key = new_str(self.heap, name)
            mods = self.sys_modules_dict()
            dict_delitem(self.heap, mods, key)
            self.heap.decref(key)
            touch(self.heap, mods)
        return m

    def dict_str(self, d, name):
        """``d[name]`` for a guest dict d (borrowed), or None."""
        heap = self.heap
        key = intern_string(heap, name)
        v = dict_getitem(heap, d, key)
        heap.decref(key)
        return v

    def getattr_or_none(self, obj, name):
        """``getattr(obj, name, None)`` as hasattr sees it: a new reference, or None when the
        lookup raises AttributeError."""
        try:
            return self.sp.getattr(obj, name)
        except GuestError as err:
            if err.kind != "AttributeError":
                raise
            return None
        except GuestException as ge:
            if ge.exc.ob_type is not self.interp.exc_types["AttributeError"]:
                raise
            self.heap.decref(ge.exc)
            return None

    def search_path(self):
        p = self.sys_attr("path")
        if p is None or p.ob_type is not self.heap.list_type:
            return []
        return [x.value for x in p.items if x.ob_type is self.heap.str_type]

    # --- import statement ------------------------------------------------------------------

    def import_name(self, name, fromlist, level, globals_=None, site=None):
        """``PyImport_ImportModuleLevelObject``: a new reference to what ``import`` binds.
        level is a guest int (or None), globals_ the importing frame's globals (relative
        imports), site the import instruction ``(decoded code, index)`` if known."""
        heap = self.heap
        lvl = level.value if level is not None and level.ob_type is heap.int_type else 0
        if lvl < 0:
            raise GuestError("ValueError", "level must be >= 0")
        if lvl > 0:
            absname = self.resolve_name(name, globals_, lvl)
        elif not name:
            raise GuestError("ValueError", "Empty module name")
        else:
            absname = name
        mod = self.find_and_load(absname, site)
        has_from = fromlist is not None and fromlist is not heap.none and \
            self.sp.truth(fromlist)
        if not has_from:
            if lvl == 0 or name:
                dot = name.find(".")
                if dot == -1:
                    return mod
                heap.decref(mod)
                if lvl == 0:
                    return self.find_and_load(name[:dot], site)
                to_return = absname[:len(absname) - (len(name) - dot)]
                m = self.sys_modules_get(to_return)
                if m is None:
                    raise GuestError("KeyError", f"'{to_return}' not in sys.modules as expected")
                m.ob_refcnt += 1
                return m
            return mod
        path = self.getattr_or_none(mod, "__path__")
        if path is None:
            return mod
        heap.decref(path)
        try:
            self.handle_fromlist(mod, fromlist, False)
        except BaseException:
            heap.decref(mod)
            raise
        return mod

    def resolve_name(self, name, g, level):
        """``resolve_name``: the absolute name of a relative import from globals g."""
        heap = self.heap
        if g is None:
            raise GuestError("KeyError", "'__name__' not in globals")
        if g.ob_type is not heap.dict_type:
            raise GuestError("TypeError", "globals must be a dict")
        package = self.dict_str(g, "__package__")
        if package is heap.none:
            package = None
        spec = self.dict_str(g, "__spec__")
        if package is not None:
            if package.ob_type is not heap.str_type:
                raise GuestError("TypeError", "package must be a string")
            pkg = package.value
        elif spec is not None and spec is not heap.none:
            parent = self.sp.getattr(spec, "parent")
            try:
                if parent.ob_type is not heap.str_type:
                    raise GuestError("TypeError", "__spec__.parent must be a string")
                pkg = parent.value
            finally:
                heap.decref(parent)
        else:
            modname = self.dict_str(g, "__name__")
            if modname is None:
                raise GuestError("KeyError", "'__name__' not in globals")
            if modname.ob_type is not heap.str_type:
                raise GuestError("TypeError", "__name__ must be a string")
            pkg = modname.value
            if self.dict_str(g, "__path__") is None:
                pkg = pkg.rpartition(".")[0]
        if not pkg:
            raise GuestError("ImportError", "attempted relative import with no known parent "
                             "package")
        last = len(pkg)
        for _ in range(1, level):
            last = pkg.rfind(".", 0, last)
            if last == -1:
                raise GuestError("ImportError", "attempted relative import beyond top-level "
                                 "package")
        base = pkg[:last]
        return f"{base}.{name}" if name else base

    def handle_fromlist(self, mod, fromlist, recursive):
        """``_handle_fromlist``: import the submodules the from-list names that the package
        mod lacks as attributes."""
        heap = self.heap
        sp = self.sp
        items = sp.collect(fromlist)
        try:
            for x in items:
                if x.ob_type is not heap.str_type:
                    if recursive:
                        where = self.module_name(mod) + ".__all__"
                    else:
                        where = "``from list''"
                    raise GuestError("TypeError", f"Item in {where} must be str, not "
                                     f"{x.ob_type.name}")
                if x.value == "*":
                    if not recursive:
                        names = self.getattr_or_none(mod, "__all__")
                        if names is not None:
                            try:
                                self.handle_fromlist(mod, names, True)
                            finally:
                                heap.decref(names)
                    continue
                v = self.getattr_or_none(mod, x.value)
                if v is not None:
                    heap.decref(v)
                    continue
                from_name = f"{self.module_name(mod)}.{x.value}"
                try:
                    heap.decref(self.find_and_load(from_name))
                except GuestException as ge:
                    e = ge.exc
                    if e.ob_type is self.interp.exc_types["ModuleNotFoundError"] and \
                            e.imp_name is not None and e.imp_name.value == from_name and \
                            self.sys_modules_get(from_name) is not heap.none:
                        heap.decref(e)
                        continue
                    raise
        finally:
            for x in items:
                heap.decref(x)

    def module_name(self, mod):
        """``mod.__name__`` as a host str ('?' if it is not a str)."""
        n = self.getattr_or_none(mod, "__name__")
        if n is None:
            return "?"
        self.heap.decref(n)
        return n.value if n.ob_type is self.heap.str_type else "?"

    # --- finding and loading ---------------------------------------------------------------

    def find_and_load(self, name, site=None):
        """``_find_and_load``: a new reference to module name (absolute), imported if
        sys.modules does not have it."""
        m = self.sys_modules_get(name)
        if m is not None:
            if m is self.heap.none:
                raise self.module_not_found(f"import of {name} halted; None in sys.modules",
                                            name)
            m.ob_refcnt += 1
            return m
        parent, _, child = name.rpartition(".")
        parent_module = None
        if parent:
            if self.sys_modules_get(parent) is None:
                self.heap.decref(self.find_and_load(parent, site))
            m = self.sys_modules_get(name)
            if m is not None:
                m.ob_refcnt += 1
                return m
            parent_module = self.sys_modules_get(parent)
            if parent_module is None:
                raise GuestError("KeyError", parent)
            search = self.getattr_or_none(parent_module, "__path__")
            if search is None:
                if table.find(parent) is not None and paths.python3_finds(name):
                    raise Unsupported(f"import of {name}: heapsim's {parent} is not a package")
                raise self.module_not_found(f"No module named '{name}'; '{parent}' is not a "
                                            "package", name)
            try:
                items = self.sp.collect(search)
            finally:
                self.heap.decref(search)
            entries = [x.value for x in items if x.ob_type is self.heap.str_type]
            for x in items:
                self.heap.decref(x)
            found = paths.find_in(child, entries, self.listings)
        else:
            found = self.find_top_level(name, site)
        if found is None:
            raise self.module_not_found(f"No module named '{name}'", name)
        mod = self.load(name, found, site)
        if parent_module is not None:
            try:
                self.sp.setattr(parent_module, child, mod)
                touch(self.heap, parent_module)
            except BaseException:
                self.heap.decref(mod)
                raise
        return mod

    def find_top_level(self, name, site):
        """Where a top-level name comes from: a table row, a Found, or None."""
        row = table.find(name)
        if row is not None:
            return row
        if paths.is_host_builtin(name):
            self.lacking(name, "a built-in C module heapsim has no counterpart for", site)
        found = paths.find_in(name, self.search_path(), self.listings)
        if found is None and paths.python3_finds(name):
            raise Unsupported(f"import of {name}: a module python3 finds (frozen, or on a "
                              "path python3 adds) that heapsim does not provide")
        return found

    def lacking(self, name, why, site):
        """A module python3 has and heapsim cannot provide: ModuleNotFoundError for an
        accelerator imported inside a ``try``, else Unsupported."""
        if paths.is_accelerator(name) and in_try(site):
            raise self.module_not_found(f"No module named '{name}'", name)
        raise Unsupported(f"import of {name}: {why}")

    def load(self, name, found, site):
        """A new reference to the module found made and run."""
        if isinstance(found, table.Row):
            return self.load_table_module(name, found)
        kind = found.kind
        if kind == paths.EXTENSION:
            self.lacking(name, f"a C extension module heapsim does not simulate "
                               f"({found.origin})", site)
        if kind == paths.BYTECODE:
            raise Unsupported(f"import of {name}: a sourceless .pyc ({found.origin})")
        if paths.is_third_party_file(found.origin or found.locations[0]):
            raise Unsupported(f"import of {name}: a third-party module of the host "
                              f"({found.origin or found.locations[0]})")
        if kind == paths.NAMESPACE:
            return self.load_namespace(name, found)
        return self.load_source(name, found)

    def load_table_module(self, name, row):
        heap = self.heap
        m = self.modules.get(name)
        if m is None:
            # built now: the new reference is the one returned, sys.modules holds the only
            # other one
            m = table.create(self.sp, row)
            set_attr(self.sp, m, "__package__", new_str(heap, ""))
        else:
            m.ob_refcnt += 1
        self.sys_modules_set(name, m)
        return m

    def new_spec(self, factory, args):
        """A new reference to a spec made by ``_frozen_importlib.factory(*args)`` (args host
        values, wrapped)."""
        sp = self.sp
        boot = self.modules.get(BOOTSTRAP)
        if boot is None:
            # held by the runtime (python3 has it from start-up on; here it is built by the
            # first import from a file and entered in sys.modules by ``import
            # _frozen_importlib`` only)
            boot = self.modules[BOOTSTRAP] = table.create(sp, table.find(BOOTSTRAP))
        fn = sp.getattr(boot, factory)
        gargs = [sp.wrap(a) for a in args]
        try:
            return sp.call(fn, gargs, None)
        finally:
            for a in gargs:
                self.heap.decref(a)
            self.heap.decref(fn)

    def init_module_attrs(self, mod, spec, package, file_first):
        """``_init_module_attrs``: ``__loader__``, ``__package__``, ``__spec__``, ``__path__``,
        ``__file__``, ``__cached__`` from spec (borrowed)."""
        heap = self.heap
        sp = self.sp
        set_attr(sp, mod, "__loader__", sp.getattr(spec, "loader"))
        set_attr(sp, mod, "__package__", new_str(heap, package))
        spec.ob_refcnt += 1
        set_attr(sp, mod, "__spec__", spec)
        if file_first:      # a namespace package: __file__ (None), then __path__
            heap.none.ob_refcnt += 1
            set_attr(sp, mod, "__file__", heap.none)
            set_attr(sp, mod, "__path__", sp.getattr(spec, "submodule_search_locations"))
            return
        locations = sp.getattr(spec, "submodule_search_locations")
        if locations is heap.none:
            heap.decref(locations)
        else:
            set_attr(sp, mod, "__path__", locations)
        set_attr(sp, mod, "__file__", sp.getattr(spec, "origin"))
        set_attr(sp, mod, "__cached__", sp.getattr(spec, "_cached"))

    def load_namespace(self, name, found):
        spec = self.new_spec("_namespace_spec", (name, list(found.locations)))
        mod = new_module(self.sp, name)
        try:
            self.init_module_attrs(mod, spec, name, True)
        finally:
            self.heap.decref(spec)
        self.sys_modules_set(name, mod)
        return mod

    def load_source(self, name, found):
        """``_load_unlocked`` for a source module or package."""
        heap = self.heap
        sp = self.sp
        path = found.origin
        code = self.compile_file(name, path)
        is_package = found.kind == paths.PACKAGE
        try:
            spec = self.new_spec("_source_spec", (name, path, paths.cached_path(path),
                                                  is_package))
        except BaseException:
            heap.decref(code)
            raise
        mod = new_module(sp, name)
        package = name if is_package else name.rpartition(".")[0]
        try:
            self.init_module_attrs(mod, spec, package, False)
            builtins = self.modules["builtins"].md_dict
            builtins.ob_refcnt += 1
            set_attr(sp, mod, "__builtins__", builtins)
            self.sys_modules_set(name, mod)
            sp.setattr(spec, "_initializing", heap.true)
            touch(heap, spec)
        finally:
            heap.decref(spec)
        self.initializing.add(name)
        self.loading.append((mod, code))
        try:
            res = self.interp.run_module(code, mod.md_dict, builtins)
            heap.decref(res)
        except (GuestException, GuestError) as err:
            heap.xdecref(self.sys_modules_pop(name))
            heap.decref(mod)
            heap.decref(code)
            if paths.is_stdlib_file(path):
                raise self.stdlib_failure(name, err) from None
            raise
        except Unsupported as u:
            raise wrap_unsupported(name, u) from None
        finally:
            self.initializing.discard(name)
            self.loading.pop()
        heap.decref(code)
        spec = self.dict_str(mod.md_dict, "__spec__") if mod.md_dict is not None else None
        if spec is not None and spec is not heap.none:
            sp.setattr(spec, "_initializing", heap.false)
            touch(heap, spec)
        heap.decref(mod)
        # the module object bound by ``import`` is the one left in sys.modules, moved to its
        # end
        m = self.sys_modules_pop(name)
        if m is None:
            raise GuestError("KeyError", name)
        self.sys_modules_set(name, m)
        return m

    def stdlib_failure(self, name, err):
        """A standard-library module whose body raised: python3 imports it, so heapsim lacks
        something it needs (Unsupported naming the module and the error)."""
        if isinstance(err, GuestError):
            what = f"{err.kind}: {err.message}"
        else:
            exc = err.exc
            try:
                what = f"{exc.ob_type.name}: {self.sp.str_host(exc)}"
            except (GuestError, GuestException):
                what = exc.ob_type.name
            self.heap.decref(exc)
        return Unsupported(f"import of {name}: the standard-library module raised {what}")

    def compile_file(self, name, path):
        """A new reference to the guest code object of source file path (the host code is
        compiled once per process and file version)."""
        rt = self.rt
        st = os.stat(path)
        entry = _HOST_CODE.get(path)
        if entry is None or entry[0] != st.st_mtime_ns or entry[1] != st.st_size:
            with open(path, "rb") as fh:
                raw = fh.read()
            try:
                source = importlib.util.decode_source(raw)
                host_code = compile(source, path, "exec", dont_inherit=True)
            except (SyntaxError, UnicodeDecodeError, ValueError) as e:
                raise Unsupported(f"syntax error in imported module {name}: {e}") from None
            entry = _HOST_CODE[path] = (st.st_mtime_ns, st.st_size, host_code,
                                        source.splitlines())
        rt.sources[path] = entry[3]
        return ConstantTable(self.heap, arena_refs=False).code(entry[2])

    def module_not_found(self, msg, name):
        """The GuestException of importlib's ``ModuleNotFoundError(msg, name=name)``."""
        ge = self.interp.materialize(GuestError("ModuleNotFoundError", msg))
        ge.exc.imp_name = new_str(self.heap, name)
        return ge


def touch(heap, obj):
    """Take and drop a reference to obj, as importlib's Python code does to the objects it
    changes: a recorder attached to the run (record/recorder.py) re-reads what a refcount
    write touched, and a change made here through no guest instruction would escape it."""
    obj.ob_refcnt += 1
    heap.decref(obj)


def wrap_unsupported(name, u):
    """What a module's body lacks, named after the import that ran it: ``import of NAME:
    WHAT at FILE:LINE``, to be located at the importing statement (so the message of a
    nested import names the chain, the outermost first)."""
    what = u.what
    if u.filename is not None and not what.startswith("import of "):
        what = f"{what} at {u.filename}:{u.lineno}"
    return Unsupported(f"import of {name}: {what}")


def in_try(site):
    """Whether the import instruction at site ``(decoded code, index)`` is covered by an
    exception handler of its frame (True when the site is unknown: ``__import__``)."""
    if site is None:
        return True
    dc, index = site
    return dc.exception_handler(index) is not None

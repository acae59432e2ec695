"""``import`` of guest modules (Python/import.c's ``PyImport_ImportModuleLevelObject``, with
importlib's path finder reduced to "NAME.py in a directory of the guest ``sys.path``").

``sys.modules`` is a guest dict: a module found there is returned; otherwise the runtime's
builtin modules (sys, gc, math, ...) are registered in it on first import, and a source file
``NAME.py`` on the guest ``sys.path`` is compiled as its own compilation unit (its constants
carry no parser-arena reference, facts §3), entered in ``sys.modules`` *before* its body runs
(so circular imports see the partially initialised module) and removed again if the body
fails.  Anything else is ``Unsupported("import of NAME")``.
"""

import os

from heapsim.base.errors import GuestError, GuestException, Unsupported
from heapsim.objects.dictobject import dict_delitem, dict_getitem, dict_setitem
from heapsim.objects.unicodeobject import intern_string, new_str


class Importer:
    def __init__(self, runtime):
        self.rt = runtime
        self.initializing = set()
        self.loading = []          # (module, code) the host holds while a module body runs
        runtime.space.importer = self

    def sys_modules(self):
        rt = self.rt
        sysmod = rt.modules["sys"]
        key = intern_string(rt.heap, "modules")
        d = dict_getitem(rt.heap, sysmod.md_dict, key)
        rt.heap.decref(key)
        return d

    def search_path(self):
        rt = self.rt
        heap = rt.heap
        key = intern_string(heap, "path")
        p = dict_getitem(heap, rt.modules["sys"].md_dict, key)
        heap.decref(key)
        if p is None or p.ob_type is not heap.list_type:
            return []
        return [x.value for x in p.items if x.ob_type is heap.str_type]

    def import_name(self, name, fromlist, level):
        """A new reference to the module ``import name`` binds (the top-level package)."""
        rt = self.rt
        heap = rt.heap
        if level is not None and getattr(level, "value", 0):
            raise Unsupported("relative import")
        if "." in name:
            raise Unsupported(f"import of {name}")
        mods = self.sys_modules()
        key = new_str(heap, name)
        try:
            m = dict_getitem(heap, mods, key) if mods is not None else None
            if m is not None:
                m.ob_refcnt += 1
                return m
            m = rt.modules.get(name)
            if m is not None:
                if mods is not None:
                    dict_setitem(heap, mods, key, m)
                m.ob_refcnt += 1
                return m
            path = self.find(name)
            if path is None:
                if _missing_for_python3(name):
                    raise GuestError("ModuleNotFoundError", f"No module named '{name}'")
                raise Unsupported(f"import of {name}")
            return self.load(name, key, path, mods)
        finally:
            heap.decref(key)

    def find(self, name):
        for d in self.search_path():
            p = os.path.join(d, name + ".py")
            if os.path.isfile(p):
                return p
        return None

    def load(self, name, key, path, mods):
        rt = self.rt
        heap = rt.heap
        with open(path, "rb") as fh:
            raw = fh.read()
        try:
            source = raw.decode("utf-8")
            host_code = compile(source, path, "exec", dont_inherit=True)
        except (SyntaxError, UnicodeDecodeError, ValueError) as e:
            raise Unsupported(f"syntax error in imported module {name}: {e}") from None
        rt.sources[path] = source.splitlines()
        from heapsim.interp.types.codeobject import ConstantTable
        code = ConstantTable(heap, arena_refs=False).code(host_code)
        mod = rt.new_module_object(name, path)
        if mods is not None:
            dict_setitem(heap, mods, key, mod)
        self.initializing.add(name)
        self.loading.append((mod, code))
        try:
            res = rt.interp.run_module(code, mod.md_dict, rt.builtins.md_dict)
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

    def import_from_error(self, mod, name):
        """The ImportError of ``from mod import name`` when mod has no such attribute."""
        heap = self.rt.heap
        modname = mod.md_name.value if getattr(mod, "md_name", None) is not None else "?"
        key = intern_string(heap, "__file__")
        f = dict_getitem(heap, mod.md_dict, key) if hasattr(mod, "md_dict") else None
        heap.decref(key)
        where = f.value if f is not None and f.ob_type is heap.str_type else \
            "unknown location"
        if modname in self.initializing:
            return GuestError("ImportError", f"cannot import name '{name}' from partially "
                              f"initialized module '{modname}' (most likely due to a circular "
                              f"import) ({where})")
        return GuestError("ImportError", f"cannot import name '{name}' from '{modname}' "
                          f"({where})")


def _missing_for_python3(name):
    """Whether python3 itself would fail with ModuleNotFoundError (not a stdlib module and
    not installed): then the guest gets that error rather than an unsupported feature."""
    import importlib.util
    import sys
    if name in sys.stdlib_module_names:
        return False
    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):
        return True

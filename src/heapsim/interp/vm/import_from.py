"""The two halves of ``from X import ...`` that run after the import itself: ceval.c's
``import_from`` (a name X lacks as an attribute: ``sys.modules['X.name']``, else python3's
ImportError texts) and ``import_all_from`` (``from X import *``: ``__all__``, else the names
not starting with ``_``).  A mixin of the Importer (vm/importer.py), which provides
``getattr_or_none``, ``sys_modules_get``, ``dict_str``, ``module_name`` and
``initializing``.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.dictobject import dict_keys, dict_setitem


class FromImports:
    """``import_from_missing`` and ``import_star``, the eval loop's hooks for IMPORT_FROM and
    IMPORT_STAR."""

    def import_from_missing(self, mod, name):
        """ceval.c's ``import_from`` after ``mod.name`` raised AttributeError: a new
        reference to ``sys.modules['X.name']``, else python3's ImportError."""
        heap = self.heap
        pkgname = self.getattr_or_none(mod, "__name__")
        if pkgname is not None and pkgname.ob_type is not heap.str_type:
            heap.decref(pkgname)
            pkgname = None
        if pkgname is not None:
            m = self.sys_modules_get(f"{pkgname.value}.{name}")
            if m is not None:
                heap.decref(pkgname)
                m.ob_refcnt += 1
                return m
        f = None
        if mod.ob_type is heap.module_type and mod.md_dict is not None:
            f = self.dict_str(mod.md_dict, "__file__")
            if f is not None and f.ob_type is not heap.str_type:
                f = None
        shown = pkgname.value if pkgname is not None else "<unknown module name>"
        if f is None:
            msg = f"cannot import name '{name}' from '{shown}' (unknown location)"
        elif shown in self.initializing:
            msg = (f"cannot import name '{name}' from partially initialized module "
                   f"'{shown}' (most likely due to a circular import) ({f.value})")
        else:
            msg = f"cannot import name '{name}' from '{shown}' ({f.value})"
        ge = self.interp.materialize(GuestError("ImportError", msg))
        ge.exc.imp_name = pkgname           # the reference taken above
        if f is not None:
            ge.exc.imp_path = f
            f.ob_refcnt += 1
        raise ge

    def import_star(self, f, mod):
        """ceval.c's ``import_all_from``: the public names of mod into the frame's locals."""
        heap = self.heap
        sp = self.sp
        ns = f.locals
        if ns is None:
            raise GuestError("SystemError", "no locals found during 'import *'")
        names = self.getattr_or_none(mod, "__all__")
        skip_private = names is None
        if skip_private:
            d = self.getattr_or_none(mod, "__dict__")
            if d is None:
                raise GuestError("ImportError", "from-import-* object has no __dict__ and no "
                                 "__all__")
            try:
                if d.ob_type is heap.dict_type:
                    keys = dict_keys(d)
                    for k in keys:
                        k.ob_refcnt += 1
                else:
                    keys = sp.collect(d)
            finally:
                heap.decref(d)
        else:
            try:
                keys = sp.collect(names)
            finally:
                heap.decref(names)
        try:
            for k in keys:
                if k.ob_type is not heap.str_type:
                    where = "__dict__" if skip_private else "__all__"
                    kind = "Key" if skip_private else "Item"
                    raise GuestError("TypeError", f"{kind} in {self.module_name(mod)}.{where} "
                                     f"must be str, not {k.ob_type.name}")
                if skip_private and k.value.startswith("_"):
                    continue
                v = sp.getattr(mod, k.value)
                try:
                    if ns.ob_type is heap.dict_type:
                        dict_setitem(heap, ns, k, v)
                    else:
                        sp.setitem(ns, k, v)
                finally:
                    heap.decref(v)
        finally:
            for k in keys:
                heap.decref(k)


"""Attributes of module objects (Objects/moduleobject.c ``module_getattro``): the module
dict, then the module's own ``__getattr__`` (PEP 562), then CPython's AttributeError.

``install(heap)`` puts them in the ``module`` type's ``tp_getattro``/``tp_setattro`` slots.
"""

from heapsim.base.errors import GuestError
from heapsim.objects.dictobject import dict_delitem, dict_getitem, dict_setitem
from heapsim.objects.unicodeobject import intern_string, new_str


def module_getattro(sp, mod, name):
    """``mod.name`` (host str name): a new reference."""
    heap = sp.heap
    key = new_str(heap, name)
    v = dict_getitem(heap, mod.md_dict, key)
    heap.decref(key)
    if v is not None:
        v.ob_refcnt += 1
        return v
    if name == "__dict__":
        mod.md_dict.ob_refcnt += 1
        return mod.md_dict
    key = intern_string(heap, "__getattr__")
    hook = dict_getitem(heap, mod.md_dict, key)
    heap.decref(key)
    if hook is not None:
        arg = new_str(heap, name)
        try:
            return sp.call(hook, [arg], None)
        finally:
            heap.decref(arg)
    modname = mod.md_name.value if mod.md_name is not None else "?"
    importer = sp.importer
    if importer is not None and modname in importer.initializing:
        raise GuestError("AttributeError", f"partially initialized module '{modname}' has no "
                         f"attribute '{name}' (most likely due to a circular import)")
    raise GuestError("AttributeError", f"module '{modname}' has no attribute '{name}'")


def module_setattro(sp, mod, name, value):
    """``mod.name = value`` into the module dict; ``del mod.name`` (value None) removes it
    (the generic path's message when it is missing)."""
    heap = sp.heap
    key = new_str(heap, name)
    try:
        if value is None:
            if dict_getitem(heap, mod.md_dict, key) is None:
                raise GuestError("AttributeError", f"'module' object has no attribute '{name}'")
            dict_delitem(heap, mod.md_dict, key)
        else:
            dict_setitem(heap, mod.md_dict, key, value)
    finally:
        heap.decref(key)
    return True


def install(heap):
    tp = heap.module_type
    tp.tp_getattro = module_getattro
    tp.tp_setattro = module_setattro

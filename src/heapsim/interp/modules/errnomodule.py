"""The guest ``errno`` module (Modules/errnomodule.c): the platform's error-number constants
and ``errorcode``, the dict from each number to its name.

The names and values are the host's (the oracle's platform): its ``errno`` module's dict holds
them in the order ``errno_exec`` adds them, and replaying that order rebuilds both dicts as
CPython builds them (each name goes into the module dict and, as the value for its number,
into ``errorcode``, the same str object in both; a number two names share keeps the later one).
"""

import errno as host_errno

from heapsim.interp.modules.modsupport import new_module, set_attr
from heapsim.objects.dictobject import dict_new, dict_setitem
from heapsim.objects.longobject import new_int
from heapsim.objects.unicodeobject import new_str


def init(sp):
    """The ``errno`` module: a new reference."""
    heap = sp.heap
    mod = new_module(sp, "errno")
    set_attr(sp, mod, "__doc__", new_str(heap, host_errno.__doc__))
    errorcode = dict_new(heap)
    errorcode.ob_refcnt += 1
    set_attr(sp, mod, "errorcode", errorcode)
    for name, value in host_errno.__dict__.items():
        if name.startswith("__") or name == "errorcode":
            continue
        key = new_str(heap, name)
        code = new_int(heap, value)
        dict_setitem(heap, mod.md_dict, key, code)
        dict_setitem(heap, errorcode, code, key)
        heap.decref(key)
        heap.decref(code)
    heap.decref(errorcode)
    return mod

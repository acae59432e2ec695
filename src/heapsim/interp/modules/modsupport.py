"""Helpers every guest module's ``init`` uses to build its module object (Python/modsupport.c
and the module half of Objects/moduleobject.c): a new module, a name stored in its dict,
builtin functions bound to it, and guest Python source run into its namespace.
"""

import linecache

from heapsim.interp.types.codeobject import ConstantTable
from heapsim.objects.dictobject import dict_setitem
from heapsim.objects.methodobject import MethodDef, METH_FASTCALL, METH_KEYWORDS, cfunction_new
from heapsim.objects.moduleobject import module_new_object
from heapsim.objects.unicodeobject import intern_string


def new_module(sp, name):
    """``PyModule_New(name)``: a new reference to an empty module (the five dunder names)."""
    heap = sp.heap
    n = intern_string(heap, name)
    mod = module_new_object(heap, n)
    heap.decref(n)
    return mod


def set_attr(sp, module, name, value):
    """``PyModule_Add``: store value (a new reference, consumed) in the module's dict."""
    heap = sp.heap
    key = intern_string(heap, name)
    dict_setitem(heap, module.md_dict, key, value)
    heap.decref(key)
    heap.decref(value)


def mdef_fn(sp, module, name, fn):
    """A builtin function ``module.name`` bound to module (``PyCFunction_NewEx``)."""
    ml = MethodDef(sp.heap, name, fn, METH_FASTCALL | METH_KEYWORDS)
    return cfunction_new(sp.heap, ml, self=module)


def add_functions(sp, module, functions):
    """``PyModule_AddFunctions``: a builtin function per (name, fn) pair, in order."""
    for name, fn in functions:
        set_attr(sp, module, name, mdef_fn(sp, module, name, fn))


_HOST_CODE = {}      # filename -> host code object of a guest-source module (one per process)


def exec_source(sp, module, source, filename):
    """Run guest Python source in module's namespace, as importlib's ``exec_module`` runs a
    source file: ``__file__`` and ``__builtins__`` first, then the body.  The source is
    compiled once per process; tracebacks through it show its lines under filename."""
    heap = sp.heap
    host_code = _HOST_CODE.get(filename)
    if host_code is None:
        host_code = _HOST_CODE[filename] = compile(source, filename, "exec",
                                                   dont_inherit=True)
    if filename not in linecache.cache:
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    builtins = sp.interp.modules["builtins"]
    set_attr(sp, module, "__file__", sp.newstr(filename))
    builtins.ob_refcnt += 1
    set_attr(sp, module, "__builtins__", builtins)
    code = ConstantTable(heap, arena_refs=False).code(host_code)
    try:
        res = sp.interp.run_module(code, module.md_dict, builtins.md_dict)
    finally:
        heap.decref(code)
    heap.decref(res)

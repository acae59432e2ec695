"""The guest/host boundary (docs/architecture.md, "Guest and host"): no route lets a guest
program reach a host object.

Each case is a guest program that tries one route out of the simulation (format fields,
``__globals__`` chains, frames, ``gc``, descriptors, the callbacks builtins make into guest
code, ...), keeps every value it reaches in a global list, and then walks from those values
by ``dir``/``getattr``, ``gc.get_referents`` and container items, keeping what it finds.
After the run the test walks the simulated heap from every module of the run (``__main__``
holds what the guest kept) and checks that every value reachable is a simulated object of a
simulated type.  A host object smuggled into the guest would be found there; an attempt may
also end in a guest exception or in ``heapsim: unsupported`` (exit 3), never in an internal
error.
"""

import io
import textwrap

import pytest

from heapsim.objects.core import PyObject, TypeObject
from heapsim.reclaim.audit import reference_functions, references
from heapsim.tools.runner import run_program


PRELUDE = '''
import gc, sys
R = []
_SEEN = set()

def keep(*xs):
    R.extend(xs)

def attempt(label, fn):
    try:
        keep(fn())
        print(label, "reached")
    except Exception as e:
        keep(e, e.args)
        print(label, type(e).__name__)

def walk(roots, limit):
    todo = list(roots)
    n = 0
    while todo and n < limit:
        x = todo.pop(0)
        if id(x) in _SEEN:
            continue
        _SEEN.add(id(x))
        R.append(x)
        n += 1
        for name in dir(x):
            try:
                todo.append(getattr(x, name))
            except Exception as e:
                todo.append(e)
        todo.extend(gc.get_referents(x))
        if type(x) in (list, tuple, set, frozenset):
            todo.extend(x)
        elif type(x) is dict:
            todo.extend(x)
            todo.extend(x.values())
    print("walked", n)

class A:
    cls_attr = 1
    def m(self):
        return self
a = A()
'''

EPILOGUE = '''
walk(list(R), LIMIT)
'''


# name -> guest code (after PRELUDE): each reaches what it can and keeps it
ROUTES = {
    "format_fields": '''
for f in ("{0._sp}", "{0._obj}", "{0._keep}", "{0._sp.heap}", "{0.__class__}",
          "{0.__format__.__globals__}", "{0.__init__.__globals__}", "{0.m.__globals__}",
          "{0.__class__.__mro__}", "{0.__dict__}", "{0[0]}", "{0.m.__func__.__code__}"):
    for arg in (a, print, [a], {0: a}, 5, "s", A):
        attempt(f, lambda: f.format(arg))
attempt("format_map", lambda: "{x._sp}{x.__class__}".format_map({"x": a}))
class Missing(dict):
    def __missing__(self, key):
        keep(key, self)
        return key
attempt("format_map_missing", lambda: "{k} {q}".format_map(Missing()))
attempt("kw_field", lambda: "{kw.__class__.__base__}".format(kw=a))
''',
    "format_spec_and_dunder_format": '''
class F:
    def __format__(self, spec):
        keep(self, spec, type(spec))
        return "F" + spec
f = F()
attempt("fstring", lambda: f"{f:{'abc'}} {f!r:>30} {f!s} {f!a}")
attempt("format_builtin", lambda: format(f, "xyz"))
attempt("str_format", lambda: "{0:{1}}".format(f, "q"))
attempt("object_format", lambda: object.__format__(a, ""))
attempt("format_method", lambda: a.__format__)
attempt("format_self", lambda: a.__format__.__self__)
attempt("int_format", lambda: (5).__format__)
''',
    "percent_formatting": '''
class P:
    def __str__(self):
        keep(self)
        return "p"
    def __repr__(self):
        keep(self)
        return "P"
    def __index__(self):
        keep(self)
        return 7
    def __float__(self):
        keep(self)
        return 1.5
class Mapping:
    def __getitem__(self, key):
        keep(self, key, type(key))
        return P()
p = P()
attempt("pct_s", lambda: "%s %r %a %d %x %f %c" % (p, p, p, p, p, p, p))
attempt("pct_map", lambda: "%(one)s %(two)r" % Mapping())
attempt("pct_dict", lambda: "%(k)s" % {"k": p})
attempt("pct_list_mapping", lambda: "%(k)s" % [p])
attempt("pct_err", lambda: "%d" % (a,))
def odd_names():
    out = []
    for name in ("a\\x00b", "\\udcff", "x" * 300, "<lambda>", "A.B"):
        cls = type(name, (), {"__str__": lambda self: "S", "__index__": lambda self: 3})
        out += ["%s %r %d" % (cls(), cls(), cls()), "%(k)s" % {"k": cls()}]
    return out
attempt("pct_odd_type_names", odd_names)
''',
    "function_globals_chains": '''
def f():
    return 1
attempt("globals", lambda: f.__globals__)
attempt("builtins_of_globals", lambda: f.__globals__["__builtins__"])
attempt("builtins_attr", lambda: f.__builtins__)
attempt("code", lambda: f.__code__)
attempt("closure", lambda: f.__closure__)
attempt("init_globals", lambda: A.__init__.__globals__)
attempt("print_init_globals", lambda: print.__init__.__globals__)
attempt("len_self", lambda: len.__self__)
attempt("len_module", lambda: len.__module__)
attempt("method_func_globals", lambda: a.m.__func__.__globals__)
attempt("method_self", lambda: a.m.__self__)
attempt("list_append_self", lambda: [].append.__self__)
attempt("str_join_objclass", lambda: str.join.__objclass__)
attempt("wrapper_globals", lambda: (1).__add__.__globals__)
attempt("lambda_defaults", lambda: (lambda x=a: x).__defaults__)
attempt("kwdefaults", lambda: f.__kwdefaults__)
attempt("annotations", lambda: f.__annotations__)
''',
    "class_hierarchy": '''
attempt("mro", lambda: (1).__class__.__mro__)
attempt("A_dict", lambda: A.__dict__)
attempt("bases", lambda: A.__bases__)
attempt("base", lambda: A.__base__)
attempt("mro_call", lambda: type.mro(A))
attempt("class_of_class", lambda: A.__class__.__class__)
attempt("getattribute", lambda: object.__getattribute__(a, "__dict__"))
attempt("type_getattribute", lambda: type.__getattribute__(A, "__dict__"))
attempt("vars", lambda: vars(A))
attempt("dir", lambda: dir(A))
''',
    "builtins_module": '''
import builtins
attempt("builtins_name", lambda: __builtins__)
attempt("builtins_dict", lambda: builtins.__dict__)
attempt("vars_builtins", lambda: vars(builtins))
attempt("import_builtins", lambda: __import__("builtins"))
attempt("loader", lambda: __loader__)
attempt("spec", lambda: __spec__)
attempt("builtins_spec", lambda: builtins.__spec__)
attempt("builtins_loader", lambda: builtins.__loader__)
attempt("print_dict", lambda: print.__dict__)
attempt("len_dict", lambda: len.__dict__)
attempt("globals", lambda: globals())
attempt("locals", lambda: locals())
''',
    "frames_and_tracebacks": '''
def inner():
    return sys._getframe()
attempt("getframe", lambda: sys._getframe())
attempt("getframe_back", lambda: inner().f_back)
attempt("frame_globals", lambda: inner().f_globals)
attempt("frame_builtins", lambda: inner().f_builtins)
attempt("frame_locals", lambda: inner().f_locals)
attempt("frame_code", lambda: inner().f_code)
def chain():
    fr = sys._getframe()
    out = []
    while fr is not None:
        out.append(fr)
        out.append(fr.f_globals)
        fr = fr.f_back
    return out
attempt("frame_chain", chain)
def tb():
    try:
        1 / 0
    except ZeroDivisionError as e:
        t = e.__traceback__
        out = [e, t]
        while t is not None:
            out += [t.tb_frame, t.tb_frame.f_globals, t.tb_frame.f_back, t.tb_lasti]
            t = t.tb_next
        return out
attempt("traceback", tb)
attempt("exc_info", lambda: sys.exc_info())
def raised_by_host():
    out = []
    for thunk in (lambda: {}["k"], lambda: int("x"), lambda: [][1], lambda: "{0.x}".format(1),
                  lambda: "{".format(), lambda: "%d" % "s", lambda: a.nope,
                  lambda: sorted([a, a]), lambda: hash([]), lambda: next(iter([]))):
        try:
            thunk()
        except Exception as e:
            out += [e, e.args, e.__traceback__, e.__context__, e.__cause__]
    return out
attempt("host_translated_errors", raised_by_host)
''',
    "generators_and_code": '''
def g():
    yield sys._getframe()
gen = g()
attempt("gi_frame", lambda: gen.gi_frame)
attempt("gi_code", lambda: gen.gi_code)
attempt("yielded_frame", lambda: next(gen))
attempt("gi_yieldfrom", lambda: gen.gi_yieldfrom)
attempt("gi_frame_globals", lambda: gen.gi_frame.f_globals)
async def co():
    return 1
c = co()
attempt("cr_frame", lambda: c.cr_frame)
attempt("cr_code", lambda: c.cr_code)
c.close()
def code_parts():
    code = g.__code__
    return [code, code.co_consts, code.co_names, code.co_varnames, code.co_filename,
            code.co_name, code.co_qualname, code.co_firstlineno, code.co_lnotab]
attempt("code_parts", code_parts)
attempt("co_code", lambda: g.__code__.co_code)
attempt("code_replace", lambda: g.__code__.replace)
attempt("co_lines", lambda: list(g.__code__.co_lines()))
''',
    "gc_module": '''
attempt("get_objects", lambda: gc.get_objects())
attempt("get_objects_gen", lambda: gc.get_objects(0))
attempt("get_referrers", lambda: gc.get_referrers(a))
attempt("get_referrers_type", lambda: gc.get_referrers(A))
attempt("get_referents_print", lambda: gc.get_referents(print))
attempt("get_referents_module", lambda: gc.get_referents(sys))
attempt("garbage", lambda: gc.garbage)
def cb(phase, info):
    keep(phase, info)
gc.callbacks.append(cb)
attempt("callbacks", lambda: gc.callbacks)
gc.collect()
gc.callbacks.remove(cb)
objs = gc.get_objects()
keep(objs)
print("objects", len(objs) > 100)
''',
    "sys_module": '''
attempt("modules", lambda: sys.modules)
attempt("modules_values", lambda: list(sys.modules.values()))
attempt("sys_dict", lambda: sys.__dict__)
attempt("stdout", lambda: sys.stdout)
attempt("stdout_dir", lambda: [getattr(sys.stdout, n, None) for n in dir(sys.stdout)])
attempt("stdout_write", lambda: sys.stdout.write)
attempt("argv", lambda: sys.argv)
attempt("path", lambda: sys.path)
attempt("flags", lambda: sys.flags)
attempt("implementation", lambda: sys.implementation)
attempt("float_info", lambda: sys.float_info)
attempt("hash_info", lambda: sys.hash_info)
attempt("getsizeof", lambda: sys.getsizeof(a))
attempt("intern", lambda: sys.intern("abc"))
attempt("stdin", lambda: sys.stdin)
attempt("displayhook", lambda: sys.displayhook)
attempt("excepthook", lambda: sys.excepthook)
attempt("meta_path", lambda: sys.meta_path)
attempt("path_hooks", lambda: sys.path_hooks)
attempt("path_importer_cache", lambda: sys.path_importer_cache)
''',
    "weakrefs": '''
import weakref
class W:
    pass
w = W()
def wcb(ref):
    keep(ref)
r = weakref.ref(w, wcb)
pr = weakref.proxy(w)
attempt("ref_call", lambda: r())
attempt("proxy_class", lambda: pr.__class__)
attempt("proxy_dir", lambda: dir(pr))
attempt("proxy_type", lambda: type(pr))
attempt("ref_callback", lambda: r.__callback__)
attempt("getweakrefs", lambda: weakref.getweakrefs(w))
fin = weakref.finalize(w, keep, "finalized")
attempt("finalize_peek", lambda: fin.peek())
d = weakref.WeakValueDictionary()
d["k"] = w
attempt("wvd_data", lambda: d.data)
attempt("wvd_dict", lambda: vars(d))
del w
attempt("dead_ref", lambda: r())
attempt("dead_proxy", lambda: pr.x)
''',
    "reduce_and_copy": '''
attempt("reduce_ex", lambda: a.__reduce_ex__(2))
attempt("reduce_ex4", lambda: object.__reduce_ex__(a, 4))
attempt("reduce", lambda: a.__reduce__())
attempt("getstate", lambda: a.__getstate__())
attempt("list_reduce", lambda: [a].__reduce_ex__(2))
attempt("int_getnewargs", lambda: (5).__getnewargs__())
attempt("sizeof", lambda: a.__sizeof__())
attempt("subclasshook", lambda: object.__subclasshook__)
attempt("init_subclass", lambda: object.__init_subclass__)
''',
    "callbacks_from_builtins": '''
class Cap:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        keep(self, other)
        return self.v < other.v
    def __eq__(self, other):
        keep(self, other)
        return self is other
    def __hash__(self):
        keep(self)
        return hash(self.v)
    def __repr__(self):
        keep(self)
        return "Cap(%r)" % (self.v,)
    def __index__(self):
        keep(self)
        return self.v
    def __len__(self):
        keep(self)
        return 1
    def __iter__(self):
        keep(self)
        return iter([self])
    def __getattr__(self, name):
        keep(name, type(name))
        raise AttributeError(name)
    def __round__(self, n=None):
        keep(self, n)
        return 1
    def __floor__(self):
        keep(self)
        return 1
caps = [Cap(3), Cap(1), Cap(2)]
attempt("sorted", lambda: sorted(caps))
attempt("sorted_key", lambda: sorted(caps, key=lambda c: keep(c) or c.v))
attempt("list_sort", lambda: caps.sort(reverse=True))
attempt("min_max", lambda: (min(caps), max(caps, key=lambda c: keep(c) or c.v)))
attempt("dict_set", lambda: ({c: 1 for c in caps}, set(caps), caps[0] in caps))
attempt("list_index", lambda: (caps.index(caps[2]), caps.count(caps[1])))
attempt("repr_containers", lambda: repr([caps, (caps[0],), {caps[1]: caps[2]}, {caps[0]}]))
attempt("str_container", lambda: str(caps))
attempt("range_index", lambda: range(10)[Cap(2)])
attempt("list_index_obj", lambda: [0, 1, 2][Cap(1)])
attempt("math_floor", lambda: __import__("math").floor(caps[0]))
attempt("round", lambda: round(caps[0], 2))
attempt("map_filter_zip", lambda: list(zip(map(keep, caps), filter(keep, caps))))
attempt("getattr_hook", lambda: caps[0].missing_attr)
attempt("hasattr_hook", lambda: hasattr(caps[0], "nothing"))
attempt("iter_sentinel", lambda: list(iter(iter([a, 0, 1, 2]).__next__, 1)))
attempt("enumerate", lambda: list(enumerate(caps)))
attempt("str_join", lambda: ",".join(map(repr, caps)))
attempt("any_all", lambda: (any(caps), all(caps)))
attempt("isinstance_hooks", lambda: isinstance(a, A))
class Meta(type):
    def __instancecheck__(cls, obj):
        keep(cls, obj)
        return True
    def __subclasscheck__(cls, sub):
        keep(cls, sub)
        return True
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        keep(mcls, name, bases, kw)
        return {}
class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        keep(cls, kw)
    def __class_getitem__(cls, item):
        keep(cls, item)
        return cls
class Sub(WithMeta, flag=1):
    pass
attempt("instancecheck", lambda: isinstance(1, WithMeta))
attempt("subclasscheck", lambda: issubclass(int, WithMeta))
attempt("class_getitem", lambda: WithMeta[int])
class Named:
    def __set_name__(self, owner, name):
        keep(self, owner, name)
class Owner:
    n = Named()
class D:
    def __del__(self):
        keep(self)
D()
class Out:
    def write(self, s):
        keep(s, type(s))
        return len(s)
    def flush(self):
        pass
attempt("print_file", lambda: print("x", a, file=Out()))
''',
    "descriptors": '''
class S:
    __slots__ = ("x",)
class Pr:
    @property
    def p(self):
        return self
    @staticmethod
    def st():
        return 1
    @classmethod
    def cm(cls):
        return cls
attempt("slot_member", lambda: S.__dict__["x"])
attempt("slot_member_get", lambda: S.__dict__["x"].__get__)
attempt("property_fget", lambda: Pr.__dict__["p"].fget)
attempt("staticmethod_func", lambda: Pr.__dict__["st"].__func__)
attempt("classmethod_func", lambda: Pr.__dict__["cm"].__func__)
attempt("bound_cm", lambda: Pr.cm.__self__)
class Child(A):
    def m(self):
        sup = super()
        return [sup, sup.__self__, sup.__thisclass__, sup.__self_class__, sup.m]
attempt("super", lambda: Child().m())
attempt("method_descr", lambda: list.append)
attempt("method_descr_objclass", lambda: list.append.__objclass__)
attempt("getset", lambda: type(A.__dict__["__dict__"]))
attempt("mappingproxy_mapping", lambda: A.__dict__.items())
attempt("wrapper_objclass", lambda: int.__add__.__objclass__)
''',
    "exec_and_import": '''
attempt("exec", lambda: exec("x = 1", {}))
attempt("eval", lambda: eval("1 + 1"))
attempt("compile", lambda: compile("1", "<s>", "eval"))
attempt("import_math", lambda: __import__("math"))
attempt("import_weakref", lambda: __import__("weakref").__dict__)
attempt("import_errno", lambda: __import__("errno").__dict__)
attempt("import_gc_dict", lambda: __import__("gc").__dict__)
attempt("open", lambda: open)
attempt("input", lambda: input)
attempt("breakpoint", lambda: breakpoint)
''',
}


# Attempts that may stop the run (``heapsim: unsupported``), each run alone so that the stop
# hides no other attempt.
ALONE = {
    'type_dict': 'attempt("type_dict", lambda: type.__dict__)\n',
    'type_dict_dict': 'attempt("type_dict_dict", lambda: type.__dict__["__dict__"])\n',
    'int_dict': 'attempt("int_dict", lambda: dict(int.__dict__))\n',
    'object_dict': 'attempt("object_dict", lambda: dict(object.__dict__))\n',
    'dict_descr_get': 'attempt("dict_descr_get", lambda: type.__dict__["__dict__"].__get__(A))\n',
    'slot_wrapper': 'attempt("slot_wrapper", lambda: object.__dict__["__init__"])\n',
    'subclasses': 'attempt("subclasses", lambda: object.__subclasses__())\n',
    'type_subclasses': 'attempt("type_subclasses", lambda: A.__subclasses__())\n',
    'import_os': 'attempt("import_os", lambda: __import__("os"))\n',
    'import_importlib': 'attempt("import_importlib", lambda: __import__("importlib"))\n',
    'pct_bytes': ('class P:\n    def __index__(self):\n        keep(self)\n        return 1\n'
                  'p = P()\nattempt("pct_bytes", lambda: b"%s %d" % (b"x", p))\n'),
}


class _Catch:
    """A run observer that keeps the runtime, so the test can walk its heap afterwards."""

    def __init__(self):
        self.rt = None
        self.attached = False

    def attach(self, rt, sources):
        self.rt = rt
        self.attached = True

    def finish(self, status, error):
        pass


def run_route(tmp_path, code, limit=400):
    prog = tmp_path / "route.py"
    prog.write_text(PRELUDE + textwrap.dedent(code) + f"LIMIT = {limit}\n" + EPILOGUE)
    out, err = io.StringIO(), io.StringIO()
    obs = _Catch()
    status = run_program(str(prog), [], stdout=out, stderr=err, audit=True, observer=obs)
    return status, out.getvalue(), err.getvalue(), obs.rt


def host_values_reachable(rt):
    """Every value reachable from the run's modules that is not a simulated object of a
    simulated type (as (holder, value) pairs)."""
    heap = rt.heap
    table = reference_functions(heap)
    bad = []
    seen = set()
    stack = [m for m in rt.modules.values()] + list(heap.static_objects)
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if not isinstance(obj, PyObject) or not isinstance(obj.ob_type, TypeObject):
            bad.append(obj)
            continue
        for r in references(obj, table):
            if r is not None and id(r) not in seen:
                if not isinstance(r, PyObject):
                    bad.append((obj, r))
                    seen.add(id(r))
                    continue
                stack.append(r)
    return bad


@pytest.mark.parametrize("route", sorted(ROUTES) + sorted(ALONE))
def test_route_reaches_only_guest_objects(tmp_path, route):
    code = ROUTES[route] if route in ROUTES else ALONE[route]
    status, out, err, rt = run_route(tmp_path, code, limit=400 if route in ROUTES else 100)
    assert "internal error" not in err, err
    if status == 3:
        assert err.splitlines()[-1].startswith("heapsim: unsupported: "), err
    else:
        assert status == 0, err
        assert out.splitlines()[-1].startswith("walked "), out
    assert rt is not None
    assert host_values_reachable(rt) == []


def test_the_check_finds_a_host_value(tmp_path):
    """The walk above would see a host object in a guest container."""
    status, out, err, rt = run_route(tmp_path, "", limit=5)
    assert status == 0, err
    assert host_values_reachable(rt) == []
    g = rt.modules["__main__"].md_dict
    r = next(v for k, v in _dict_items(g) if getattr(k, "value", None) == "R")
    r.items.append(rt.heap)          # what '{0._sp.heap}' used to hand the guest
    assert any(x is rt.heap or (isinstance(x, tuple) and x[1] is rt.heap)
               for x in host_values_reachable(rt))
    r.items.pop()


def _dict_items(d):
    from heapsim.objects.dictobject import dict_items
    return dict_items(d)


def test_format_field_names_resolve_on_the_guest(tmp_path):
    """The names of the old host wrapper are ordinary missing guest attributes."""
    code = '''
    for f in ("{0._sp}", "{0._obj}", "{0._keep}"):
        try:
            f.format(a)
        except AttributeError as e:
            print(e)
    '''
    status, out, err, rt = run_route(tmp_path, code, limit=0)
    assert status == 0, err
    assert out.splitlines()[:3] == [f"'A' object has no attribute '{n}'"
                                    for n in ("_sp", "_obj", "_keep")]

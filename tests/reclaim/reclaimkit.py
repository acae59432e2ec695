"""Test support for the reclaim layer: small GC container types and a scenario runner that
plays the same scenario on the host (CPython 3.11, the oracle) and on the simulated heap.

**Node types.**  ``Node`` is a stand-in for an instance of a class defined in Python: a GC heap
type whose attributes live in a values array indexed by the class's shared keys (attribute
names in the order the class first saw them), exactly how 3.11 keeps the attributes of an
instance whose ``__dict__`` was never asked for.  It traverses its attributes in key order and
then its type, releases them in key order when it dies, and dies through ``subtype_dealloc``'s
algorithm (``make_subtype_dealloc``).  The kinds:

* ``N``: plain;  ``F``: ``__del__`` (PEP 442 ``tp_finalize``) that logs ``del:<name>``;
* ``R``: ``__del__`` that logs and resurrects the object into the ``saved`` list;
* ``L``: a legacy ``tp_del`` that logs ``tpdel:<name>`` (``_testcapi.with_tp_del`` on the host);
* ``C``: ``__del__`` that calls ``gc.collect()`` and logs ``inner:<result>``;
* ``CB``: a weakref callback that logs ``cb:<name>:dead|alive``; ``CBD`` also empties ``keep``;
  ``CBX`` then raises (logged as ``unraisable`` by ``sys.unraisablehook``);
* ``GCB``: a gc callback that logs ``gccb:<name>:<phase>:<generation>:<collected>:<uncollectable>``.

**Scenarios** are the body of a Python function written in a small subset of Python::

    a = F('a'); b = F('b')
    a.x = b; b.x = a
    del a, b
    collect()

``host_log(body)`` runs it under ``sys.executable`` inside a function (so the variables are fast
locals, outside the collector's view, as the simulated roots are) after ``gc.collect()``, and
returns the log.  ``Sim.run(body)`` interprets the same statements on a simulated heap, making
the same allocations the host's bytecode makes (argument tuples of type calls, the tuple of
``gc.get_count()``), and returns its log.  Statement forms: ``x = KIND('name')``, ``x = y``,
``x.attr = y``, ``del x.attr``, ``del x, y``, ``x = weakref.ref(y[, cb])``,
``x = weakref.proxy(y[, cb])``, ``gc.callbacks.append(x)``, ``gc.callbacks.clear()``,
``gc.set_threshold(...)``, ``gc.enable()``, ``gc.disable()``, ``gc.set_debug(...)``,
``gc.freeze()``, ``gc.unfreeze()``, ``gc.garbage.clear()`` and the helpers ``collect([g])``,
``count()``, ``tracked(x)``, ``finalized(x)``, ``alive(w)``, ``rc(x)``, ``wrc(x)``, ``garbage()``,
``freeze_count()``, ``make(KIND, n)``, ``drop()``, ``hold(x)``, ``referents(x)``,
``referrers(x)``, ``note('text')``.
"""

import ast
import json
import os
import subprocess
import sys
import textwrap

from heapsim.base.config import CPYTHON_3_11
from heapsim.base.errors import GuestException
from heapsim.memory.obmalloc import Pymalloc
from heapsim.objects import dictobject, listobject, tupleobject, unicodeobject
from heapsim.objects import weakrefobject as wro
from heapsim.objects.bootstrap import create_heap
from heapsim.objects.core import (
    GCObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_MANAGED_DICT,
    UNTRACKED, make_static_type,
)
from heapsim.objects.longobject import new_int
from heapsim import reclaim
from heapsim.reclaim import gcapi
from heapsim.reclaim.subtype import make_subtype_dealloc

NODE_SIZE = 24          # PyObject header + the weaklist pointer (like `class C: pass`'s 16+8)
KINDS = ("N", "F", "R", "L", "C", "CB", "CBD", "CBX", "GCB")
CALLBACK_KINDS = ("CB", "CBD", "CBX", "GCB")


# ``Node``: the simulated object of a test class.  ``name`` is a host payload (the host's
# ``self.name`` is a str, which the collector never sees); ``vals`` is the values array, one
# slot per shared key of the type (None = NULL); ``weaklist`` heads the weakref list.
class Node(GCObject):
    __slots__ = ("name", "vals", "weaklist")

    def __repr__(self):
        return f"<node {self.ob_type.name} {self.name!r} rc={self.ob_refcnt}>"


# Per node type: its kind and its shared keys (attribute names in first-seen order); kept in
# the type object's ``ext`` slot.
class NodeTypeInfo:
    __slots__ = ("kind", "keys")

    def __init__(self, kind):
        self.kind = kind
        self.keys = []


def node_traverse(obj):
    """``subtype_traverse``: the attributes in shared-key order, then the (heap) type."""
    result = [v for v in obj.vals if v is not None]
    result.append(obj.ob_type)
    return result


def node_clear(heap, obj):
    """``subtype_clear``: drop the attributes in key order (``_PyObject_ClearInstanceAttributes``)."""
    vals = obj.vals
    for i, v in enumerate(vals):
        if v is not None:
            vals[i] = None
            heap.decref(v)


def _node_clear_slots(heap, tp, obj):
    return None


def _node_free_values(heap, obj):
    """``_PyObject_FreeInstanceAttributes``: release the values in key order."""
    vals = obj.vals
    obj.vals = []
    for v in vals:
        if v is not None:
            heap.decref(v)


def _node_free_memory(heap, obj):
    heap.gc_del(obj)


node_dealloc = make_subtype_dealloc([_node_clear_slots, _node_free_values, _node_free_memory])


def make_node_type(heap, kind, saved=None, log=None):
    """A test class of the given kind, registered on the heap as a (statically placed) type."""
    tp = make_static_type(
        f"_{kind}", NODE_SIZE, 0,
        TPFLAGS_HAVE_GC | TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_MANAGED_DICT,
        base=heap.object_type, module="__main__", dealloc=node_dealloc,
        traverse=node_traverse, clear=node_clear, trashcan=True, weakrefable=True)
    tp.ext = NodeTypeInfo(kind)
    heap.register_static_type(tp)
    # A heap type holds a reference to its base (type_traverse reports it).
    tp.base.ob_refcnt += 1
    if kind == "F":
        def finalize(heap, obj):
            log.append("del:" + obj.name)
        tp.tp_finalize = finalize
    elif kind == "R":
        def finalize(heap, obj):
            log.append("del:" + obj.name)
            listobject.list_append(heap, saved, obj)
        tp.tp_finalize = finalize
    elif kind == "C":
        def finalize(heap, obj):
            log.append(f"inner:{gcapi.collect(heap)}")
        tp.tp_finalize = finalize
    elif kind == "L":
        def tp_del(heap, obj):
            # slot_tp_del: resurrect temporarily, call __tp_del__, undo the resurrection.
            obj.ob_refcnt = 1
            log.append("tpdel:" + obj.name)
            obj.ob_refcnt -= 1
        tp.tp_del = tp_del
    return tp


def new_node(heap, tp, name):
    """``tp()``: ``PyType_GenericAlloc`` (counted, tracked) plus the type's reference."""
    addr = heap.gc_alloc(tp, NODE_SIZE)
    obj = Node.__new__(Node)
    obj.ob_refcnt = 1
    obj.ob_type = tp
    obj.addr = addr
    obj.gc_gen = UNTRACKED
    obj.gc_refs = 0
    obj.gc_flags = 0
    obj.name = name
    obj.vals = [None] * len(tp.ext.keys)
    obj.weaklist = None
    tp.ob_refcnt += 1
    heap.gc.track(obj)
    return obj


def node_setattr(heap, obj, attr, value):
    """``obj.attr = value`` (value a new reference the caller gives away) or ``del obj.attr``
    (value None)."""
    keys = obj.ob_type.ext.keys
    if attr not in keys:
        keys.append(attr)
    i = keys.index(attr)
    vals = obj.vals
    while len(vals) <= i:
        vals.append(None)
    old = vals[i]
    vals[i] = value
    if old is not None:
        heap.decref(old)


# --- the host side ---------------------------------------------------------------------------

# Helpers avoid calls that would allocate GC objects on the host (``str(x)`` builds an argument
# tuple, for instance): f-strings and METH_O / METH_FASTCALL builtins only.
HOST_PRELUDE = r'''
import gc, sys, weakref, json
log = []
saved = []
keep = []
class _N: pass
class _F:
    def __del__(self):
        log.append('del:' + self.name)
class _R:
    def __del__(self):
        log.append('del:' + self.name)
        saved.append(self)
class _C:
    def __del__(self):
        log.append(f'inner:{gc.collect()}')
def _unraisable(u):
    log.append('unraisable')
sys.unraisablehook = _unraisable
import _testcapi
class _L:
    def __tp_del__(self):
        log.append('tpdel:' + self.name)
_L = _testcapi.with_tp_del(_L)
def N(name):
    o = _N(); o.name = name; return o
def F(name):
    o = _F(); o.name = name; return o
def R(name):
    o = _R(); o.name = name; return o
def L(name):
    o = _L(); o.name = name; return o
def C(name):
    o = _C(); o.name = name; return o
def _state(r):
    if isinstance(r, weakref.ProxyType):
        return ':proxy'
    return ':dead' if r() is None else ':alive'
def _cb(name, r):
    log.append('cb:' + name + _state(r))
def _cbd(name, r):
    log.append('cb:' + name + _state(r))
    keep.clear()
def _cbx(name, r):
    log.append('cb:' + name + _state(r))
    raise ValueError(name)
def hold(o):
    keep.append(o)
def _gccb(name, phase, info):
    log.append(f"gccb:{name}:{phase}:{info['generation']}:{info['collected']}:"
               f"{info['uncollectable']}")
def collect(g=2):
    log.append(f'collect:{gc.collect(g)}')
def count():
    c = gc.get_count()
    log.append(f'count:{c[0]},{c[1]},{c[2]}')
def tracked(o):
    log.append(f'tracked:{gc.is_tracked(o)}')
def finalized(o):
    log.append(f'finalized:{gc.is_finalized(o)}')
def alive(w):
    log.append(f'alive:{w() is not None}')
def rc(o):
    log.append(f'rc:{sys.getrefcount(o) - 2}')
def wrc(o):
    log.append(f'wrc:{weakref.getweakrefcount(o)}')
def freeze_count():
    log.append(f'frozen:{gc.get_freeze_count()}')
def garbage():
    g = gc.garbage
    s = 'garbage:'
    i = 0
    while i < len(g):
        s = s + getattr(g[i], 'name', '?') + ','
        i += 1
    log.append(s)
def make(kind, n):
    i = 0
    while i < n:
        keep.append(kind('m'))
        i += 1
def drop():
    keep.clear()
def note(text):
    log.append(text)
def _label(r):
    name = getattr(r, 'name', None)
    return name if isinstance(name, str) else type(r).__name__
def referents(o):
    log.append('referents:' + ','.join([_label(r) for r in gc.get_referents(o)
                                        if not isinstance(r, str)]))
def referrers(o):
    log.append('referrers:' + ','.join([_label(r) for r in gc.get_referrers(o)]))
'''


class _HostRewrite(ast.NodeTransformer):
    """``CB('x')`` -> ``lambda r: _cb('x', r)``; ``GCB('g')`` -> a two-argument lambda."""

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in CALLBACK_KINDS:
            name = node.args[0].value
            src = {"CB": f"lambda r: _cb({name!r}, r)",
                   "CBD": f"lambda r: _cbd({name!r}, r)",
                   "CBX": f"lambda r: _cbx({name!r}, r)",
                   "GCB": f"lambda phase, info: _gccb({name!r}, phase, info)"}[node.func.id]
            return ast.parse(src, mode="eval").body
        return node


def host_program(body, epilogue="", calibrate=False):
    body = textwrap.dedent(body).strip("\n")
    tree = ast.parse(body)
    tree = ast.fix_missing_locations(_HostRewrite().visit(tree))
    inner = textwrap.indent(ast.unparse(tree) or "pass", "    ")
    lines = [HOST_PRELUDE]
    lines.append("def scenario():\n    gc.collect()\n" + inner)
    if calibrate:
        # Full collections untrack tuples and dicts one nesting level at a time: repeat until
        # the oldest generation no longer shrinks, then measure it.
        lines.append("gc.collect(); gc.collect(); gc.collect()\n"
                     "log.append(f'longlived:{len(gc.get_objects(2))}')")
    lines.append("scenario()")
    if epilogue:
        lines.append(textwrap.dedent(epilogue))
    lines.append("print(json.dumps(log))")
    return "\n".join(lines)


def run_host(source):
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True,
                          env=env, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"host program failed:\n{proc.stderr}\n{source}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def host_log(body, epilogue="", calibrate=False):
    """Run the scenario under the host python3; return its log."""
    return run_host(host_program(body, epilogue, calibrate))


def varnames(body):
    """The scenario function's ``co_varnames`` on the host compiler (release order at return)."""
    body = textwrap.dedent(body).strip("\n")
    tree = ast.fix_missing_locations(_HostRewrite().visit(ast.parse(body)))
    src = "def scenario():\n" + textwrap.indent(ast.unparse(tree) or "pass", "    ")
    ns = {}
    exec(compile(src, "<scenario>", "exec"), ns)
    return ns["scenario"].__code__.co_varnames


# --- the simulated side ------------------------------------------------------------------------


class ScenarioError(Exception):
    pass


class Sim:
    """A simulated heap with the node types, and an interpreter for scenario bodies."""

    def __init__(self, audit=True):
        heap = create_heap(Pymalloc(CPYTHON_3_11.memory))
        self.heap = heap
        self.log = []
        self.locals = {}            # scenario variables (one reference each)
        self.extra_roots = []       # objects the harness holds (fillers)
        # The host program's module globals: saved, keep (GC lists of the module).
        self.types = {}
        self.state = reclaim.install(heap, audit=audit)
        self.saved = listobject.list_new(heap, 0)
        self.keep = listobject.list_new(heap, 0)
        for kind in KINDS:
            tp = make_node_type(heap, kind, saved=self.saved, log=self.log)
            self.types[kind] = tp
            self.state.baseline[tp] = 1
        heap.call_object = self.call_object
        heap.write_unraisable = self.write_unraisable
        reclaim.add_root_provider(heap, self.roots)

    # --- hooks --------------------------------------------------------------------------------

    def roots(self):
        yield from self.locals.values()
        yield self.saved
        yield self.keep
        yield from self.extra_roots

    def call_object(self, callable, args):
        heap = self.heap
        kind = callable.ob_type.ext.kind if isinstance(callable, Node) else None
        if kind in ("CB", "CBD", "CBX"):
            wr = args[0]
            if wro.is_proxy(heap, wr):
                state = ":proxy"
            else:
                state = ":dead" if wro.get_object(heap, wr) is heap.none else ":alive"
            self.log.append("cb:" + callable.name + state)
            if kind == "CBD":
                listobject.list_clear(heap, self.keep)
            elif kind == "CBX":
                raise guest_exception(heap)
        elif kind == "GCB":
            phase, info = args
            phase = phase if isinstance(phase, str) else phase.value
            if not isinstance(info, dict):
                info = self._decode_dict(info)
            self.log.append(f"gccb:{callable.name}:{phase}:{info['generation']}:"
                            f"{info['collected']}:{info['uncollectable']}")
        else:
            raise ScenarioError(f"calling {callable!r}")
        heap.none.ob_refcnt += 1
        return heap.none

    def _decode_dict(self, d):
        return {k.value: v.value for k, v in dictobject.dict_items(d)}

    def write_unraisable(self, exc, context):
        """``PyErr_WriteUnraisable``: report, then release the exception."""
        self.log.append("unraisable")
        self.heap.decref(exc)

    # --- running scenarios -----------------------------------------------------------------

    def calibrate(self, longlived):
        """Make the oldest generation as large as the host's after its first collection."""
        heap = self.heap
        gcapi.collect(heap)
        have = len(heap.gc.lists[2])
        filler = listobject.list_new(heap, 0)
        self.extra_roots.append(filler)
        tp = self.types["N"]
        for _ in range(max(0, longlived - have - 1)):
            obj = new_node(heap, tp, "filler")
            listobject.list_append(heap, filler, obj)
            heap.decref(obj)
        gcapi.collect(heap)
        self.log.append(f"longlived:{len(heap.gc.lists[2])}")

    def run(self, body, epilogue="", calibrate=None):
        if calibrate is not None:
            self.calibrate(calibrate)
        body = textwrap.dedent(body).strip("\n")
        self.collect_quiet()
        for stmt in ast.parse(body).body:
            self.execute(stmt)
            self.state.checkpoint()
        # Return: the frame releases its locals in co_varnames order.
        for name in varnames(body):
            obj = self.locals.pop(name, None)
            if obj is not None:
                self.heap.decref(obj)
                self.state.checkpoint()
        if epilogue:
            for stmt in ast.parse(textwrap.dedent(epilogue)).body:
                self.execute(stmt)
                self.state.checkpoint()
        reclaim.audit(self.heap)
        return self.log

    def collect_quiet(self):
        gcapi.collect(self.heap)

    # --- statements ------------------------------------------------------------------------------

    def execute(self, stmt):
        heap = self.heap
        if isinstance(stmt, ast.Assign):
            (target,) = stmt.targets
            value = self.evaluate(stmt.value)          # a new reference
            if isinstance(target, ast.Name):
                old = self.locals.get(target.id)
                self.locals[target.id] = value
                if old is not None:
                    heap.decref(old)
            elif isinstance(target, ast.Attribute):
                node_setattr(heap, self.borrowed(target.value), target.attr, value)
            elif isinstance(target, ast.Subscript):
                container = self.borrowed(target.value)
                key = self.evaluate(target.slice)
                if container.ob_type is heap.dict_type:
                    dictobject.dict_setitem(heap, container, key, value)
                else:
                    listobject.list_ass_item(heap, container, key.value, value)
                heap.decref(value)
                heap.decref(key)
            else:
                raise ScenarioError(ast.dump(stmt))
        elif isinstance(stmt, ast.Delete):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    heap.decref(self.locals.pop(target.id))
                elif isinstance(target, ast.Attribute):
                    node_setattr(heap, self.borrowed(target.value), target.attr, None)
                else:
                    raise ScenarioError(ast.dump(stmt))
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            self.call_statement(stmt.value)
        else:
            raise ScenarioError(ast.dump(stmt))

    def borrowed(self, expr):
        """The value of a name or an attribute chain (a borrowed reference)."""
        if isinstance(expr, ast.Name):
            return self.locals[expr.id]
        if isinstance(expr, ast.Attribute):
            obj = self.borrowed(expr.value)
            keys = obj.ob_type.ext.keys
            if expr.attr in keys and keys.index(expr.attr) < len(obj.vals):
                value = obj.vals[keys.index(expr.attr)]
                if value is not None:
                    return value
            raise ScenarioError(f"no attribute {expr.attr} on {obj!r}")
        raise ScenarioError(ast.dump(expr))

    def evaluate(self, expr):
        """A new reference to the value of ``expr``."""
        heap = self.heap
        if isinstance(expr, (ast.Name, ast.Attribute)):
            obj = self.borrowed(expr)
            obj.ob_refcnt += 1
            return obj
        if isinstance(expr, ast.Constant):
            if expr.value is None:
                heap.none.ob_refcnt += 1
                return heap.none
            if type(expr.value) is int:
                return new_int(heap, expr.value)
            if type(expr.value) is str:
                return self.constant_str(expr.value)
        if isinstance(expr, ast.Tuple):
            return tupleobject.tuple_build(heap, [self.evaluate(e) for e in expr.elts])
        if isinstance(expr, ast.List):
            return listobject.list_build(heap, [self.evaluate(e) for e in expr.elts])
        if isinstance(expr, ast.Dict):
            # BUILD_MAP n: _PyDict_FromItems over the stack, then the stack is released.
            keys = [self.evaluate(k) for k in expr.keys]
            values = [self.evaluate(v) for v in expr.values]
            d = dictobject.dict_from_items(heap, keys, values)
            for k, v in zip(keys, values):
                heap.decref(k)
                heap.decref(v)
            return d
        if isinstance(expr, ast.Call):
            func = ast.unparse(expr.func)
            if func in KINDS:
                return new_node(heap, self.types[func], expr.args[0].value)
            if func == "weakref.ref":
                # A type call: _PyObject_MakeTpCall packs the arguments into a tuple.
                args = [self.evaluate(a) for a in expr.args]
                holder = self.args_tuple(args)
                result = wro.ref_new(heap, *args)
                heap.decref(holder)
                return result
            if func == "weakref.proxy":
                # _weakref.proxy is METH_FASTCALL: no tuple.
                args = [self.evaluate(a) for a in expr.args]
                result = wro.new_proxy(heap, *args)
                for a in args:
                    heap.decref(a)
                return result
        raise ScenarioError(ast.dump(expr))

    def label(self, obj):
        """What the host's ``_label`` prints for the corresponding object."""
        if isinstance(obj, Node):
            return "function" if obj.ob_type.ext.kind in CALLBACK_KINDS else obj.name
        if obj.ob_type is self.heap.type_type:
            return "type"
        return obj.ob_type.name

    def constant_str(self, value):
        """A str constant of the scenario's code object (interned names, as the compiler
        interns identifier-like constants): a new reference."""
        return unicodeobject.intern_string(self.heap, value)

    def args_tuple(self, owned):
        """The argument tuple a type call builds (``_PyObject_MakeTpCall``); takes ``owned``."""
        heap = self.heap
        t = tupleobject.tuple_new(heap, len(owned))
        for i, a in enumerate(owned):
            t.items[i] = a
        return t

    def call_statement(self, call):
        heap = self.heap
        log = self.log
        func = ast.unparse(call.func)
        args = call.args

        def const(i, default=None):
            return args[i].value if len(args) > i else default

        def local(i):
            return self.borrowed(args[i])

        if func == "collect":
            log.append(f"collect:{gcapi.collect(heap, const(0, 2))}")
        elif func == "count":
            c = gcapi.get_count(heap)
            # gc.get_count() builds a 3-tuple (Py_BuildValue "(iii)"), released at once.
            t = tupleobject.tuple_new(heap, 3)
            for i, v in enumerate(c):
                t.items[i] = new_int(heap, v)
            heap.decref(t)
            log.append("count:" + ",".join(map(str, c)))
        elif func == "tracked":
            log.append(f"tracked:{gcapi.is_tracked(heap, local(0))}")
        elif func == "finalized":
            log.append(f"finalized:{gcapi.is_finalized(heap, local(0))}")
        elif func == "alive":
            log.append(f"alive:{wro.get_object(heap, local(0)) is not heap.none}")
        elif func == "rc":
            log.append(f"rc:{local(0).ob_refcnt}")
        elif func == "wrc":
            log.append(f"wrc:{wro.getweakrefcount(local(0))}")
        elif func == "freeze_count":
            log.append(f"frozen:{gcapi.get_freeze_count(heap)}")
        elif func == "garbage":
            names = "".join(getattr(o, "name", "?") + ","
                            for o in gcapi.garbage(heap).items)
            log.append("garbage:" + names)
        elif func == "note":
            log.append(const(0))
        elif func == "referents":
            labels = [self.label(r) for r in gcapi.get_referents(heap, local(0))]
            log.append("referents:" + ",".join(labels))
        elif func == "referrers":
            labels = [self.label(r) for r in gcapi.get_referrers(heap, local(0))]
            log.append("referrers:" + ",".join(labels))
        elif func == "make":
            tp = self.types[args[0].id]
            for _ in range(const(1)):
                obj = new_node(heap, tp, "m")
                listobject.list_append(heap, self.keep, obj)
                heap.decref(obj)
        elif func == "drop":
            listobject.list_clear(heap, self.keep)
        elif func == "hold":
            listobject.list_append(heap, self.keep, local(0))
        elif func == "gc.callbacks.append":
            cb = self.evaluate(args[0])
            listobject.list_append(heap, gcapi.callbacks(heap), cb)
            heap.decref(cb)
        elif func == "gc.callbacks.clear":
            listobject.list_clear(heap, gcapi.callbacks(heap))
        elif func == "gc.garbage.clear":
            listobject.list_clear(heap, gcapi.garbage(heap))
        elif func == "gc.set_threshold":
            values = [const(i) for i in range(len(args))]
            holder = self.args_tuple([new_int(heap, v) for v in values])
            gcapi.set_threshold(heap, *values)
            heap.decref(holder)
        elif func == "gc.set_debug":
            gcapi.set_debug(heap, eval(ast.unparse(args[0]), {"gc": gcapi}))
        elif func in ("gc.enable", "gc.disable", "gc.freeze", "gc.unfreeze"):
            getattr(gcapi, func[3:])(heap)
        else:
            raise ScenarioError(f"unknown call {func}")


def both(body, epilogue="", calibrate=False, audit=True):
    """(host log, simulated log) of a scenario."""
    expected = host_log(body, epilogue, calibrate)
    sim = Sim(audit=audit)
    longlived = None
    if calibrate:
        longlived = int(expected[0].split(":")[1])
    got = sim.run(body, epilogue, calibrate=longlived)
    return expected, got


def guest_exception(heap):
    """A GuestException carrying some simulated object (tests of unraisable paths)."""
    obj = heap.none
    obj.ob_refcnt += 1
    return GuestException(obj)

"""set and frozenset against the host CPython: sizes, iteration order, block counts, tracking.

Every expected figure comes from the host ``python3`` (the oracle), run once per test module in
a subprocess with ``PYTHONHASHSEED=0`` and the collector disabled.  A *scenario* is described
as JSON data (values are ints and strs) and replayed on both sides:

* a **steps** scenario starts from ``set()`` and applies operations (add, discard, pop, clear,
  update and the in-place operators); after every operation it records
  ``sys.getsizeof(s)``, ``list(s)`` (the iteration order), ``gc.is_tracked(s)``, the change in
  ``sys.getallocatedblocks()`` and the change in generation 0's count since the set was made;
* a **build** scenario makes one set (``set(list)``, ``frozenset(range(n))``, a literal, a
  copy, a binary operator) and records the same figures once, plus ``hash()`` of a
  frozenset.

Counting blocks on the host.  The operand values and operand sets are built before the
baseline, so adding them allocates nothing; ``set(list)`` and ``set(range(n))`` allocate an
iterator (and a range) that are freed before the count is read, so they cancel; the baseline
int ``base`` is itself a block counted by every later reading, which ``calib`` (a reading
taken right after ``base``) removes; the tuple ``gc.get_count()`` returns and the argument
tuple of ``set.update`` are allocated once before the baseline and then recycled through the
tuple free list (the argument tuple is the calling convention's, not the set's, business).
The step loop is a ``while`` over preallocated lists so that it allocates nothing itself;
sizes and orders are gathered in a second, identical run, because keeping them during the
first would add blocks.
"""

import json
import os
import subprocess
import sys
from functools import lru_cache

import pytest

from heapsim.base.errors import GuestError
from heapsim.objects import setobject as S
from heapsim.objects.core import getsizeof
from heapsim.objects.longobject import new_int
from heapsim.objects.unicodeobject import new_str
from heapsim.reclaim.audit import audit_heap

HOST_SCRIPT = r'''
import gc, json, sys

def operand(x):
    if isinstance(x, list):
        return set(x)
    if isinstance(x, dict):
        return dict.fromkeys(x["dict"])
    return x

def prepare(ops):
    return [[op[0]] + [operand(x) for x in op[1:]] for op in ops]

def warm_type_cache():
    # CPython's method cache may evict (and free) another interned name the first time a
    # method is looked up; the victim slot depends on addresses (ASLR).  Look every method
    # up once before measuring so no eviction lands inside the measured region.
    w = set()
    w.add(1); w.discard(1); w.add(1); w.pop(); w.clear(); w.update(())
    w |= set(); w &= set(); w -= set(); w ^= set()
    w.symmetric_difference_update(()); w.difference_update(()); w.intersection_update(())
    w.copy()

def apply_all(ops, record):
    n = len(ops)
    deltas = [0] * n
    counts = [0] * n
    warm_type_cache()
    gc.collect()
    # The first get_count() tuple stays on the tuple free list; the second reading counts it.
    c0 = gc.get_count()[0]
    # set.update takes its arguments as a 1-tuple (METH_VARARGS), recycled the same way.
    set().update(())
    c0 = gc.get_count()[0]
    base = sys.getallocatedblocks()
    calib = sys.getallocatedblocks() - base
    s = set()
    i = 0
    while i < n:
        op = ops[i]
        k = op[0]
        if k == "add":
            s.add(op[1])
        elif k == "discard":
            s.discard(op[1])
        elif k == "pop":
            s.pop()
        elif k == "clear":
            s.clear()
        elif k == "update":
            s.update(op[1])
        elif k == "ior":
            s |= op[1]
        elif k == "iand":
            s &= op[1]
        elif k == "isub":
            s -= op[1]
        elif k == "ixor":
            s ^= op[1]
        elif k == "symdiff":
            s.symmetric_difference_update(op[1])
        elif k == "diffupdate":
            s.difference_update(op[1])
        if record:
            deltas[i] = sys.getallocatedblocks() - base
            counts[i] = gc.get_count()[0] - c0
        i += 1
    return s, [d - calib for d in deltas], counts

def run_steps(sc):
    ops = prepare(sc["ops"])
    s, deltas, counts = apply_all(ops, True)
    del s
    ops = prepare(sc["ops"])
    s = set()
    sizes, orders, tracked = [], [], []
    for op in ops:
        k = op[0]
        if k == "add":
            s.add(op[1])
        elif k == "discard":
            s.discard(op[1])
        elif k == "pop":
            s.pop()
        elif k == "clear":
            s.clear()
        elif k == "update":
            s.update(op[1])
        elif k == "ior":
            s |= op[1]
        elif k == "iand":
            s &= op[1]
        elif k == "isub":
            s -= op[1]
        elif k == "ixor":
            s ^= op[1]
        elif k == "symdiff":
            s.symmetric_difference_update(op[1])
        elif k == "diffupdate":
            s.difference_update(op[1])
        sizes.append(sys.getsizeof(s))
        orders.append(list(s))
        tracked.append(gc.is_tracked(s))
    return {"sizes": sizes, "orders": orders, "tracked": tracked, "blocks": deltas,
            "counts": counts}

def run_build(sc):
    kind = sc["kind"]
    a = sc.get("a")
    b = operand(sc.get("b"))
    if kind in ("copy", "or", "and", "sub", "xor", "difference", "symdiff"):
        a = set(a)
    elif kind == "set_of_dict":
        a = operand(a)
    code = compile(sc["source"], "<literal>", "eval") if kind == "literal" else None
    g = {"__builtins__": __builtins__}   # so that eval adds no key to it
    gc.collect()
    # The first get_count() tuple stays on the tuple free list; the second reading counts it.
    c0 = gc.get_count()[0]
    set().update(())       # the argument tuple of METH_VARARGS methods, as in apply_all
    c0 = gc.get_count()[0]
    base = sys.getallocatedblocks()
    calib = sys.getallocatedblocks() - base
    if kind == "set_of" or kind == "set_of_dict":
        s = set(a)
    elif kind == "frozenset_of":
        s = frozenset(a)
    elif kind == "set_range":
        s = set(range(a))
    elif kind == "frozenset_range":
        s = frozenset(range(a))
    elif kind == "literal":
        s = eval(code, g)
    elif kind == "copy":
        s = a.copy()
    elif kind == "or":
        s = a | b
    elif kind == "and":
        s = a & b
    elif kind == "sub":
        s = a - b
    elif kind == "xor":
        s = a ^ b
    elif kind == "difference":
        s = a.difference(b)
    elif kind == "symdiff":
        s = a.symmetric_difference(b)
    delta = sys.getallocatedblocks() - base - calib
    count = gc.get_count()[0] - c0
    return {"size": sys.getsizeof(s), "order": list(s), "tracked": gc.is_tracked(s),
            "blocks": delta, "count": count,
            "hash": hash(s) if isinstance(s, frozenset) else None}

gc.disable()
results = {}
for sc in json.load(sys.stdin):
    results[sc["id"]] = run_steps(sc) if "ops" in sc else run_build(sc)
json.dump(results, sys.stdout)
'''


# --- scenarios ------------------------------------------------------------------------------

def _steps_scenarios():
    sc = {}
    sc["add_small_ints"] = [["add", i] for i in range(100)]
    sc["add_spread_ints"] = [["add", i * 7919 - 300] for i in range(100)]
    sc["add_strs"] = [["add", f"k{i}"] for i in range(100)]
    sc["add_mixed"] = [["add", i if i % 2 else f"v{i}"] for i in range(100)]
    # Keys that share low bits: long linear-probe runs and perturbation.
    sc["add_colliding"] = [["add", i * 1024] for i in range(60)] + \
        [["add", i * 8 + 1] for i in range(40)]
    # -1 and -2 have the same hash (-2): the equality path with unequal keys.
    sc["add_equal_hashes"] = [["add", v] for v in (-1, -2, -1, -2, 2**61 - 2, -2**61 + 1)]
    ops = []
    for i in range(60):
        ops.append(["add", i * 3])
        if i % 3 == 2:
            ops.append(["discard", (i - 2) * 3])
        if i % 7 == 6:
            ops.append(["discard", 10**6 + i])        # absent
    sc["interleaved_discards_ints"] = ops
    ops = []
    for i in range(60):
        ops.append(["add", f"s{i}"])
        if i % 2:
            ops.append(["discard", f"s{i - 1}"])
    sc["interleaved_discards_strs"] = ops
    ops = [["add", i] for i in range(40)] + [["discard", i] for i in range(0, 40, 2)] + \
        [["add", i + 100] for i in range(40)] + [["discard", i] for i in range(1, 40, 2)]
    sc["discard_then_refill"] = ops
    ops = [["add", f"x{i}" if i % 3 else i] for i in range(30)]
    ops += [["discard", f"x{i}"] for i in range(1, 30, 3)]
    ops += [["add", f"y{i}"] for i in range(30)]
    sc["mixed_churn"] = ops
    ops = [["add", i * 5] for i in range(20)] + [["pop"]] * 12 + \
        [["add", i] for i in range(100, 110)] + [["pop"]] * 5
    sc["pops"] = ops
    ops = [["add", i] for i in range(30)] + [["clear"]] + [["add", f"c{i}"] for i in range(10)]
    sc["clear_and_refill"] = ops
    ops = [["add", i] for i in range(5)] + [["update", list(range(3, 40))]] + \
        [["ior", [f"u{i}" for i in range(12)]]] + [["iand", list(range(0, 60, 2))]] + \
        [["isub", list(range(0, 20, 4))]] + [["ixor", list(range(10, 30))]]
    sc["inplace_operators"] = ops
    ops = [["update", [f"w{i}" for i in range(25)]], ["update", list(range(50))],
           ["update", []], ["update", [f"w{i}" for i in range(20, 30)]]]
    sc["update_merges"] = ops
    ops = [["add", i] for i in range(12)] + [
        ["update", {"dict": [f"d{i}" for i in range(15)] + list(range(8, 20))}],
        ["symdiff", {"dict": list(range(0, 40, 3)) + ["d1", "d2", "zz"]}],
        ["diffupdate", {"dict": [f"d{i}" for i in range(0, 15, 2)]}],
        ["symdiff", list(range(30, 50))],
        ["diffupdate", list(range(0, 400))],          # more than 8 times larger
        ["diffupdate", [f"d{i}" for i in range(15)]],  # many dummies: purged by a resize
        ["symdiff", {"dict": []}], ["update", {"dict": ["only"]}]]
    sc["dict_and_set_operands"] = ops
    return {name: {"id": "steps:" + name, "ops": ops} for name, ops in sc.items()}


def _literal_source(values):
    return "{" + ", ".join(repr(v) for v in values) + "}" if values else "set()"


def _build_scenarios():
    sc = {}
    for n in range(31):
        sc[f"set_of_ints_{n}"] = {"kind": "set_of", "a": [i * 37 - 100 for i in range(n)]}
        sc[f"frozenset_range_{n}"] = {"kind": "frozenset_range", "a": n}
        sc[f"literal_ints_{n}"] = {"kind": "literal", "source": _literal_source(range(n))}
    for n in (0, 1, 5, 9, 19, 20, 40):
        sc[f"set_range_{n}"] = {"kind": "set_range", "a": n}
        sc[f"set_of_strs_{n}"] = {"kind": "set_of", "a": [f"item {i}" for i in range(n)]}
        sc[f"frozenset_of_mixed_{n}"] = {
            "kind": "frozenset_of", "a": [i if i % 2 else str(i) * 3 for i in range(n)]}
    for n in (3, 6, 12, 25):
        sc[f"literal_strs_{n}"] = {
            "kind": "literal", "source": _literal_source([f"a {i}" for i in range(n)])}
        sc[f"literal_mixed_{n}"] = {
            "kind": "literal",
            "source": _literal_source([i if i % 2 else f"m {i}" for i in range(n)])}
    a = list(range(0, 60, 3))
    b = list(range(0, 60, 2))
    for kind in ("copy", "or", "and", "sub", "xor"):
        sc[f"{kind}_ints"] = {"kind": kind, "a": a, "b": b}
        sc[f"{kind}_strs"] = {"kind": kind, "a": [f"p{i}" for i in range(40)],
                              "b": [f"p{i}" for i in range(20, 45)]}
    sc["or_small_into_big"] = {"kind": "or", "a": [1, 2], "b": list(range(100))}
    for n in (0, 3, 5, 8, 30):
        sc[f"set_of_dict_{n}"] = {"kind": "set_of_dict",
                                  "a": {"dict": [f"q{i}" if i % 3 else i for i in range(n)]}}
    for kind in ("difference", "symdiff"):
        sc[f"{kind}_set"] = {"kind": kind, "a": list(range(30)), "b": list(range(20, 50))}
        sc[f"{kind}_dict"] = {"kind": kind, "a": list(range(30)),
                              "b": {"dict": list(range(20, 50)) + ["x"]}}
        sc[f"{kind}_small_dict"] = {"kind": kind, "a": list(range(30)), "b": {"dict": [3]}}
    sc["sub_big_minus_small"] = {"kind": "sub", "a": list(range(100)), "b": [3, 4]}
    for name, spec in sc.items():
        spec["id"] = "build:" + name
    return sc


STEPS = _steps_scenarios()
BUILDS = _build_scenarios()


@lru_cache(maxsize=None)
def host_results():
    payload = json.dumps(list(STEPS.values()) + list(BUILDS.values()))
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([sys.executable, "-c", HOST_SCRIPT], input=payload, env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# --- replaying on the simulated heap --------------------------------------------------------

class Values:
    """Simulated ints and strs made from JSON values, each held once until ``release``."""

    def __init__(self, heap):
        self.heap = heap
        self.held = []

    def make(self, v):
        obj = new_str(self.heap, v) if isinstance(v, str) else new_int(self.heap, v)
        self.held.append(obj)
        return obj

    def new_refs(self, values):
        """What iterating a list of these values yields: new references, one by one."""
        for v in values:
            obj = self.make(v)
            obj.ob_refcnt += 1
            yield obj

    def dict_of(self, keys):
        """``dict.fromkeys(keys)``: the keys in insertion order, each mapped to None."""
        from heapsim.objects.dictobject import dict_new, dict_setitem
        d = dict_new(self.heap)
        for k in keys:
            dict_setitem(self.heap, d, self.make(k), self.heap.none)
        return d

    def operand(self, x):
        return self.dict_of(x["dict"]) if isinstance(x, dict) else self.set_of(x)

    def set_of(self, values, frozen=False):
        s = S.frozenset_new(self.heap) if frozen else S.set_new(self.heap)
        S.set_update_iter(self.heap, s, self.new_refs(values))
        return s

    def release(self):
        for obj in self.held:
            self.heap.decref(obj)
        self.held.clear()


def install_iterate(heap):
    """Stand in for the interpreter's ``heap.iterate`` hook, for dicts (their keys).

    The guest's dict_keyiterator is allocated and freed around the loop, so the counts read
    after an operation do not see it; only the keys, as new references, matter here.
    """
    from heapsim.objects.dictobject import dict_keys

    def iterate(obj):
        assert obj.ob_type is heap.dict_type
        for k in dict_keys(obj):
            k.ob_refcnt += 1
            yield k
    heap.iterate = iterate


def host_value(obj):
    return obj.value


def order(s):
    return [host_value(k) for k in S.set_keys(s)]


def apply_op(heap, s, op):
    k = op[0]
    if k == "add":
        S.set_add_key(heap, s, op[1])
    elif k == "discard":
        S.set_discard(heap, s, op[1])
    elif k == "pop":
        heap.decref(S.set_pop(heap, s))
    elif k == "clear":
        S.set_clear(heap, s)
    elif k == "update":
        S.set_update_internal(heap, s, op[1])
    elif k == "symdiff":
        S.set_symmetric_difference_update(heap, s, op[1])
    elif k == "diffupdate":
        S.set_difference_update(heap, s, [op[1]])
    else:
        inplace = {"ior": S.set_ior, "iand": S.set_iand, "isub": S.set_isub,
                   "ixor": S.set_ixor}[k]
        heap.decref(inplace(heap, s, op[1]))


def blocks(heap):
    return heap.allocator.allocated_blocks()


@pytest.mark.parametrize("name", sorted(STEPS))
def test_steps_match_host(heap, name):
    expected = host_results()[STEPS[name]["id"]]
    install_iterate(heap)
    vals = Values(heap)
    operand_sets = []
    ops = []
    for op in STEPS[name]["ops"]:
        args = []
        for x in op[1:]:
            if isinstance(x, (list, dict)):
                operand_sets.append(vals.operand(x))
                args.append(operand_sets[-1])
            else:
                args.append(vals.make(x))
        ops.append([op[0]] + args)
    start_blocks = blocks(heap)
    c0 = heap.gc.count[0]
    s = S.set_new(heap)
    got = {"sizes": [], "orders": [], "tracked": [], "blocks": [], "counts": []}
    for op in ops:
        apply_op(heap, s, op)
        got["sizes"].append(getsizeof(s))
        got["orders"].append(order(s))
        got["tracked"].append(heap.gc.is_tracked(s))
        got["blocks"].append(blocks(heap) - start_blocks)
        got["counts"].append(heap.gc.count[0] - c0)
    for key in ("sizes", "orders", "tracked", "blocks", "counts"):
        for step, (g, e) in enumerate(zip(got[key], expected[key])):
            assert g == e, f"{key} differ after step {step} ({ops[step][0]})"
    assert len(got["sizes"]) == len(expected["sizes"])
    assert audit_heap(heap, roots=[s] + operand_sets + vals.held) == []
    # Each set holds exactly one reference to each of its keys, and gives them all back.
    from heapsim.objects.dictobject import dict_keys
    holders = [set(map(id, S.set_keys(t) if t.ob_type is not heap.dict_type else dict_keys(t)))
               for t in [s] + operand_sets]
    for obj in vals.held:
        if obj.ob_type is heap.int_type and -5 <= obj.value <= 256:
            continue                            # static small ints
        assert obj.ob_refcnt == 1 + sum(id(obj) in h for h in holders)
    heap.decref(s)
    assert blocks(heap) == start_blocks
    for t in operand_sets:
        heap.decref(t)
    vals.release()


def _const_frozenset(vals, values):
    """The frozenset constant the compiler makes for a literal of constants.

    ``PyFrozenSet_New`` of the tuple of constants in source order, then, in
    ``merge_consts_recursive``, a second ``PyFrozenSet_New`` of the first one's elements in its
    iteration order; that second one is what the code object holds.
    """
    heap = vals.heap
    first = S.frozenset_new(heap)
    S.set_update_iter(heap, first, vals.new_refs(values))
    items = S.set_keys(first)

    def again():
        for k in items:
            k.ob_refcnt += 1
            yield k
    second = S.frozenset_new(heap)
    S.set_update_iter(heap, second, again())
    heap.decref(first)
    return second


def build_sim(heap, vals, spec):
    """Build the scenario's set; returns (setup objects to release, the build function)."""
    kind = spec["kind"]
    setup = []
    if kind == "literal":
        values = eval(spec["source"].replace("{", "[").replace("}", "]")) \
            if spec["source"] != "set()" else []
        code = compile(spec["source"], "<literal>", "eval")
        if any(isinstance(c, frozenset) for c in code.co_consts):
            const = _const_frozenset(vals, values)
            setup.append(const)

            def build():                        # BUILD_SET 0; LOAD_CONST; SET_UPDATE 1
                s = S.set_new(heap)
                S.set_update_internal(heap, s, const)
                return s
        else:
            items = [vals.make(v) for v in values]

            def build():                        # BUILD_SET n (or the set() call)
                s = S.set_new(heap)
                for item in items:
                    item.ob_refcnt += 1         # pushed by LOAD_CONST ...
                    S.set_add_key(heap, s, item)
                    heap.decref(item)           # ... and popped by BUILD_SET
                return s
        return setup, build
    if kind in ("set_range", "frozenset_range"):
        frozen = kind == "frozenset_range"

        def build():
            s = S.frozenset_new(heap) if frozen else S.set_new(heap)
            S.set_update_iter(heap, s, vals.new_refs(range(spec["a"])))
            return s
        return setup, build
    if kind in ("set_of", "frozenset_of"):
        frozen = kind == "frozenset_of"
        items = [vals.make(v) for v in spec["a"]]

        def refs():
            for item in items:
                item.ob_refcnt += 1
                yield item

        def build():
            s = S.frozenset_new(heap) if frozen else S.set_new(heap)
            S.set_update_iter(heap, s, refs())
            return s
        return setup, build
    if kind == "set_of_dict":
        d = vals.operand(spec["a"])
        setup.append(d)
        return setup, lambda: S.set_new(heap, d)
    a = vals.set_of(spec["a"])
    setup.append(a)
    if kind == "copy":
        return setup, lambda: S.set_copy(heap, a)
    b = vals.operand(spec["b"])
    setup.append(b)
    if kind == "difference":                    # set.difference(*others), one other
        return setup, lambda: S.set_difference_multi(heap, a, [b])
    op = {"or": S.set_or, "and": S.set_and, "sub": S.set_sub, "xor": S.set_xor,
          "symdiff": S.set_symmetric_difference}[kind]
    return setup, lambda: op(heap, a, b)


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_build_matches_host(heap, name):
    spec = BUILDS[name]
    expected = host_results()[spec["id"]]
    install_iterate(heap)
    vals = Values(heap)
    setup, build = build_sim(heap, vals, spec)
    start_blocks = blocks(heap)
    c0 = heap.gc.count[0]
    s = build()
    assert blocks(heap) - start_blocks == expected["blocks"]
    assert heap.gc.count[0] - c0 == expected["count"]
    assert getsizeof(s) == expected["size"]
    assert order(s) == expected["order"]
    assert heap.gc.is_tracked(s) == expected["tracked"]
    if expected["hash"] is not None:
        assert S.frozenset_hash(heap, s) == expected["hash"]
    assert audit_heap(heap, roots=[s] + setup + vals.held) == []
    heap.decref(s)
    assert blocks(heap) == start_blocks
    assert heap.gc.count[0] == c0
    for obj in setup:
        heap.decref(obj)
    vals.release()


# --- behaviour checked against the host directly --------------------------------------------

def host_error(fn):
    try:
        fn()
    except Exception as exc:            # the host's own exception, to compare messages with
        return type(exc).__name__, str(exc.args[0])
    raise AssertionError("the host raised nothing")


def test_set_is_unhashable_frozenset_hashes(heap):
    kind, message = host_error(lambda: hash(set()))
    s = S.set_new(heap)
    with pytest.raises(GuestError) as info:
        s.ob_type.tp_hash(heap, s)
    assert (info.value.kind, info.value.message) == (kind, message)
    vals = Values(heap)
    for values in ([], [1], [1, 2, 3], ["a b", 7, -1], list(range(100))):
        f = vals.set_of(values, frozen=True)
        assert S.frozenset_hash(heap, f) == hash(frozenset(values))
        assert f.hash == hash(frozenset(values))          # cached
        heap.decref(f)
    heap.decref(s)
    vals.release()


def test_frozenset_identity_rules(heap):
    empty1, empty2 = frozenset(), frozenset()
    f = frozenset([1, 2])
    a = S.frozenset_new(heap)
    b = S.frozenset_new(heap)
    assert (a is b) == (empty1 is empty2)
    vals = Values(heap)
    g = vals.set_of([1, 2], frozen=True)
    rc = g.ob_refcnt
    same = S.make_new_frozenset(heap, heap.frozenset_type, g)
    assert (same is g) == (frozenset(f) is f)
    copy = S.frozenset_copy(heap, g)
    assert (copy is g) == (f.copy() is f)
    assert g.ob_refcnt == rc + 2
    t = S.set_copy(heap, g)
    assert t.ob_type is heap.frozenset_type and t is not g
    for obj in (a, b, same, copy, t, g):
        heap.decref(obj)
    vals.release()


def test_pop_from_empty_and_remove_missing(heap):
    kind, message = host_error(lambda: set().pop())
    s = S.set_new(heap)
    with pytest.raises(GuestError) as info:
        S.set_pop(heap, s)
    assert (info.value.kind, info.value.message) == (kind, message)
    vals = Values(heap)
    assert S.set_discard(heap, s, vals.make(5)) == S.DISCARD_NOTFOUND
    heap.decref(s)
    vals.release()


def test_iterator_size_tracking_and_mutation_error(heap):
    host_s = {1, 2, 3}
    host_it = iter(host_s)
    import gc
    vals = Values(heap)
    s = vals.set_of([1, 2, 3])
    it = S.set_iter(heap, s)
    assert getsizeof(it) == sys.getsizeof(host_it)
    assert heap.gc.is_tracked(it) == gc.is_tracked(host_it)
    assert s.ob_refcnt == 2
    first = S.setiter_next(heap, it)
    assert first.value == next(host_it)
    assert S.setiter_len(it) == host_it.__length_hint__()
    heap.decref(first)

    def mutate():
        host_s.add(99)
        next(host_it)
    kind, message = host_error(mutate)
    S.set_add_key(heap, s, vals.make(99))
    with pytest.raises(GuestError) as info:
        S.setiter_next(heap, it)
    assert (info.value.kind, info.value.message) == (kind, message)
    heap.decref(it)
    assert s.ob_refcnt == 1
    it = S.set_iter(heap, s)
    got = []
    while True:
        k = S.setiter_next(heap, it)
        if k is None:
            break
        got.append(k.value)
        heap.decref(k)
    assert got == list(host_s)
    assert it.si_set is None and s.ob_refcnt == 1
    heap.decref(it)
    heap.decref(s)
    vals.release()


DEATH_ORDER_SCRIPT = r'''
import json, sys
hashes = json.loads(sys.argv[1])
deaths = []
class T:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __del__(self):
        deaths.append(self.h)
s = {T(h) for h in hashes}
it_order = [t.h for t in s]
del s
print(json.dumps([it_order, deaths]))
'''


def test_dealloc_releases_keys_in_table_order(heap):
    from heapsim.base.events import Free, RecordingTracer
    hashes = [i * 1000003 % 4099 for i in range(300)] + [-7, 2**40, -2**40]
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([sys.executable, "-c", DEATH_ORDER_SCRIPT, json.dumps(hashes)],
                         env=env, capture_output=True, text=True, check=True)
    host_iter, host_deaths = json.loads(out.stdout)
    assert host_deaths == host_iter
    vals = Values(heap)
    s = S.set_new(heap)
    for h in hashes:                     # ints hash to themselves, as T(h) does to h
        obj = new_int(heap, h)
        S.set_add_key(heap, s, obj)
        heap.decref(obj)                 # the set holds the only reference
    assert [k.value for k in S.set_traverse(s)] == host_iter
    by_addr = {k.addr: k.value for k in S.set_keys(s)}
    table = s.table_addr
    assert S.set_buffers(s) == (table,)
    tracer = RecordingTracer()
    heap.allocator.tracer = tracer
    heap.allocator.raw.tracer = tracer
    try:
        set_block = s.addr - heap.set_type.preheader
        heap.decref(s)
    finally:
        heap.allocator.tracer = None
        heap.allocator.raw.tracer = None
    freed = [r.address for r in tracer.records if isinstance(r, Free)]
    small = [h for h in host_iter if -5 <= h <= 256]
    assert [by_addr[a] for a in freed[:-2]] == [h for h in host_deaths if h not in small]
    assert freed[-2:] == [table, set_block]
    vals.release()


def test_contains_and_discard_take_a_set_as_a_frozenset(heap):
    host = {frozenset([1, 2]), 3}
    vals = Values(heap)
    s = S.set_new(heap)
    key = vals.set_of([1, 2], frozen=True)
    S.set_add_key(heap, s, key)
    S.set_add_key(heap, s, vals.make(3))
    probe = vals.set_of([2, 1])
    assert S.set_contains(heap, s, probe) == ({1, 2} in host)
    with pytest.raises(GuestError):
        S.set_contains_key(heap, s, probe)
    before = blocks(heap)
    assert S.set_discard(heap, s, probe) == S.DISCARD_FOUND
    host.discard({1, 2})
    assert order(s) == list(host)
    assert blocks(heap) == before        # the temporary frozenset is gone again
    for obj in (s, key, probe):
        heap.decref(obj)
    vals.release()


def test_clear_empties_before_releasing(heap):
    """tp_clear (and set.clear) leaves an empty smalltable set before dropping the keys."""
    vals = Values(heap)
    s = vals.set_of(list(range(1000, 1100)))
    seen = []
    real_dealloc = heap.dealloc

    def watch(obj):
        seen.append((obj.value, s.used, s.table_addr))
        real_dealloc(obj)
    heap.dealloc = watch
    try:
        vals.release()                   # now the set holds the only references
        S.set_clear_internal(heap, s)
    finally:
        heap.dealloc = real_dealloc
    host = set(range(1000, 1100))
    assert [v for v, _, _ in seen] == list(host)
    assert all(used == 0 and addr == 0 for _, used, addr in seen)
    assert getsizeof(s) == sys.getsizeof(set()) and s.ob_refcnt == 1
    heap.decref(s)

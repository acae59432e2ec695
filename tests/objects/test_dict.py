"""dict: sizes after every way of building and changing a dict, order, free lists, tracking,
reference semantics and block counts.

Every expected figure comes from the host interpreter (CPython 3.11.7, the oracle): sizes and
orders from host dicts built the same way in this process (the tests run under
``PYTHONHASHSEED=0``, as the oracle does), identities, tracking and block counts from small
host programs run in a subprocess with the collector disabled and the free lists emptied
first (``gc.collect()``), gathering their numbers before printing.
"""

import random
import sys

import hostrun
import pytest

from heapsim.base.errors import GuestError
from heapsim.objects import core
from heapsim.objects.core import TPFLAGS_HEAPTYPE
from heapsim.objects.dict_keys import KEYS_GENERAL, KEYS_SPLIT, KEYS_UNICODE
from heapsim.objects.dictobject import (
    dict_clear, dict_clear_freelists, dict_contains, dict_copy, dict_delitem, dict_eq,
    dict_from_items, dict_fromkeys, dict_getitem, dict_items, dict_keys, dict_len,
    dict_maybe_untrack, dict_merge, dict_merge_from_seq2, dict_new, dict_new_generic,
    dict_new_presized, dict_next, dict_pop, dict_popitem, dict_setdefault, dict_setitem,
    dict_traverse,
)
from heapsim.objects.floatobject import new_float
from heapsim.objects.instanceobject import instance_new, new_heap_type
from heapsim.objects.listobject import list_new
from heapsim.objects.longobject import new_int
from heapsim.objects.tupleobject import tuple_pack
from heapsim.objects.unicodeobject import new_str

getsizeof = core.getsizeof


def host(code):
    """Run ``code`` under the host interpreter; it prints one Python literal, returned here."""
    return hostrun.run_host(code, parse="literal")


def sim(heap, value):
    """A new reference to the simulated object for a host str, int, float or tuple of them."""
    if isinstance(value, str):
        return new_str(heap, value)
    if isinstance(value, bool):
        obj = heap.true if value else heap.false
        obj.ob_refcnt += 1
        return obj
    if isinstance(value, int):
        return new_int(heap, value)
    if isinstance(value, float):
        return new_float(heap, value)
    if isinstance(value, tuple):
        items = [sim(heap, v) for v in value]
        t = tuple_pack(heap, *items)
        for item in items:
            heap.decref(item)
        return t
    raise TypeError(value)


def setitem(heap, d, hk, hv):
    k = sim(heap, hk)
    v = sim(heap, hv)
    dict_setitem(heap, d, k, v)
    heap.decref(k)
    heap.decref(v)


def delitem(heap, d, hk):
    k = sim(heap, hk)
    try:
        dict_delitem(heap, d, k)
    finally:
        heap.decref(k)


def host_keys(d):
    """The keys of a simulated dict as host values, in iteration order."""
    return [payload(k) for k in dict_keys(d)]


def payload(obj):
    if obj.ob_type is obj_type_tuple[0]:
        return tuple(payload(i) for i in obj.items)
    return obj.value


obj_type_tuple = [None]


@pytest.fixture(autouse=True)
def _tuple_type(heap):
    obj_type_tuple[0] = heap.tuple_type


def sim_from_items(heap, host_items):
    keys = [sim(heap, k) for k, _ in host_items]
    values = [sim(heap, v) for _, v in host_items]
    d = dict_from_items(heap, keys, values)
    for o in keys + values:
        heap.decref(o)
    return d


KEY_MAKERS = {
    "str": lambda i: f"k{i}",
    "int": lambda i: i * 7919,
    "mixed": lambda i: f"k{i}" if i % 3 else i,
    "float": lambda i: i + 0.5,
    "tuple": lambda i: (i, f"t{i}"),
}


# --- growth, deletion, clear: every step --------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(KEY_MAKERS))
def test_growth_deletion_and_clear_each_step(heap, kind):
    make = KEY_MAKERS[kind]
    h = {}
    d = dict_new(heap)
    assert getsizeof(d) == sys.getsizeof(h)
    for i in range(100):
        h[make(i)] = i
        setitem(heap, d, make(i), i)
        assert getsizeof(d) == sys.getsizeof(h), i
        assert dict_len(d) == len(h)
    assert host_keys(d) == list(h)
    for i in range(0, 100, 3):
        del h[make(i)]
        delitem(heap, d, make(i))
        assert getsizeof(d) == sys.getsizeof(h), i
    assert host_keys(d) == list(h)
    # Refilling reuses no deleted slot: the table grows (compacting) as CPython's does.
    for i in range(100, 160):
        h[make(i)] = i
        setitem(heap, d, make(i), i)
        assert getsizeof(d) == sys.getsizeof(h), i
    assert host_keys(d) == list(h)
    h.clear()
    dict_clear(heap, d)
    assert getsizeof(d) == sys.getsizeof(h)
    assert dict_len(d) == 0 and dict_keys(d) == []
    heap.decref(d)


def test_deleting_every_key_never_shrinks(heap):
    h = {f"k{i}": i for i in range(21)}
    d = dict_new(heap)
    for k, v in h.items():
        setitem(heap, d, k, v)
    for k in list(h):
        del h[k]
        delitem(heap, d, k)
        assert getsizeof(d) == sys.getsizeof(h)
    h["again"] = 1
    setitem(heap, d, "again", 1)
    assert getsizeof(d) == sys.getsizeof(h)
    heap.decref(d)


def test_non_str_key_converts_a_str_table(heap):
    for n in range(0, 23):
        h = {f"k{i}": i for i in range(n)}       # built by insertion
        d = dict_new(heap)
        for i in range(n):
            setitem(heap, d, f"k{i}", i)
        assert getsizeof(d) == sys.getsizeof(h)
        h[12345] = 0
        setitem(heap, d, 12345, 0)
        assert getsizeof(d) == sys.getsizeof(h), n
        assert d.ma_keys.kind == KEYS_GENERAL
        assert host_keys(d) == list(h)
        heap.decref(d)


def test_replacing_values_keeps_positions(heap):
    ops = [("a", 1), ("b", 2), ("c", 3), ("a", 4), (1, 5), ("b", 6), (1.0, 7), (True, 8)]
    h = {}
    d = dict_new(heap)
    for k, v in ops:
        h[k] = v
        setitem(heap, d, k, v)
        assert host_keys(d) == list(h)
        assert [type(payload(k)) for k in dict_keys(d)] == [type(k) for k in h]
        assert [payload(v) for _, v in dict_items(d)] == list(h.values())
        assert getsizeof(d) == sys.getsizeof(h)
    heap.decref(d)


# --- interleaved inserts and deletes: order --------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_iteration_order_after_interleaved_operations(heap, seed):
    rng = random.Random(seed)
    pool = [f"s{i}" for i in range(30)] + list(range(30)) + [(i, i) for i in range(5)]
    if seed % 2:
        pool = [k for k in pool if isinstance(k, str)]
    h = {}
    d = dict_new(heap)
    for step in range(600):
        k = rng.choice(pool)
        op = rng.random()
        if op < 0.55:
            h[k] = step
            setitem(heap, d, k, step)
        elif op < 0.9:
            if k in h:
                del h[k]
                delitem(heap, d, k)
            else:
                key = sim(heap, k)
                with pytest.raises(GuestError) as info:
                    dict_delitem(heap, d, key)
                assert info.value.kind == "KeyError" and info.value.key is key
                heap.decref(key)
        elif op < 0.95:
            hv = h.pop(k, None)
            key = sim(heap, k)
            got = dict_pop(heap, d, key, heap.none)
            assert (got is heap.none) == (hv is None)
            if hv is not None:
                assert got.value == hv
            heap.decref(got)
            heap.decref(key)
        elif h:
            hk, hv = h.popitem()
            k2, v2 = dict_popitem(heap, d)
            assert (payload(k2), v2.value) == (hk, hv)
            heap.decref(k2)
            heap.decref(v2)
        assert getsizeof(d) == sys.getsizeof(h), step
    assert host_keys(d) == list(h)
    # dict_next walks the same order.
    seen = []
    pos = 0
    while (nxt := dict_next(d, pos)) is not None:
        pos, key, _ = nxt
        seen.append(payload(key))
    assert seen == list(h)
    heap.decref(d)


# --- copies, updates, constructors ------------------------------------------------------------

@pytest.mark.parametrize("kind", ["str", "int", "mixed"])
def test_copies_at_every_size_and_after_deletions(heap, kind):
    make = KEY_MAKERS[kind]
    h = {}
    d = dict_new(heap)
    for i in range(60):
        h[make(i)] = i
        setitem(heap, d, make(i), i)
        c = dict_copy(heap, d)
        assert getsizeof(c) == sys.getsizeof(h.copy()), i
        assert host_keys(c) == list(h)
        heap.decref(c)
        g = dict_new_generic(heap)               # dict(h)
        dict_merge(heap, g, d)
        assert getsizeof(g) == sys.getsizeof(dict(h)), i
        heap.decref(g)
        b = dict_new(heap)                       # {**h}
        dict_merge(heap, b, d)
        assert getsizeof(b) == sys.getsizeof({**h}), i
        heap.decref(b)
    for i in range(0, 60, 2):
        del h[make(i)]
        delitem(heap, d, make(i))
        c = dict_copy(heap, d)
        assert getsizeof(c) == sys.getsizeof(h.copy()), i
        assert host_keys(c) == list(h)
        heap.decref(c)
    heap.decref(d)


def test_update_into_nonempty_dict(heap):
    for n in (1, 3, 6, 12, 30):
        for m in (1, 5, 9, 20):
            a = {f"a{i}": i for i in range(n)}
            b = {f"b{i}": i for i in range(m)}
            sa = sim_from_items(heap, list(a.items()))
            sb = sim_from_items(heap, list(b.items()))
            a.update(b)
            dict_merge(heap, sa, sb)
            assert getsizeof(sa) == sys.getsizeof(a), (n, m)
            assert host_keys(sa) == list(a)
            heap.decref(sa)
            heap.decref(sb)


def test_literals_and_build_map(heap):
    for maker in ("str", "int", "mixed"):
        make = KEY_MAKERS[maker]
        for n in range(40):
            items = [(make(i), i) for i in range(n)]
            src = "{" + ",".join(f"{k!r}:{v!r}" for k, v in items) + "}"
            expected = sys.getsizeof(eval(src))
            if n <= 15:                          # BUILD_CONST_KEY_MAP / BUILD_MAP n
                d = sim_from_items(heap, items)
            else:                                # BUILD_MAP 0; MAP_ADD ...
                d = dict_new(heap)
                for k, v in items:
                    setitem(heap, d, k, v)
            assert getsizeof(d) == expected, (maker, n)
            heap.decref(d)


def test_presized(heap):
    # dict_new_presized is what _PyDict_FromItems uses: compare with literals of n keys.
    for n in range(16):
        d = dict_new_presized(heap, n, True)
        for i in range(n):
            setitem(heap, d, f"k{i}", i)
        assert getsizeof(d) == sys.getsizeof(eval("{" + ",".join(f"'k{i}':{i}"
                                                                 for i in range(n)) + "}"))
        heap.decref(d)


def test_fromkeys(heap):
    for n in range(0, 60, 3):
        hkeys = [f"k{i}" for i in range(n)]
        keys = [sim(heap, k) for k in hkeys]
        src_list = list_new(heap, 0)
        # from a list: insertions one by one
        d = dict_fromkeys(heap, src_list, heap.none, keys=keys)
        assert getsizeof(d) == sys.getsizeof(dict.fromkeys(hkeys)), n
        assert d.gc_gen == core.UNTRACKED
        # from a dict: presized, unicode if the source is
        d2 = dict_fromkeys(heap, d, heap.none)
        assert getsizeof(d2) == sys.getsizeof(dict.fromkeys(dict.fromkeys(hkeys))), n
        assert host_keys(d2) == hkeys
        # from a dict with int keys
        ikeys = list(range(1000, 1000 + n))
        di = sim_from_items(heap, [(k, 0) for k in ikeys])
        d3 = dict_fromkeys(heap, di, heap.none)
        assert getsizeof(d3) == sys.getsizeof(dict.fromkeys(dict.fromkeys(ikeys))), n
        for o in (d, d2, d3, di, src_list, *keys):
            heap.decref(o)


def test_fromkeys_of_a_set(heap):
    from heapsim.objects.setobject import set_add_key, set_new
    for n in range(0, 50, 3):
        for make in (KEY_MAKERS["str"], KEY_MAKERS["int"], KEY_MAKERS["mixed"]):
            hkeys = [make(i) for i in range(n)]
            so = set_new(heap)
            for k in hkeys:
                key = sim(heap, k)
                set_add_key(heap, so, key)
                heap.decref(key)
            d = dict_fromkeys(heap, so, heap.none)
            expected = dict.fromkeys(set(hkeys))
            assert getsizeof(d) == sys.getsizeof(expected), n
            assert host_keys(d) == list(expected)
            heap.decref(d)
            heap.decref(so)


def test_dict_of_zip_and_keywords(heap):
    for n in range(0, 40, 2):
        pairs = [(f"k{i}", i) for i in range(n)]
        d = dict_new_generic(heap)
        objs = [(sim(heap, k), sim(heap, v)) for k, v in pairs]
        dict_merge_from_seq2(heap, d, objs)
        assert getsizeof(d) == sys.getsizeof(dict(zip([k for k, _ in pairs],
                                                      [v for _, v in pairs])))
        kw = dict_new_generic(heap)               # dict(k0=0, k1=1, ...): vectorcall kwnames
        for k, v in objs:
            dict_setitem(heap, kw, k, v)
        assert getsizeof(kw) == sys.getsizeof(eval("dict(" + ",".join(f"{k}={v}"
                                                                       for k, v in pairs) + ")"))
        for k, v in objs:
            heap.decref(k)
            heap.decref(v)
        heap.decref(d)
        heap.decref(kw)


def test_setdefault_and_contains(heap):
    h = {}
    d = dict_new(heap)
    for i, k in enumerate(["a", "b", "a", 3, "c", 3, "d", "e", "f", "g", "h"]):
        expected = h.setdefault(k, i)
        key = sim(heap, k)
        default = sim(heap, i)
        got = dict_setdefault(heap, d, key, default)
        assert got.value == expected
        assert dict_contains(heap, d, key)
        heap.decref(key)
        heap.decref(default)
        assert getsizeof(d) == sys.getsizeof(h)
        assert host_keys(d) == list(h)
    missing = sim(heap, "zz")
    assert not dict_contains(heap, d, missing) and dict_getitem(heap, d, missing) is None
    heap.decref(missing)
    heap.decref(d)


def test_equality(heap):
    cases = [
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
        ({"a": 1}, {"a": 2}),
        ({"a": 1}, {"a": 1, "b": 2}),
        ({1: "x", 2.5: "y"}, {1.0: "x", 2.5: "y"}),
        ({(1, 2): 3}, {(1, 2): 3}),
        ({}, {}),
        ({True: 1}, {1: 1}),
    ]
    for a, b in cases:
        sa = sim_from_items(heap, list(a.items()))
        sb = sim_from_items(heap, list(b.items()))
        assert dict_eq(heap, sa, sb) == (a == b), (a, b)
        assert dict_eq(heap, sb, sa) == (b == a), (a, b)
        heap.decref(sa)
        heap.decref(sb)
    d = dict_new(heap)
    x = sim(heap, 1)
    assert dict_eq(heap, d, x) is NotImplemented
    with pytest.raises(GuestError) as info:
        heap.dict_type.tp_hash(heap, d)
    assert info.value.kind == "TypeError"
    heap.decref(x)
    heap.decref(d)


# --- reference semantics -----------------------------------------------------------------------

REFS_SCRIPT = """
    import sys
    def measure():
        d = {}
        a = ''.join(['hello', ' world'])
        b = ''.join(['hello', ' world'])
        v1 = ''.join(['val', 'ue1'])
        v2 = ''.join(['val', 'ue2'])
        r = sys.getrefcount
        base = [r(a), r(b), r(v1), r(v2)]
        d[a] = v1
        s1 = [r(a) - base[0], r(b) - base[1], r(v1) - base[2], r(v2) - base[3]]
        d[b] = v2
        s2 = [r(a) - base[0], r(b) - base[1], r(v1) - base[2], r(v2) - base[3]]
        stored_is_a = next(iter(d)) is a
        del d[b]
        s3 = [r(a) - base[0], r(b) - base[1], r(v1) - base[2], r(v2) - base[3]]
        return [s1, s2, s3, stored_is_a]
    print(measure())
"""


def test_equal_key_keeps_the_old_key_object(heap):
    s1, s2, s3, stored_is_a = host(REFS_SCRIPT)
    a = new_str(heap, "hello world")
    b = new_str(heap, "hello world")
    v1 = new_str(heap, "value1")
    v2 = new_str(heap, "value2")
    objs = [a, b, v1, v2]
    base = [o.ob_refcnt for o in objs]
    d = dict_new(heap)
    dict_setitem(heap, d, a, v1)
    assert [o.ob_refcnt - r for o, r in zip(objs, base)] == s1
    dict_setitem(heap, d, b, v2)
    assert [o.ob_refcnt - r for o, r in zip(objs, base)] == s2
    assert (dict_keys(d)[0] is a) == stored_is_a
    dict_delitem(heap, d, b)
    assert [o.ob_refcnt - r for o, r in zip(objs, base)] == s3
    heap.decref(d)
    for o in objs:
        assert o.ob_refcnt == 1
        heap.decref(o)


ORDER_SCRIPT = """
    import gc
    gc.disable()
    deaths = []
    class T:
        def __init__(self, n): self.n = n
        def __del__(self): deaths.append(self.n)
    def measure():
        d = {}
        for i in range(0, 8, 2):
            d[T(i)] = T(i + 1)
        del d
        first = list(deaths)
        deaths.clear()
        d = {}
        keys = [T(i) for i in range(0, 12, 2)]
        for i, k in enumerate(keys):
            d[k] = T(2 * i + 1)
        del k
        del d[keys[1]]
        del d[keys[3]]
        deaths.clear()
        del keys
        del d
        return [first, list(deaths)]
    print(measure())
"""


def test_dealloc_releases_entries_in_order_key_then_value(heap):
    first, second = host(ORDER_SCRIPT)
    T = new_heap_type(heap, "T")
    deaths = []
    names = {}
    original = heap.dealloc

    def recording_dealloc(obj):
        if obj in names:
            deaths.append(names.pop(obj))
        original(obj)

    heap.dealloc = recording_dealloc
    try:
        def make(n):
            obj = instance_new(heap, T)
            names[obj] = n
            return obj

        d = dict_new(heap)
        for i in range(0, 8, 2):
            k, v = make(i), make(i + 1)
            dict_setitem(heap, d, k, v)
            heap.decref(k)
            heap.decref(v)
        heap.decref(d)
        assert deaths == first
        deaths.clear()
        d = dict_new(heap)
        keys = [make(i) for i in range(0, 12, 2)]
        for i, k in enumerate(keys):
            v = make(2 * i + 1)
            dict_setitem(heap, d, k, v)
            heap.decref(v)
        dict_delitem(heap, d, keys[1])
        dict_delitem(heap, d, keys[3])
        deaths.clear()
        for k in reversed(keys):                 # list_dealloc: last item first
            heap.decref(k)
        heap.decref(d)
        assert deaths == second
    finally:
        heap.dealloc = original


def test_missing_key_errors(heap):
    d = dict_new(heap)
    key = new_str(heap, "missing")
    with pytest.raises(GuestError) as info:
        dict_delitem(heap, d, key)
    assert info.value.kind == "KeyError" and info.value.key is key
    with pytest.raises(GuestError) as info:
        dict_pop(heap, d, key)
    assert info.value.kind == "KeyError" and info.value.key is key
    with pytest.raises(GuestError) as info:
        dict_popitem(heap, d)
    try:
        {}.popitem()
    except KeyError as exc:
        assert (info.value.kind, info.value.message) == ("KeyError", exc.args[0])
    lst = list_new(heap, 0)
    with pytest.raises(GuestError) as info:
        dict_setitem(heap, d, lst, key)
    try:
        {}[[]] = 1
    except TypeError as exc:
        assert info.value.message == str(exc)
    assert lst.ob_refcnt == 1 and key.ob_refcnt == 1 and dict_len(d) == 0
    for o in (lst, key, d):
        heap.decref(o)


# --- keys compared by guest code ---------------------------------------------------------------

EQ_SCRIPT = """
    calls = [0]
    class K:
        def __init__(self, n): self.n = n
        def __hash__(self): return 1
        def __eq__(self, other):
            calls[0] += 1
            return isinstance(other, K) and self.n == other.n
    def measure():
        d = {}
        out = []
        for i in range(20):
            d[K(i)] = i
            out.append(calls[0])
        d[K(5)] = 99
        out.append(calls[0])
        del d[K(7)]
        out.append(calls[0])
        d[1] = 0
        out.append(calls[0])
        out.append(len(d))
        return out
    print(measure())
"""


def test_guest_equality_is_called_as_often_as_by_cpython(heap):
    expected = host(EQ_SCRIPT)
    K = new_heap_type(heap, "K", slots=("n",))
    calls = [0]

    def k_hash(heap_, obj):
        return 1

    def k_eq(heap_, a, b):
        calls[0] += 1
        if b.ob_type is not K:
            return False
        return a.slots[0].value == b.slots[0].value

    K.tp_hash = k_hash
    K.tp_eq = k_eq

    def make(n):
        obj = instance_new(heap, K)
        obj.slots[0] = new_int(heap, n)
        return obj

    d = dict_new(heap)
    out = []
    for i in range(20):
        k = make(i)
        setitem_obj(heap, d, k, i)
        out.append(calls[0])
    setitem_obj(heap, d, make(5), 99)
    out.append(calls[0])
    k7 = make(7)
    dict_delitem(heap, d, k7)
    heap.decref(k7)
    out.append(calls[0])
    setitem(heap, d, 1, 0)
    out.append(calls[0])
    out.append(dict_len(d))
    assert out == expected
    heap.decref(d)


def setitem_obj(heap, d, k, hv):
    v = sim(heap, hv)
    dict_setitem(heap, d, k, v)
    heap.decref(k)
    heap.decref(v)


# --- tracking --------------------------------------------------------------------------------

TRACKING_SCRIPT = """
    import gc
    class C: pass
    def measure():
        gc.disable()
        r = []
        r.append(gc.is_tracked({}))
        r.append(gc.is_tracked(dict()))
        r.append(gc.is_tracked({'a': 1}))
        r.append(gc.is_tracked({'a': []}))
        r.append(gc.is_tracked({'a': int}))
        r.append(gc.is_tracked({'a': C}))
        r.append(gc.is_tracked({'a': C()}))
        t = tuple([1, 2])
        r.append(gc.is_tracked({'a': t}))
        gc.collect()
        r.append(gc.is_tracked({'a': t}))
        r.append(gc.is_tracked({t: 1}))
        d = {'a': []}
        d['a'] = 1
        r.append(gc.is_tracked(d))
        gc.collect(1)
        r.append(gc.is_tracked(d))
        gc.collect()
        r.append(gc.is_tracked(d))
        e = {'x': []}
        r.append(gc.is_tracked(e.copy()))
        r.append(gc.is_tracked(dict(e)))
        r.append(gc.is_tracked({**e}))
        f = {1: 2, 3: 4}
        r.append(gc.is_tracked(f.copy()))
        return r
    print(measure())
"""


def test_tracking_rules(heap):
    expected = host(TRACKING_SCRIPT)
    C = new_heap_type(heap, "C")
    got = []
    keep = []

    def one(pairs, generic=False):
        d = dict_new_generic(heap) if generic else dict_new(heap)
        for k, v in pairs:
            dict_setitem(heap, d, k, v)
        keep.append(d)
        return d

    def tracked(d):
        return d.gc_gen != core.UNTRACKED

    a = new_str(heap, "a")
    one_ = new_int(heap, 1)
    got.append(tracked(one([])))
    got.append(tracked(one([], generic=True)))
    got.append(tracked(one([(a, one_)])))
    got.append(tracked(one([(a, list_new(heap, 0))])))
    got.append(tracked(one([(a, heap.int_type)])))
    got.append(tracked(one([(a, C)])))
    got.append(tracked(one([(a, instance_new(heap, C))])))
    t = tuple_pack(heap, one_, new_int(heap, 2))
    got.append(tracked(one([(a, t)])))
    heap.gc.untrack(t)                           # what the full collection does to t
    got.append(tracked(one([(a, t)])))
    got.append(tracked(one([(t, one_)])))
    d = one([(a, list_new(heap, 0))])
    dict_setitem(heap, d, a, one_)
    got.append(tracked(d))
    got.append(tracked(d))                       # a young collection leaves dicts alone
    dict_maybe_untrack(heap, d)                  # a full collection untracks it
    got.append(tracked(d))
    e = one([(new_str(heap, "x"), list_new(heap, 0))])
    got.append(tracked(dict_copy(heap, e)))
    g = dict_new_generic(heap)
    dict_merge(heap, g, e)
    got.append(tracked(g))
    b = dict_new(heap)
    dict_merge(heap, b, e)
    got.append(tracked(b))
    f = one([(one_, new_int(heap, 2)), (new_int(heap, 3), new_int(heap, 4))])
    got.append(tracked(dict_copy(heap, f)))
    assert got == expected


def test_maybe_untrack_general_table_checks_keys(heap):
    t = tuple_pack(heap, new_int(heap, 1))
    d = dict_new(heap)
    dict_setitem(heap, d, t, heap.none)
    assert d.gc_gen != core.UNTRACKED
    dict_maybe_untrack(heap, d)
    assert d.gc_gen != core.UNTRACKED            # the tuple key is still tracked
    heap.gc.untrack(t)
    dict_maybe_untrack(heap, d)
    assert d.gc_gen == core.UNTRACKED
    heap.decref(t)
    heap.decref(d)


def test_traverse_matches_get_referents(heap):
    h1 = {"a": 10**10, "b": 10**11}
    h2 = {10**12: 10**13, "x": 10**14}
    for h in (h1, h2):
        d = sim_from_items(heap, list(h.items()))
        assert [payload(o) for o in dict_traverse(d)] == __import__("gc").get_referents(h)
        heap.decref(d)


# --- free lists and identity ---------------------------------------------------------------------

IDENTITY_SCRIPT = """
    import gc
    def measure():
        gc.disable(); gc.collect()
        d = {}
        a = id(d)
        del d
        e = dict()
        generic_reuses = id(e) == a
        f = {}
        literal_reuses = id(f) == a
        del e, f
        ds = [{} for _ in range(3)]
        ids = [id(x) for x in ds]
        del ds
        again = [{} for _ in range(3)]
        order = [ids.index(id(x)) if id(x) in ids else -1 for x in again]
        k = {'a': 1}
        kid = id(k)
        c = k.copy()
        copy_reuses = id(c) == kid
        return [generic_reuses, literal_reuses, order]
    print(measure())
"""


def test_free_list_identity(heap):
    generic_reuses, literal_reuses, order = host(IDENTITY_SCRIPT)
    d = dict_new(heap)
    a = d.addr
    heap.decref(d)
    e = dict_new_generic(heap)
    f = dict_new(heap)
    assert (e.addr == a) == generic_reuses
    assert (f.addr == a) == literal_reuses
    heap.decref(e)
    heap.decref(f)
    ds = [dict_new(heap) for _ in range(3)]
    ids = [x.addr for x in ds]
    for x in reversed(ds):                       # list_dealloc: last item first
        heap.decref(x)
    again = [dict_new(heap) for _ in range(3)]
    assert [ids.index(x.addr) if x.addr in ids else -1 for x in again] == order
    for x in again:
        heap.decref(x)


def test_free_list_limits_and_clearing(heap):
    limit = heap.dict_freelist_max
    dicts = [dict_new(heap) for _ in range(limit + 10)]
    for d in dicts:
        setitem(heap, d, "a", 1)
    before = heap.allocator.allocated_blocks()
    count0 = heap.gc.count[0]
    for d in dicts:
        heap.decref(d)
    assert len(heap.dict_freelist) == limit
    assert len(heap.dict_keys_freelist) == heap.dict_keys_freelist_max
    # 10 shells and 10 keys objects were freed, the rest kept; the GC count only went down
    # for the freed shells.
    assert heap.allocator.allocated_blocks() == before - 20
    assert heap.gc.count[0] == max(0, count0 - 10)
    # The most recently freed shell comes back first; a keys object likewise.
    last = heap.dict_freelist[-1]
    last_keys = heap.dict_keys_freelist[-1]
    d = dict_new(heap)
    assert d is last
    setitem(heap, d, "b", 2)
    assert d.ma_keys is last_keys
    heap.decref(d)
    dict_clear_freelists(heap)
    assert heap.dict_freelist == [] and heap.dict_keys_freelist == []
    assert heap.allocator.allocated_blocks() == before - 20 - 2 * limit
    heap.allocator.check()


BLOCKS_SCRIPT = """
    import gc, sys
    def measure():
        gc.disable(); gc.collect()
        held = [None] * 100
        m = [0] * 7
        sys.getallocatedblocks()
        gc.collect()
        m[0] = sys.getallocatedblocks()
        m[1] = sys.getallocatedblocks()
        for i in range(100):
            d = {}
            for j in range(10):
                d[f'k{j}'] = j
            held[i] = d
        d = None
        m[2] = sys.getallocatedblocks()
        for i in range(0, 100, 2):
            held[i] = None
        m[3] = sys.getallocatedblocks()
        for i in range(100):
            held[i] = None
        m[4] = sys.getallocatedblocks()
        for i in range(10):
            d = {}
            d[i] = i
            held[i] = d
        d = None
        m[5] = sys.getallocatedblocks()
        for i in range(10, 20):
            d = {}
            d['s'] = i
            held[i] = d
        d = None
        m[6] = sys.getallocatedblocks()
        calibration = m[1] - m[0]
        return [m[i + 1] - m[i] - calibration for i in range(1, 6)]
    print(measure())
"""


def test_block_counts_of_100_dicts_match_host(heap):
    expected = host(BLOCKS_SCRIPT)
    blocks = heap.allocator.allocated_blocks
    dict_clear_freelists(heap)
    held = [None] * 100
    m = [blocks()]
    for i in range(100):
        d = dict_new(heap)
        for j in range(10):
            setitem(heap, d, f"k{j}", j)
        held[i] = d
    m.append(blocks())
    for i in range(0, 100, 2):
        heap.decref(held[i])
        held[i] = None
    m.append(blocks())
    for i in range(100):
        if held[i] is not None:
            heap.decref(held[i])
            held[i] = None
    m.append(blocks())
    # General keys objects never come from the keys free list; str-keyed ones do.
    for i in range(10):
        d = dict_new(heap)
        setitem(heap, d, i, i)
        held[i] = d
    m.append(blocks())
    for i in range(10, 20):
        d = dict_new(heap)
        setitem(heap, d, "s", i)
        held[i] = d
    m.append(blocks())
    assert [m[i + 1] - m[i] for i in range(5)] == expected
    for d in held[:20]:
        heap.decref(d)
    heap.allocator.check()


def test_kinds_of_tables(heap):
    d = sim_from_items(heap, [("a", 1)])
    assert d.ma_keys.kind == KEYS_UNICODE
    setitem(heap, d, 2, 2)
    assert d.ma_keys.kind == KEYS_GENERAL
    heap.decref(d)
    T = new_heap_type(heap, "T")
    assert T.cached_keys.kind == KEYS_SPLIT
    assert T.flags & TPFLAGS_HEAPTYPE


def test_heap_audit_agrees_with_dicts_of_every_kind(heap):
    from heapsim import reclaim
    from heapsim.objects.instanceobject import instance_get_dict, instance_setattr
    roots = []
    unicode_d = sim_from_items(heap, [(f"k{i}", 10**10 + i) for i in range(12)])
    general_d = sim_from_items(heap, [(i * 7919, f"v{i}") for i in range(12)])
    delitem(heap, general_d, 7919)
    copy_d = dict_copy(heap, general_d)
    T = new_heap_type(heap, "T")
    obj = instance_new(heap, T)
    for name in ("a", "b"):
        n = new_str(heap, name)
        v = list_new(heap, 0)
        instance_setattr(heap, obj, n, v)
        heap.decref(n)
        heap.decref(v)
    split_d = instance_get_dict(heap, obj)
    split_copy = dict_copy(heap, split_d)
    roots += [unicode_d, general_d, copy_d, T, obj, split_copy]
    reclaim.audit(heap, roots=roots)
    for o in roots[::-1]:
        heap.decref(o)
    reclaim.audit(heap)

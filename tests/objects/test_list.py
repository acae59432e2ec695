"""list: sizes after every way of building and changing a list, free-list identity, refcounts.

Every expected figure comes from the host interpreter (CPython 3.11.7, the oracle): sizes from
``sys.getsizeof`` of a host list built the same way, in this process; identity and collector
counts from small host programs run in a subprocess with the collector disabled and the free
lists emptied first (``gc.collect()``), gathering their numbers before printing.
"""

import dis
import sys

import hostrun
import pytest

from heapsim.base.errors import GuestError
from heapsim.objects import core
from heapsim.objects.list_slices import (
    list_ass_subscript_slice, list_concat, list_copy, list_inplace_repeat, list_repeat,
    list_slice, list_subscript_slice,
)
from heapsim.objects.listobject import (
    list_append, list_append_steal, list_ass_item, list_ass_slice, list_build, list_clear,
    list_del_item, list_eq, list_extend, list_extend_from_iterable, list_from_constants,
    list_from_sequence, list_getitem, list_inplace_concat, list_insert, list_item_new_ref,
    list_new, list_new_generic, list_pop, list_reverse, list_setitem, list_traverse,
)
from heapsim.objects.longobject import new_int
from heapsim.objects.rangeobject import range_iter, range_length, range_new, rangeiter_next
from heapsim.objects.sliceobject import slice_adjust_indices
from heapsim.objects.tupleobject import tuple_build, tuple_from_list, tuple_pack

getsizeof = core.getsizeof


def host(code):
    """Run ``code`` under the host interpreter; it prints one Python literal, returned here."""
    return hostrun.run_host(code, parse="literal")


def ints(heap, values):
    """New references to simulated ints."""
    return [new_int(heap, v) for v in values]


def sim_values(lst):
    return [item.value for item in lst.items]


def sim_range_list(heap, n):
    """``list(range(n))``: the range, then ``list_vectorcall``: generic allocation, the range
    iterator, extend with the range's length as the hint, release the iterator and range."""
    arg = new_int(heap, n)
    r = range_new(heap, arg)
    heap.decref(arg)
    lst = list_new_generic(heap)
    it = range_iter(heap, r)
    list_extend_from_iterable(heap, lst, iter(lambda: rangeiter_next(heap, it), None),
                              range_length(r))
    heap.decref(it)
    heap.decref(r)
    return lst


# --- growth, step by step -----------------------------------------------------------------------

def test_append_growth_each_step(heap):
    h = []
    lst = list_new(heap, 0)
    assert getsizeof(lst) == sys.getsizeof(h)
    for i in range(100):
        h.append(i)
        x = new_int(heap, i)
        list_append(heap, lst, x)
        heap.decref(x)
        assert getsizeof(lst) == sys.getsizeof(h), f"after {i + 1} appends"
    assert sim_values(lst) == h


def test_pop_shrink_each_step(heap):
    h = []
    lst = list_new(heap, 0)
    for i in range(100):
        h.append(i + 1000)
        x = new_int(heap, i + 1000)
        list_append(heap, lst, x)
        heap.decref(x)
    blocks = heap.allocator.allocated_blocks()
    for i in range(100):
        expected = h.pop()
        got = list_pop(heap, lst)
        assert got.value == expected and got.ob_refcnt == 1
        heap.decref(got)
        assert getsizeof(lst) == sys.getsizeof(h), f"after {i + 1} pops"
    # every popped int is freed; the array is still a (0-byte) block
    assert heap.allocator.allocated_blocks() == blocks - 100
    assert lst.buf != 0 and lst.allocated == 0


def test_pop_from_the_middle_and_front(heap):
    h = list(range(300, 340))
    lst = list_from_sequence(heap, list_build(heap, ints(heap, h)))
    for index in (0, 5, -3, 10, 0, 0, 7, -1, 2):
        expected = h.pop(index)
        got = list_pop(heap, lst, index)
        assert got.value == expected
        heap.decref(got)
        assert getsizeof(lst) == sys.getsizeof(h)
        assert sim_values(lst) == h


def test_insert_each_step(heap):
    h = []
    lst = list_new(heap, 0)
    for i in range(40):
        where = (i * 7) % (i + 1) - 3
        h.insert(where, i)
        x = new_int(heap, i)
        list_insert(heap, lst, where, x)
        heap.decref(x)
        assert getsizeof(lst) == sys.getsizeof(h)
    assert sim_values(lst) == h


# --- construction paths ------------------------------------------------------------------------

@pytest.mark.parametrize("n", range(41))
def test_list_of_range(heap, n):
    lst = sim_range_list(heap, n)
    assert getsizeof(lst) == sys.getsizeof(list(range(n)))
    assert sim_values(lst) == list(range(n))


@pytest.mark.parametrize("n", range(31))
def test_repeat_of_one_item(heap, n):
    zero = new_int(heap, 0)
    one = list_build(heap, [zero])
    lst = list_repeat(heap, one, n)
    assert getsizeof(lst) == sys.getsizeof([0] * n)
    assert zero.ob_refcnt == heap.objcfg.static_refcnt + 1 + n


@pytest.mark.parametrize("n", range(31))
def test_comprehension(heap, n):
    lst = list_new(heap, 0)
    for v in range(n):
        list_append_steal(heap, lst, new_int(heap, v * 1000))
    assert getsizeof(lst) == sys.getsizeof([v * 1000 for v in range(n)])


def _const(heap, value):
    if value is None:
        heap.none.ob_refcnt += 1
        return heap.none
    if isinstance(value, tuple):
        return tuple_build(heap, [_const(heap, v) for v in value])
    return new_int(heap, value)


def replay(heap, src, names):
    """Build ``src`` on the simulated heap by replaying the host compiler's own bytecode.

    ``names`` maps a name to (host value, simulated object).  Only the instructions that
    literal displays compile to are understood; anything else fails the test.
    """
    stack = []
    for ins in dis.get_instructions(compile(src, "<literal>", "eval")):
        op = ins.opname
        if op in ("RESUME", "NOP"):
            continue
        if op == "LOAD_CONST":
            stack.append(_const(heap, ins.argval))
        elif op == "LOAD_NAME":
            obj = names[ins.argval][1]
            obj.ob_refcnt += 1
            stack.append(obj)
        elif op == "BUILD_LIST":
            items = stack[len(stack) - ins.arg:]
            del stack[len(stack) - ins.arg:]
            stack.append(list_build(heap, items))
        elif op == "BUILD_TUPLE":
            items = stack[len(stack) - ins.arg:]
            del stack[len(stack) - ins.arg:]
            stack.append(tuple_build(heap, items))
        elif op == "LIST_EXTEND":
            iterable = stack.pop()
            list_extend(heap, stack[-ins.arg], iterable)
            heap.decref(iterable)
        elif op == "LIST_APPEND":
            item = stack.pop()
            list_append_steal(heap, stack[-ins.arg], item)
        elif op == "LIST_TO_TUPLE":
            lst = stack.pop()
            stack.append(tuple_from_list(heap, lst))
            heap.decref(lst)
        elif op == "RETURN_VALUE":
            assert len(stack) == 1
            return stack.pop()
        else:
            raise AssertionError(f"replay does not know {op} in {src!r}")
    raise AssertionError("no RETURN_VALUE")


LITERALS = (
    ["[]"]
    + ["[" + ", ".join(str(i) for i in range(1, n + 1)) + "]" for n in range(1, 13)]
    + ["[None, None, None]", "[a]", "[a, b]", "[a, b, c]", "[a, b, c, a, b]", "[a, 1, 2, 3]",
       "[1, 2, 3, a]", "[*t]", "[1, *t]", "[*t, *t]", "[*t, a, *t, b]", "[*l]", "[*l, *l, 1]",
       "(*t, 1)", "(a, b)", "(1, 2, 3)", "(a, *l)"]
)


@pytest.mark.parametrize("src", LITERALS)
def test_literal_displays(heap, src):
    host_names = {"a": 1001, "b": 1002, "c": 1003, "t": (4, 5, 6), "l": [7, 8, 9, 10, 11]}
    sim_names = {k: (v, _const(heap, v) if not isinstance(v, list)
                     else list_build(heap, ints(heap, v))) for k, v in host_names.items()}
    expected = eval(compile(src, "<literal>", "eval"), {}, dict(host_names))
    obj = replay(heap, src, sim_names)
    assert getsizeof(obj) == sys.getsizeof(expected)


def test_constant_literal_rounds_capacity_to_even(heap):
    for n in range(3, 12):
        const = tuple_build(heap, ints(heap, range(n)))
        lst = list_from_constants(heap, const)
        expected = eval("[" + ", ".join(map(str, range(n))) + "]")
        assert getsizeof(lst) == sys.getsizeof(expected)


# --- extend --------------------------------------------------------------------------------------

@pytest.mark.parametrize("start", [0, 1, 2, 3, 4, 5, 8, 9])
@pytest.mark.parametrize("add", [0, 1, 2, 3, 5, 9, 17])
def test_extend_with_list_and_tuple(heap, start, add):
    for kind in ("list", "tuple"):
        h = [i for i in range(start)]
        h.extend(list(range(add)) if kind == "list" else tuple(range(add)))
        lst = list_new(heap, 0)
        for v in range(start):
            list_append_steal(heap, lst, new_int(heap, v))
        src = list_build(heap, ints(heap, range(add))) if kind == "list" else \
            tuple_build(heap, ints(heap, range(add)))
        list_extend(heap, lst, src)
        assert getsizeof(lst) == sys.getsizeof(h), kind
        assert sim_values(lst) == h


@pytest.mark.parametrize("n", [0, 1, 2, 5, 8, 9, 10, 17, 30])
def test_extend_from_generator_uses_hint_8(heap, n):
    h = []
    h.extend(x for x in range(n))
    lst = list_new(heap, 0)
    list_extend_from_iterable(heap, lst, iter(ints(heap, range(n))), 8)
    assert getsizeof(lst) == sys.getsizeof(h)


@pytest.mark.parametrize("start,n", [(0, 7), (3, 7), (4, 30), (10, 3), (1, 0)])
def test_extend_with_range_uses_its_length(heap, start, n):
    h = [v for v in range(start)]
    h.extend(range(n))
    lst = list_new(heap, 0)
    for v in range(start):
        list_append_steal(heap, lst, new_int(heap, v))
    list_extend_from_iterable(heap, lst, iter(ints(heap, range(n))), n)
    assert getsizeof(lst) == sys.getsizeof(h)


def test_extend_with_itself_and_inplace_concat(heap):
    h = [1, 2, 3]
    h.extend(h)
    h += [4]
    lst = list_from_constants(heap, tuple_build(heap, ints(heap, [1, 2, 3])))
    list_extend(heap, lst, lst)
    four = list_build(heap, ints(heap, [4]))
    res = list_inplace_concat(heap, lst, four)
    assert res is lst and lst.ob_refcnt == 2
    assert getsizeof(lst) == sys.getsizeof(h)
    assert sim_values(lst) == h


def test_list_of_list_and_tuple(heap):
    for n in range(12):
        src = list_build(heap, ints(heap, range(n)))
        assert getsizeof(list_from_sequence(heap, src)) == sys.getsizeof(list(list(range(n))))
        tsrc = tuple_from_list(heap, src)
        assert getsizeof(list_from_sequence(heap, tsrc)) == sys.getsizeof(list(tuple(range(n))))


# --- slices, copies, repetition, concatenation -------------------------------------------------------

SLICES = [(None, None, None), (2, 7, None), (0, 3, None), (-4, None, None), (None, None, 2),
          (1, None, 3), (None, None, -1), (8, 2, -2), (5, 5, None), (30, 40, None),
          (None, None, -3), (-1, -10, -1)]


@pytest.mark.parametrize("n", [0, 1, 5, 10, 17])
@pytest.mark.parametrize("sl", SLICES)
def test_subscript_slices(heap, n, sl):
    h = list(range(n))
    lst = sim_range_list(heap, n)
    s = slice(*sl)
    start, stop, step = s.indices(n)
    start2, stop2, length = slice_adjust_indices(n, *_unpacked(sl), step)
    assert (start2, stop2) == (start, stop) or length == 0
    res = list_subscript_slice(heap, lst, start2, stop2, step, length)
    assert getsizeof(res) == sys.getsizeof(h[s])
    assert sim_values(res) == h[s]


def _unpacked(sl):
    start, stop, step = sl
    step = 1 if step is None else step
    maxsize = sys.maxsize
    if start is None:
        start = maxsize if step < 0 else 0
    if stop is None:
        stop = -maxsize - 1 if step < 0 else maxsize
    return start, stop


def test_copies_concat_repeat(heap):
    for n in (0, 1, 3, 6, 11):
        h = list(range(n))
        lst = sim_range_list(heap, n)
        assert getsizeof(list_copy(heap, lst)) == sys.getsizeof(h.copy())
        assert getsizeof(list_slice(heap, lst, 1, n - 1)) == sys.getsizeof(h[1:n - 1])
        assert getsizeof(list_slice(heap, lst, -5, 100)) == sys.getsizeof(h[0:100])
        assert getsizeof(list_concat(heap, lst, lst)) == sys.getsizeof(h + h)
        for k in (0, 1, 2, 3):
            assert getsizeof(list_repeat(heap, lst, k)) == sys.getsizeof(h * k)


def test_inplace_repeat(heap):
    for n in (1, 2, 3, 5):
        for k in (0, 1, 2, 3, 7):
            h = list(range(n))
            h *= k
            lst = sim_range_list(heap, n)
            res = list_inplace_repeat(heap, lst, k)
            assert res is lst
            heap.decref(res)
            assert getsizeof(lst) == sys.getsizeof(h)
            assert sim_values(lst) == h


def test_concat_type_error(heap):
    lst = list_new(heap, 0)
    t = tuple_pack(heap, new_int(heap, 1))
    with pytest.raises(GuestError) as info:
        list_concat(heap, lst, t)
    try:
        [] + (1,)
    except TypeError as exc:
        assert info.value.message == str(exc)


# --- slice assignment and deletion -----------------------------------------------------------------

ASSIGNMENTS = [(2, 5, 0), (2, 5, 3), (2, 5, 10), (0, 0, 4), (0, 20, 0), (8, 9, 1),
               (0, 20, 2), (3, 3, 30), (1, 15, 0), (0, 12, 1), (-5, -2, 6)]


@pytest.mark.parametrize("n", [0, 3, 12, 20])
@pytest.mark.parametrize("lo,hi,m", ASSIGNMENTS)
def test_slice_assignment(heap, n, lo, hi, m):
    h = list(range(n))
    h[lo:hi] = list(range(100, 100 + m))
    lst = sim_range_list(heap, n)
    v = list_build(heap, ints(heap, range(100, 100 + m)))
    size = len(lst.items)
    # the index clamping of list_ass_subscript for negative bounds happens in the caller
    lo2 = lo + size if lo < 0 else lo
    hi2 = hi + size if hi < 0 else hi
    list_ass_slice(heap, lst, lo2, hi2, v)
    assert getsizeof(lst) == sys.getsizeof(h)
    assert sim_values(lst) == h


@pytest.mark.parametrize("n", [3, 12, 20, 40])
@pytest.mark.parametrize("lo,hi", [(0, 1), (2, 5), (0, 30), (1, 11), (5, 100)])
def test_slice_deletion(heap, n, lo, hi):
    h = list(range(n))
    del h[lo:hi]
    lst = sim_range_list(heap, n)
    list_ass_slice(heap, lst, lo, hi, None)
    assert getsizeof(lst) == sys.getsizeof(h)
    assert sim_values(lst) == h


def test_slice_assignment_of_itself(heap):
    h = list(range(6))
    h[1:3] = h
    lst = sim_range_list(heap, 6)
    list_ass_slice(heap, lst, 1, 3, lst)
    assert sim_values(lst) == h
    assert getsizeof(lst) == sys.getsizeof(h)


@pytest.mark.parametrize("sl", [(None, None, 2), (1, None, 3), (None, None, -1), (8, 2, -2),
                                (None, None, -3), (3, 4, 5)])
@pytest.mark.parametrize("n", [0, 7, 20])
def test_extended_slice_delete_and_assign(heap, n, sl):
    s = slice(*sl)
    start, stop, step = s.indices(n)
    length = len(range(start, stop, step))
    h = list(range(n))
    del h[s]
    lst = sim_range_list(heap, n)
    list_ass_subscript_slice(heap, lst, start, stop, step, length, None)
    assert getsizeof(lst) == sys.getsizeof(h)
    assert sim_values(lst) == h

    h = list(range(n))
    h[s] = list(range(500, 500 + length))
    lst = sim_range_list(heap, n)
    v = list_build(heap, ints(heap, range(500, 500 + length)))
    list_ass_subscript_slice(heap, lst, start, stop, step, length, v)
    assert sim_values(lst) == h


def test_extended_slice_size_mismatch(heap):
    lst = sim_range_list(heap, 6)
    v = list_build(heap, ints(heap, [1]))
    with pytest.raises(GuestError) as info:
        list_ass_subscript_slice(heap, lst, 0, 6, 2, 3, v)
    h = list(range(6))
    with pytest.raises(ValueError) as host_info:
        h[::2] = [1]
    assert info.value.message == str(host_info.value)


# --- item access, clear, reverse -----------------------------------------------------------------

def test_item_access_and_errors(heap):
    lst = sim_range_list(heap, 5)
    assert list_getitem(heap, lst, 4).value == 4
    got = list_item_new_ref(heap, lst, -1)
    assert got.value == 4
    host_messages = {}
    for name, action in (("get", lambda h: h[7]), ("set", lambda h: h.__setitem__(7, 0)),
                         ("pop_empty", lambda h: [].pop()), ("pop", lambda h: h.pop(9))):
        try:
            action(list(range(5)))
        except IndexError as exc:
            host_messages[name] = str(exc)
    checks = (("get", lambda: list_item_new_ref(heap, lst, 7)),
              ("set", lambda: list_ass_item(heap, lst, 7, heap.none)),
              ("pop_empty", lambda: list_pop(heap, list_new(heap, 0))),
              ("pop", lambda: list_pop(heap, lst, 9)))
    for name, action in checks:
        with pytest.raises(GuestError) as info:
            action()
        assert info.value.kind == "IndexError" and info.value.message == host_messages[name]


def test_setitem_steals_and_releases_old(heap):
    lst = list_new(heap, 2)
    a, b, c = ints(heap, [1000, 1001, 1002])
    list_setitem(heap, lst, 0, a)
    list_setitem(heap, lst, 1, b)
    assert a.ob_refcnt == 1
    b.ob_refcnt += 1                      # keep b alive to watch it
    list_setitem(heap, lst, 1, c)
    assert b.ob_refcnt == 1 and sim_values(lst) == [1000, 1002]
    list_ass_item(heap, lst, -2, c)       # not stolen: c is now held twice
    assert c.ob_refcnt == 2


def test_del_item(heap):
    h = list(range(30))
    lst = sim_range_list(heap, 30)
    for i in (0, -1, 5, 10, 0, 3):
        del h[i]
        list_del_item(heap, lst, i)
        assert getsizeof(lst) == sys.getsizeof(h)
    assert sim_values(lst) == h


def test_clear_and_reverse(heap):
    for n in (0, 1, 9, 30):
        h = list(range(n))
        lst = sim_range_list(heap, n)
        h.reverse()
        list_reverse(heap, lst)
        assert sim_values(lst) == h
        h.clear()
        list_clear(heap, lst)
        assert getsizeof(lst) == sys.getsizeof(h)
        assert lst.buf == 0


def test_traverse_is_last_to_first_like_get_referents(heap):
    order = host("""
        import gc
        a, b, c = object(), object(), object()
        print([[a, b, c].index(x) for x in gc.get_referents([a, b, c])])
    """)
    objs = ints(heap, [1000, 1001, 1002])
    lst = list_build(heap, list(objs))
    assert [objs.index(x) for x in list_traverse(lst)] == order


def test_equality(heap):
    a = sim_range_list(heap, 5)
    b = sim_range_list(heap, 5)
    c = sim_range_list(heap, 4)
    assert list_eq(heap, a, b) is (list(range(5)) == list(range(5)))
    assert list_eq(heap, a, c) is (list(range(5)) == list(range(4)))
    t = tuple_from_list(heap, a)
    assert list_eq(heap, a, t) is NotImplemented
    with pytest.raises(GuestError) as info:
        a.ob_type.tp_hash(heap, a)
    try:
        hash([])
    except TypeError as exc:
        assert info.value.message == str(exc)


# --- refcounts -----------------------------------------------------------------------------------

REFCOUNT_OPS = {
    "append": "l.append(o)",
    "repeat3": "l = [o] * 3",
    "extend_self": "l = [o, o]; l.extend(l)",
    "insert": "l.insert(0, o)",
    "slice_copy": "l = [o, 1, o]; m = l[:]",
    "imul": "l = [o, o]; l *= 3",
    "pop_keep": "l = [o]; p = l.pop()",
    "clear": "l = [o, o]; l.clear()",
    "del_slice": "l = [o] * 12; del l[2:11]",
}


@pytest.mark.parametrize("name", sorted(REFCOUNT_OPS))
def test_refcount_deltas(heap, name):
    code = REFCOUNT_OPS[name]
    ns = {"o": object(), "l": [], "sys": sys}
    before = sys.getrefcount(ns["o"])
    exec(code, ns)
    expected = sys.getrefcount(ns["o"]) - before
    o = new_int(heap, 123456)
    base = o.ob_refcnt
    lst = list_new(heap, 0)
    if name == "append":
        list_append(heap, lst, o)
    elif name == "repeat3":
        one = list_build(heap, [o])
        o.ob_refcnt += 1
        lst = list_repeat(heap, one, 3)
        heap.decref(one)
    elif name == "extend_self":
        o.ob_refcnt += 2
        lst = list_build(heap, [o, o])
        list_extend(heap, lst, lst)
    elif name == "insert":
        list_insert(heap, lst, 0, o)
    elif name == "slice_copy":
        o.ob_refcnt += 2
        lst = list_build(heap, [o, new_int(heap, 1), o])
        list_copy(heap, lst)
    elif name == "imul":
        o.ob_refcnt += 2
        lst = list_build(heap, [o, o])
        heap.decref(list_inplace_repeat(heap, lst, 3))
    elif name == "pop_keep":
        o.ob_refcnt += 1
        lst = list_build(heap, [o])
        list_pop(heap, lst)
    elif name == "clear":
        o.ob_refcnt += 2
        lst = list_build(heap, [o, o])
        list_clear(heap, lst)
    elif name == "del_slice":
        o.ob_refcnt += 1
        one = list_build(heap, [o])
        lst = list_repeat(heap, one, 12)
        heap.decref(one)
        list_ass_slice(heap, lst, 2, 11, None)
    assert o.ob_refcnt - base == expected


# --- free list and identity --------------------------------------------------------------------------

def test_free_list_is_lifo(heap):
    order = host("""
        import gc
        gc.disable(); gc.collect()
        def f():
            l1 = []; l2 = []; l3 = []
            ids = [id(l1), id(l2), id(l3)]
            del l1, l2, l3
            m1 = []; m2 = []; m3 = []
            return [ids.index(id(m)) if id(m) in ids else -1 for m in (m1, m2, m3)]
        print(f())
    """)
    olds = [list_new(heap, 0) for _ in range(3)]
    ids = [o.addr for o in olds]
    for o in olds:
        heap.decref(o)
    news = [list_new(heap, 0) for _ in range(3)]
    assert [ids.index(m.addr) if m.addr in ids else -1 for m in news] == order


def test_generic_alloc_bypasses_free_list(heap):
    expected = host("""
        import gc
        gc.disable(); gc.collect()
        def f():
            l = [1, 2]; i = id(l); del l
            m = list()
            n = []
            return [id(m) == i, id(n) == i]
        print(f())
    """)
    one, two = ints(heap, [1, 2])
    lst = list_build(heap, [one, two])
    i = lst.addr
    heap.decref(lst)
    m = list_new_generic(heap)
    n = list_new(heap, 0)
    assert [m.addr == i, n.addr == i] == expected


def test_free_list_cap_and_gc_counts(heap):
    expected = host("""
        import gc
        gc.disable(); gc.collect()
        def f():
            gc.get_count()        # warm up: its result tuple now comes from the free list
            c = lambda: gc.get_count()[0]
            out = []
            c0 = c(); a = []; out.append(c() - c0)            # fresh shell
            c0 = c(); del a; out.append(c() - c0)             # shell to the free list
            c0 = c(); a = []; out.append(c() - c0)            # shell from the free list
            c0 = c(); b = list(); out.append(c() - c0)        # generic alloc
            c0 = c(); del a, b; out.append(c() - c0)
            many = [[] for _ in range(100)]
            c0 = c(); del many; out.append(c() - c0)          # 80 kept, 21 freed
            return out
        print(f())
    """)
    gc = heap.gc
    out = []
    c0 = gc.count[0]; a = list_new(heap, 0); out.append(gc.count[0] - c0)
    c0 = gc.count[0]; heap.decref(a); out.append(gc.count[0] - c0)
    c0 = gc.count[0]; a = list_new(heap, 0); out.append(gc.count[0] - c0)
    c0 = gc.count[0]; b = list_new_generic(heap); out.append(gc.count[0] - c0)
    c0 = gc.count[0]; heap.decref(a); heap.decref(b); out.append(gc.count[0] - c0)
    many = list_new(heap, 0)
    for _ in range(100):
        list_append_steal(heap, many, list_new(heap, 0))
    c0 = gc.count[0]; heap.decref(many); out.append(gc.count[0] - c0)
    assert out == expected
    assert len(heap.list_freelist) == heap.list_freelist_max


# --- the heap audit --------------------------------------------------------------------------------

def test_heap_audit_after_mixed_operations(heap):
    """After a mix of operations, refcounts, tracking and block ownership all agree (the
    reclaim layer's audit: every block belongs to a live object, a buffer or a free list)."""
    audit = pytest.importorskip("heapsim.reclaim.audit")
    if getattr(heap, "reclaim", None) is None:
        pytest.skip("the reclaim layer is not installed")
    keep = []
    big = sim_range_list(heap, 300)                      # raw item array
    keep.append(big)
    for i in range(30):
        x = new_int(heap, 10_000 + i)
        list_append(heap, big, x)
        heap.decref(x)
    part = list_subscript_slice(heap, big, 10, 200, 3, len(range(10, 200, 3)))
    keep.append(list_concat(heap, part, part))
    heap.decref(part)
    list_ass_slice(heap, big, 5, 150, None)
    list_ass_subscript_slice(heap, big, 0, 60, 4, 15, None)
    t = tuple_from_list(heap, big)
    keep.append(tuple_pack(heap, t, big, heap.none))
    heap.decref(t)
    popped = [list_pop(heap, big, 0) for _ in range(40)]
    for x in popped:
        heap.decref(x)
    small = list_new(heap, 0)
    list_insert(heap, small, 0, heap.none)
    heap.decref(list_pop(heap, small))                   # array reallocated to 0 bytes
    keep.append(small)
    for _ in range(90):                                  # fill the list free list past 80
        heap.decref(list_new(heap, 3))
    stop = new_int(heap, 2**70)
    r = range_new(heap, stop)                            # arguments are borrowed
    heap.decref(stop)
    keep.append(r)
    it = range_iter(heap, r)
    heap.decref(rangeiter_next(heap, it))
    keep.append(it)
    audit.check_heap(heap, roots=keep)
    for obj in keep:
        heap.decref(obj)
    audit.check_heap(heap)

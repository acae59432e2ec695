"""``sys.getallocatedblocks()`` deltas: replayed allocation sequences against the host.

Each scenario is a small host program and its replay on a fresh simulated heap.  The host
program runs in a subprocess; it disables the collector and calls ``gc.collect()`` (which
empties the tuple, list, dict and float free lists) before it starts counting, takes a
"mark" (``sys.getallocatedblocks()``) after each step into a list allocated beforehand, and
prints the deltas only at the end.

How the host's own bookkeeping is kept out of the numbers:

* Every mark is an int above 256, i.e. one new block that stays alive in ``marks``.  The
  first two marks are taken back to back, so their difference is the cost of one mark (the
  host measures it; it is not assumed), and it is subtracted from every later delta.
* Everything runs inside a function: locals live in the frame, which allocates nothing, so
  no module-dict growth and no boxed loop counters leak into the counts.
* Loop indices and the indices used to store marks are small ints (-5..256): statically
  allocated, never blocks.
* CPython's method cache (the ``_PyType_Lookup`` cache of Objects/typeobject.c) holds a
  reference to each cached name and picks its slot from the name's *address*, so where an
  entry lands varies from run to run (address-space randomisation).  The first lookup of
  ``list.append`` in a run may evict an entry whose name nothing else holds, freeing a block
  inside a measured step: the scenarios that called ``l.append``/``l.pop`` in a measured step
  failed now and then, one block short.  The prelude looks up every list method the
  scenarios call before counting starts, so the measured lookups all hit the cache (an
  eviction then drops a name the code object still holds: no block is freed).
  tests/objects/test_set.py warms the set methods for the same reason.

What the host programs allocate incidentally, and how the replay handles it:

* ``range(...)`` objects and their iterators: replayed exactly (``range_new``, ``range_iter``,
  the range released after ``GET_ITER``, the iterator when the loop ends).  A ``for`` loop's
  iterator is alive between marks and is part of the deltas, so it has to be replayed.
* The function object a list comprehension or generator expression creates, and the
  generator object of a generator expression: allocated before the step and freed before
  its mark, so they cancel in the delta; they are not replayed (those types are not part of
  this module).
* The slice cache: whether the host's ``interp->slice_cache`` holds a dead slice when the
  program starts depends on what ran before (``gc.collect()`` does not clear it), while a
  fresh simulated heap has none.  Scenarios that slice run ``s = slice(None); del s`` on
  both sides before counting starts, after which each side has exactly one parked slice,
  inside its baseline.
"""

import ast
import os
import subprocess
import sys
import textwrap

from heapsim.objects.list_slices import list_subscript_slice, list_inplace_repeat, list_repeat
from heapsim.objects.listobject import (
    list_append, list_append_steal, list_ass_slice, list_build, list_clear_freelist,
    list_extend_from_iterable, list_new, list_new_generic, list_pop,
)
from heapsim.objects.longobject import new_int
from heapsim.objects.rangeobject import range_iter, range_length, range_new, rangeiter_next
from heapsim.objects.sliceobject import slice_indices, slice_new
from heapsim.objects.tupleobject import tuple_build, tuple_clear_freelists, tuple_from_iterable

PRELUDE = """
import gc, sys
def main():
    get = sys.getallocatedblocks
    marks = [0] * 200
    warm = [None]
    warm.append(None); warm.pop(); warm.extend(()); warm.insert(0, None); warm.copy()
    warm.clear(); del warm
    gc.disable(); gc.collect()
SETUP
    marks[0] = get()
    marks[1] = get()
"""

EPILOGUE = """
    return marks
marks = main()
unit = marks[1] - marks[0]
last = max(i for i, m in enumerate(marks) if m)
print([marks[i + 1] - marks[i] - unit for i in range(1, last)])
"""


def host_deltas(body, setup="pass"):
    """Run ``body`` (function-level code storing ``marks[2]``, ``marks[3]``, ...) on the host
    after ``setup`` (which runs before counting starts); return each step's block change."""
    code = PRELUDE.replace("SETUP", "    " + setup) + \
        textwrap.indent(textwrap.dedent(body), "    ") + EPILOGUE
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    return ast.literal_eval(out.stdout.strip())


class Marks:
    """The simulated side of the marks: deltas of ``allocated_blocks()`` between steps."""

    def __init__(self, heap):
        self.heap = heap
        self.last = heap.allocator.allocated_blocks()
        self.deltas = []

    def __call__(self):
        now = self.heap.allocator.allocated_blocks()
        self.deltas.append(now - self.last)
        self.last = now


class Consts:
    """The code object's constants: created before counting starts, as the host's exist in
    ``co_consts`` before its function runs.  ``consts[v]`` is a borrowed reference."""

    def __init__(self, heap, *values):
        self.objs = {v: new_int(heap, v) for v in values}

    def __getitem__(self, value):
        return self.objs[value]


def for_range(heap, *args):
    """``for x in range(*args)`` (args are constant objects): the range, ``GET_ITER``, the
    range released; yields the loop's values (new references) and releases the iterator when
    it is exhausted."""
    r = range_new(heap, *args)
    it = range_iter(heap, r)
    heap.decref(r)
    while True:
        x = rangeiter_next(heap, it)
        if x is None:
            break
        yield x
    heap.decref(it)


def sim_slice(heap, lst, lo, hi):
    """``lst[lo:hi]`` in 3.11 (lo, hi constant objects): ``BUILD_SLICE`` (the cache),
    ``BINARY_SUBSCR``, release."""
    s = slice_new(heap, lo, hi)
    start, stop, step, length = slice_indices(heap, s, len(lst.items))
    res = list_subscript_slice(heap, lst, start, stop, step, length)
    heap.decref(s)
    return res


def prime_slice_cache(heap):
    s = slice_new(heap)
    heap.decref(s)


# --- scenarios ---------------------------------------------------------------------------------

def test_thousand_ints_in_a_list(heap):
    expected = host_deltas("""
        l = [i for i in range(257, 1257)]
        marks[2] = get()
        del l
        marks[3] = get()
    """)
    c = Consts(heap, 257, 1257)
    mark = Marks(heap)
    lst = list_new(heap, 0)
    for x in for_range(heap, c[257], c[1257]):
        list_append_steal(heap, lst, x)
    mark()
    heap.decref(lst)
    mark()
    assert mark.deltas == expected


def test_thousand_two_tuples(heap):
    expected = host_deltas("""
        t = [(i, i) for i in range(257, 1257)]
        marks[2] = get()
        del t
        marks[3] = get()
    """)
    c = Consts(heap, 257, 1257)
    mark = Marks(heap)
    lst = list_new(heap, 0)
    for x in for_range(heap, c[257], c[1257]):
        x.ob_refcnt += 2                    # LOAD_FAST i, twice
        list_append_steal(heap, lst, tuple_build(heap, [x, x]))
        heap.decref(x)                      # the loop variable moves on
    mark()
    heap.decref(lst)      # ints freed, 2-tuple shells kept on their free list, array freed
    mark()
    assert mark.deltas == expected


def test_full_collection_clears_the_free_lists(heap):
    expected = host_deltas("""
        t = [(i, i) for i in range(257, 1257)]
        del t
        marks[2] = get()
        gc.collect()
        marks[3] = get()
    """)
    c = Consts(heap, 257, 1257)
    mark = Marks(heap)
    lst = list_new(heap, 0)
    for x in for_range(heap, c[257], c[1257]):
        x.ob_refcnt += 2
        list_append_steal(heap, lst, tuple_build(heap, [x, x]))
        heap.decref(x)
    heap.decref(lst)
    mark()
    tuple_clear_freelists(heap)
    list_clear_freelist(heap)
    mark()
    assert mark.deltas == expected


def test_item_array_grows_past_512_bytes_by_appends(heap):
    expected = host_deltas("""
        l = []
        marks[2] = get()
        for k in range(100):
            l.append(None)
            marks[3 + k] = get()
        del l
        marks[103] = get()
    """)
    c = Consts(heap, 100)
    mark = Marks(heap)
    lst = list_new(heap, 0)
    mark()
    for k in for_range(heap, c[100]):
        list_append(heap, lst, heap.none)
        heap.decref(k)
        mark()
    heap.decref(lst)
    mark()
    assert mark.deltas == expected
    assert lst.ob_type is heap.list_type and heap.list_freelist[-1] is lst


def test_list_of_range_and_repetition(heap):
    expected = host_deltas("""
        x = list(range(300, 1300))
        marks[2] = get()
        del x
        marks[3] = get()
        y = [None] * 1000
        marks[4] = get()
        y *= 3
        marks[5] = get()
        del y
        marks[6] = get()
        z = [None] * 10
        z *= 7
        marks[7] = get()
        del z
        marks[8] = get()
    """)
    c = Consts(heap, 300, 1300, 1000, 3, 10, 7)
    mark = Marks(heap)
    r = range_new(heap, c[300], c[1300])
    x = list_new_generic(heap)
    it = range_iter(heap, r)
    list_extend_from_iterable(heap, x, iter(lambda: rangeiter_next(heap, it), None),
                              range_length(r))
    heap.decref(it)
    heap.decref(r)
    mark()
    heap.decref(x)
    mark()
    for count, factor in ((1000, 3), (10, 7)):
        heap.none.ob_refcnt += 1
        one = list_build(heap, [heap.none])
        y = list_repeat(heap, one, count)
        heap.decref(one)
        if count == 1000:
            mark()
        heap.decref(list_inplace_repeat(heap, y, factor))
        mark()
        heap.decref(y)
        mark()
    assert mark.deltas == expected


def test_slices_copies_and_slice_deletion(heap):
    expected = host_deltas("""
        l = [i for i in range(257, 1257)]
        marks[2] = get()
        m = l[100:900]
        marks[3] = get()
        del m
        marks[4] = get()
        del l[100:900]
        marks[5] = get()
        l[10:20] = l[150:190]
        marks[6] = get()
        del l
        marks[7] = get()
    """, setup="s = slice(None); del s")
    c = Consts(heap, 257, 1257, 100, 900, 10, 20, 150, 190)
    prime_slice_cache(heap)
    mark = Marks(heap)
    lst = list_new(heap, 0)
    for x in for_range(heap, c[257], c[1257]):
        list_append_steal(heap, lst, x)
    mark()
    m = sim_slice(heap, lst, c[100], c[900])
    mark()
    heap.decref(m)
    mark()
    s = slice_new(heap, c[100], c[900])
    start, stop, step, length = slice_indices(heap, s, len(lst.items))
    list_ass_slice(heap, lst, start, stop, None)
    heap.decref(s)
    mark()
    part = sim_slice(heap, lst, c[150], c[190])
    s = slice_new(heap, c[10], c[20])
    start, stop, step, length = slice_indices(heap, s, len(lst.items))
    list_ass_slice(heap, lst, start, stop, part)
    heap.decref(part)
    heap.decref(s)
    mark()
    heap.decref(lst)
    mark()
    assert mark.deltas == expected


def test_tuple_from_a_generator_resizes_in_place(heap):
    expected = host_deltas("""
        t = tuple(x for x in range(300, 1300))
        marks[2] = get()
        del t
        marks[3] = get()
        u = tuple(x for x in range(300, 315))
        marks[4] = get()
        del u
        marks[5] = get()
    """)
    c = Consts(heap, 300, 1300, 315)
    mark = Marks(heap)
    for lo, hi in ((300, 1300), (300, 315)):
        gen = for_range(heap, c[lo], c[hi])
        t = tuple_from_iterable(heap, gen, 10)    # a generator has no length hint: 10
        mark()
        heap.decref(t)
        mark()
    assert mark.deltas == expected


def test_appending_then_popping_everything(heap):
    expected = host_deltas("""
        l = []
        for k in range(70):
            l.append(k * 1000)
        marks[2] = get()
        for k in range(70):
            l.pop()
        marks[3] = get()
        l.append(None)
        marks[4] = get()
        del l
        marks[5] = get()
    """)
    c = Consts(heap, 70, 1000)
    mark = Marks(heap)
    lst = list_new(heap, 0)
    for k in for_range(heap, c[70]):
        list_append_steal(heap, lst, new_int(heap, k.value * 1000))
        heap.decref(k)
    mark()
    for k in for_range(heap, c[70]):
        heap.decref(list_pop(heap, lst))
        heap.decref(k)
    mark()
    list_append(heap, lst, heap.none)
    mark()
    heap.decref(lst)
    mark()
    assert mark.deltas == expected

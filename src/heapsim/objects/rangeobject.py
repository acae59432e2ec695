"""``range`` and its iterators (Objects/rangeobject.c).

A range is not a GC object: ``PyObject_New`` of 48 bytes holding four int references,
``start``, ``stop``, ``step`` and ``length``.  Creating one computes the length with int
arithmetic (``compute_range_length``), whose temporaries are allocated and freed as CPython's
are, so a ``range(1000)`` leaves exactly one new int (the length) behind it and frees three.

Iterating goes through one of two 48-byte, non-GC iterator types: ``range_iterator``
(``rangeiterobject``, four C longs, used whenever start, stop, step and the length fit a C
long) or ``longrange_iterator`` (four int references).  Each ``next`` returns a new int
(a small int from the cache for -5..256).

Only exact ints and bools are accepted as arguments here; objects with ``__index__`` are
converted by the interpreter before it calls ``range_new``.
"""

from heapsim.base.errors import GuestError, Unsupported
from heapsim.objects.core import (
    PyObject, TPFLAGS_HEAPTYPE, TPFLAGS_LONG_SUBCLASS, TPFLAGS_SEQUENCE, make_static_type,
)
from heapsim.objects.longobject import new_int
from heapsim.objects.tupleobject import tuple_new, tuple_tp_hash

RANGE_SIZE = 48            # sizeof(rangeobject)
RANGEITER_SIZE = 48        # sizeof(rangeiterobject) and sizeof(longrangeiterobject)
LONG_MAX = (1 << 63) - 1
LONG_MIN = -(1 << 63)


# ``RangeObject`` is ``rangeobject``: the four fields are references to int objects.
class RangeObject(PyObject):
    """``rangeobject``."""

    __slots__ = ("start", "stop", "step", "length")


# ``RangeIterObject`` is ``rangeiterobject``: C longs, so host ints here, not objects.
class RangeIterObject(PyObject):
    """``rangeiterobject``."""

    __slots__ = ("index", "start", "step", "len")


# ``LongRangeIterObject`` is ``longrangeiterobject``: the same four fields as int references.
class LongRangeIterObject(PyObject):
    """``longrangeiterobject``."""

    __slots__ = ("index", "start", "step", "len")


def _range_traverse(r):
    return (r.start, r.stop, r.step, r.length)


def _longrangeiter_traverse(it):
    return tuple(o for o in (it.index, it.start, it.step, it.len) if o is not None)


def init(heap):
    range_type = make_static_type(
        "range", RANGE_SIZE, 0, TPFLAGS_SEQUENCE, base=heap.object_type,
        dealloc=range_dealloc, traverse=_range_traverse, hash=range_hash, eq=range_eq)
    heap.register_static_type(range_type)
    heap.range_type = range_type
    it_type = make_static_type("range_iterator", RANGEITER_SIZE, 0, 0, base=heap.object_type,
                               dealloc=_rangeiter_dealloc)
    heap.register_static_type(it_type)
    heap.range_iterator_type = it_type
    lit_type = make_static_type("longrange_iterator", RANGEITER_SIZE, 0, 0,
                                base=heap.object_type, dealloc=_longrangeiter_dealloc,
                                traverse=_longrangeiter_traverse)
    heap.register_static_type(lit_type)
    heap.longrange_iterator_type = lit_type


# --- construction --------------------------------------------------------------------------------

def number_index(heap, obj):
    """``PyNumber_Index`` for ints and bools: a new reference to an exact int.

    An exact int is returned itself; a bool or int subclass is copied (``_PyLong_Copy``).
    """
    tp = obj.ob_type
    if tp is heap.int_type:
        obj.ob_refcnt += 1
        return obj
    if tp.flags & TPFLAGS_LONG_SUBCLASS or tp is heap.bool_type:
        return new_int(heap, obj.value)
    if tp.flags & TPFLAGS_HEAPTYPE:
        raise Unsupported("__index__ of a user-defined class in range()")
    raise GuestError("TypeError", f"'{tp.name}' object cannot be interpreted as an integer")


def range_new(heap, start, stop=None, step=None):
    """``range(stop)`` (``stop`` None) or ``range(start, stop[, step])``: a new reference.

    The arguments are borrowed.  A zero step raises ``ValueError``.
    """
    if stop is None:
        stop = number_index(heap, start)
        start = heap.small_ints[5]
        start.ob_refcnt += 1
        step = heap.small_ints[6]
        step.ob_refcnt += 1
    else:
        start = number_index(heap, start)
        try:
            stop = number_index(heap, stop)
        except BaseException:
            heap.decref(start)
            raise
        if step is None:
            step = heap.small_ints[6]
            step.ob_refcnt += 1
        else:
            try:
                step = number_index(heap, step)
            except BaseException:
                heap.decref(start)
                heap.decref(stop)
                raise
            if step.value == 0:
                heap.decref(step)
                heap.decref(start)
                heap.decref(stop)
                raise GuestError("ValueError", "range() arg 3 must not be zero")
    return make_range_object(heap, start, stop, step)


def make_range_object(heap, start, stop, step):
    """``make_range_object``: steals start, stop and step; computes the length first."""
    length = compute_range_length(heap, start, stop, step)
    r = RangeObject.__new__(RangeObject)
    r.ob_refcnt = 1
    r.ob_type = heap.range_type
    r.addr = heap.malloc(RANGE_SIZE)
    r.start = start
    r.stop = stop
    r.step = step
    r.length = length
    return r


def compute_range_length(heap, start, stop, step):
    """``compute_range_length``: the length as a new int, via CPython's temporaries.

    For step > 0: ``((stop - start) - 1) // step + 1``, each operation a new int (small ones
    from the cache) and the three temporaries freed in CPython's order.  For step < 0 the
    negated step is one more temporary.  Only single-digit operands have CPython's exact digit
    counts for the temporaries (medium values); larger ones use the normalised count.
    """
    if step.value > 0:
        lo, hi = start.value, stop.value
        step.ob_refcnt += 1
    else:
        lo, hi = stop.value, start.value
        step = new_int(heap, -step.value)
    if lo >= hi:
        heap.decref(step)
        zero = heap.small_ints[5]
        zero.ob_refcnt += 1
        return zero
    tmp1 = new_int(heap, hi - lo)
    diff = new_int(heap, tmp1.value - 1)
    tmp2 = new_int(heap, diff.value // step.value)
    result = new_int(heap, tmp2.value + 1)
    heap.decref(tmp2)
    heap.decref(diff)
    heap.decref(step)
    heap.decref(tmp1)
    return result


def range_dealloc(heap, r):
    """``range_dealloc``: release start, stop, step, length; ``PyObject_Free``."""
    heap.decref(r.start)
    heap.decref(r.stop)
    heap.decref(r.step)
    heap.decref(r.length)
    heap.free(r.addr)


def range_length(r):
    """``len(r)`` as a host int."""
    return r.length.value


# --- hashing and comparison ----------------------------------------------------------------------

def range_hash(heap, r):
    """``range_hash``: the hash of ``(len, start, step)`` with None for what does not matter,
    computed on a real 3-tuple (``PyTuple_New(3)``), which is then released."""
    t = tuple_new(heap, 3)
    items = t.items
    r.length.ob_refcnt += 1
    items[0] = r.length
    none = heap.none
    if r.length.value == 0:
        none.ob_refcnt += 2
        items[1] = none
        items[2] = none
    else:
        r.start.ob_refcnt += 1
        items[1] = r.start
        if r.length.value == 1:
            none.ob_refcnt += 1
            items[2] = none
        else:
            r.step.ob_refcnt += 1
            items[2] = r.step
    try:
        return tuple_tp_hash(heap, t)
    finally:
        heap.decref(t)


def range_eq(heap, a, b):
    """``range_richcompare(a, b, Py_EQ)``: equal as sequences (length, then start, then step
    when there are two or more items)."""
    if b.ob_type is not heap.range_type:
        return NotImplemented
    if a is b:
        return True
    if a.length.value != b.length.value:
        return False
    if a.length.value == 0:
        return True
    if a.start.value != b.start.value:
        return False
    if a.length.value == 1:
        return True
    return a.step.value == b.step.value


# --- iteration -----------------------------------------------------------------------------------

def _len_of_range(lo, hi, step):
    """``get_len_of_range``."""
    if step > 0 and lo < hi:
        return 1 + (hi - 1 - lo) // step
    if step < 0 and lo > hi:
        return 1 + (lo - 1 - hi) // (-step)
    return 0


def range_iter(heap, r):
    """``iter(r)`` (``range_iter``): a new ``range_iterator`` when everything fits a C long,
    else a ``longrange_iterator``."""
    lstart = r.start.value
    lstop = r.stop.value
    lstep = r.step.value
    fits = LONG_MIN <= lstart <= LONG_MAX and LONG_MIN <= lstop <= LONG_MAX \
        and LONG_MIN <= lstep <= LONG_MAX
    if fits:
        ulen = _len_of_range(lstart, lstop, lstep)
        if ulen > LONG_MAX:
            fits = False
        elif ulen:
            if lstep > 0:
                fits = lstop <= LONG_MAX - (lstep - 1)
            else:
                fits = lstop >= LONG_MIN + (-1 - lstep)
    if fits:
        it = RangeIterObject.__new__(RangeIterObject)
        it.ob_refcnt = 1
        it.ob_type = heap.range_iterator_type
        it.addr = heap.malloc(RANGEITER_SIZE)
        it.index = 0
        it.start = lstart
        it.step = lstep
        it.len = ulen
        return it
    it = LongRangeIterObject.__new__(LongRangeIterObject)
    it.ob_refcnt = 1
    it.ob_type = heap.longrange_iterator_type
    it.addr = heap.malloc(RANGEITER_SIZE)
    it.start = r.start
    it.step = r.step
    it.len = r.length
    it.index = heap.small_ints[5]
    r.start.ob_refcnt += 1
    r.step.ob_refcnt += 1
    r.length.ob_refcnt += 1
    it.index.ob_refcnt += 1
    return it


def rangeiter_next(heap, it):
    """``tp_iternext`` of both iterator types: a new int, or None when exhausted."""
    if it.ob_type is heap.range_iterator_type:
        index = it.index
        if index < it.len:
            it.index = index + 1
            return new_int(heap, it.start + index * it.step)
        return None
    index = it.index
    if not index.value < it.len.value:
        return None
    new_index = new_int(heap, index.value + 1)
    product = new_int(heap, index.value * it.step.value)
    result = new_int(heap, it.start.value + product.value)
    heap.decref(product)
    it.index = new_index
    heap.decref(index)
    return result


def rangeiter_length_hint(it):
    """``__length_hint__`` of either iterator, as a host int."""
    if isinstance(it, RangeIterObject):
        return it.len - it.index
    return it.len.value - it.index.value


def _rangeiter_dealloc(heap, it):
    heap.free(it.addr)


def _longrangeiter_dealloc(heap, it):
    heap.xdecref(it.index)
    heap.xdecref(it.start)
    heap.xdecref(it.step)
    heap.xdecref(it.len)
    heap.free(it.addr)

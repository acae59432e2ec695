"""``bytearray`` (Objects/bytearrayobject.c): a fixed object and a separately grown buffer.

``PyByteArrayObject`` is 56 bytes: the var-object header (``ob_size`` is the logical length),
``ob_alloc`` (bytes in the buffer), ``ob_bytes`` (the buffer, NULL while nothing was ever
stored), ``ob_start`` (where the logical contents begin inside the buffer: deleting from the
front only moves it) and ``ob_exports`` (live buffer exports, which forbid resizing).  The
buffer is a separate ``PyObject_Malloc`` block, always with room for a trailing NUL, and
``sys.getsizeof`` is ``56 + ob_alloc`` (the buffer counts whether or not it is full).  It is
not a GC type: it holds no references.

Here the object is ``ByteArrayObject``: ``value`` is a host ``bytearray`` with the logical
contents (its length is ``ob_size``), ``alloc`` is ``ob_alloc``, ``buffer`` the address of the
buffer block (0 for NULL), ``start`` the offset ``ob_start - ob_bytes`` and ``exports`` the
export count.

Growth is ``PyByteArray_Resize``'s rule, the one thing that decides sizes here:

* a new size that still fits behind ``ob_start`` with its NUL keeps the buffer, unless it is
  below half the allocation, when the buffer is reallocated to exactly ``size + 1``;
* growing to at most 1.125 times the allocation over-allocates like lists do,
  ``size + size/8 + (3 if size < 9 else 6)``; a bigger jump allocates exactly ``size + 1``;
* with a non-zero ``ob_start`` offset the new buffer is a fresh block (then the old one is
  freed); otherwise the buffer is ``PyObject_Realloc``'d.
"""

from heapsim.base.errors import GuestError, OutOfMemory
from heapsim.objects.core import (
    PyObject, TPFLAGS_BASETYPE, TPFLAGS_BYTES_SUBCLASS, TPFLAGS_MATCH_SELF, make_static_type,
    unhashable,
)
from heapsim.objects.floatobject import free_by_type
from heapsim.objects.sizecheck import ensure_bytes

BYTEARRAY_SIZE = 56     # sizeof(PyByteArrayObject)
EXTEND_DEFAULT_HINT = 32    # bytearray.extend's PyObject_LengthHint default


class ByteArrayObject(PyObject):
    """``PyByteArrayObject``; see the module docstring for the fields."""

    __slots__ = ("value", "alloc", "buffer", "start", "exports")


def bytearray_sizeof(obj):
    """``bytearray.__sizeof__``: the object plus the whole allocation."""
    return BYTEARRAY_SIZE + obj.alloc


def bytearray_buffers(obj):
    """The buffer block, for the heap audit."""
    return (obj.buffer,) if obj.buffer else ()


def bytearray_eq(heap, a, b):
    """``bytearray_richcompare(a, b, Py_EQ)``: equal to any bytes or bytearray of the same bytes."""
    tp = b.ob_type
    if tp.flags & TPFLAGS_BYTES_SUBCLASS:
        return a.value == b.value
    bytearray_type = heap.bytearray_type
    while tp is not None:
        if tp is bytearray_type:
            return a.value == b.value
        tp = tp.base
    return NotImplemented


def _bytearray_dealloc(heap, obj):
    if obj.buffer:
        heap.free(obj.buffer)
        obj.buffer = 0
    if obj.ob_type is heap.bytearray_type:
        heap.free(obj.addr)
    else:
        free_by_type(heap, obj)


def init(heap):
    bytearray_type = make_static_type(
        "bytearray", BYTEARRAY_SIZE, 0, TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF,
        base=heap.object_type, sizeof=bytearray_sizeof, dealloc=_bytearray_dealloc,
        hash=unhashable, eq=bytearray_eq, buffers=bytearray_buffers)
    heap.register_static_type(bytearray_type)
    heap.bytearray_type = bytearray_type


# --- construction ----------------------------------------------------------------------------

def _new_empty(heap):
    """``PyType_GenericAlloc`` / ``PyObject_New``: a 56-byte object without a buffer."""
    obj = ByteArrayObject.__new__(ByteArrayObject)
    obj.ob_refcnt = 1
    obj.ob_type = heap.bytearray_type
    obj.value = bytearray()
    obj.alloc = 0
    obj.buffer = 0
    obj.start = 0
    obj.exports = 0
    obj.addr = heap.malloc(BYTEARRAY_SIZE)
    return obj


def bytearray_new(heap, initial=b""):
    """``bytearray(initial)``: a new reference.

    ``initial`` is the contents of a buffer object (bytes, bytearray, memoryview), an int
    (that many zero bytes), or an exact list or tuple of ints given as their bytes: all take
    the same path, one ``PyByteArray_Resize`` from empty to the exact size.  Iterables that
    are none of these go through ``bytearray_new_from_iter``.
    """
    obj = _new_empty(heap)
    if isinstance(initial, int):
        if initial < 0:
            heap.decref(obj)
            raise GuestError("ValueError", "negative count")
        n = initial
    else:
        n = len(initial)
    if n:
        try:
            ensure_bytes(heap, n)
            _resize_memory(heap, obj, 0, n)
        except OutOfMemory:
            heap.decref(obj)
            raise
        obj.value[:] = bytes(initial) if isinstance(initial, int) else initial
    return obj


def bytearray_new_from_iter(heap, items):
    """``bytearray(iterable)`` for an iterable that is not a buffer, list or tuple.

    ``items`` is a host iterable of ints 0..255 (a generator may produce them from guest
    objects one at a time); each is appended as ``bytearray___init__``'s loop does, which
    resizes only when the next byte and its NUL would not fit.
    """
    obj = _new_empty(heap)
    value = obj.value
    for item in items:
        n = len(value)
        if n + 1 >= obj.alloc:
            _resize_memory(heap, obj, n, n + 1)
        value.append(item)
    return obj


def bytearray_from_string_and_size(heap, data):
    """``PyByteArray_FromStringAndSize``: exactly ``len + 1`` bytes of buffer (none if empty).

    Used for slices, copies, concatenation and repetition results.
    """
    obj = _new_empty(heap)
    n = len(data)
    if n:
        try:
            obj.buffer = heap.malloc(n + 1)
        except OutOfMemory:
            heap.decref(obj)            # Py_DECREF(new), then PyErr_NoMemory
            raise
        obj.alloc = n + 1
        obj.value[:] = data
    return obj


# --- resizing --------------------------------------------------------------------------------

def _resize_memory(heap, obj, size, requested):
    """The memory half of ``PyByteArray_Resize`` from ``size`` to ``requested`` bytes.

    Adjusts ``alloc``, ``buffer`` and ``start``; the caller adjusts ``value``.
    """
    if requested == size:
        return
    if obj.exports:
        raise GuestError("BufferError", "Existing exports of data: object cannot be re-sized")
    alloc = obj.alloc
    offset = obj.start
    if requested + offset + 1 <= alloc:
        if requested < alloc // 2:
            alloc = requested + 1            # major downsize: to the exact size
        else:
            return                           # minor downsize or growth within the buffer
    elif requested <= alloc * 1.125:
        alloc = requested + (requested >> 3) + (3 if requested < 9 else 6)
    else:
        alloc = requested + 1
    old = obj.buffer
    if offset:
        new = heap.malloc(alloc)
        heap.free(old)
    elif old:
        new = heap.realloc(old, alloc)
    else:
        new = heap.malloc(alloc)
    obj.buffer = new
    obj.start = 0
    obj.alloc = alloc


def bytearray_resize(heap, obj, requested):
    """``PyByteArray_Resize``: new bytes read as zeros until the caller writes them."""
    value = obj.value
    size = len(value)
    _resize_memory(heap, obj, size, requested)
    if requested < size:
        del value[requested:]
    elif requested > size:
        value.extend(bytes(requested - size))


# --- mutation --------------------------------------------------------------------------------

def bytearray_append(heap, obj, item):
    """``bytearray.append(item)`` with ``item`` an int 0..255."""
    value = obj.value
    n = len(value)
    alloc = obj.alloc
    if not (n + 1 + obj.start + 1 <= alloc and n + 1 >= alloc // 2) or obj.exports:
        _resize_memory(heap, obj, n, n + 1)
    value.append(item)


def _append_data(heap, obj, data):
    """``bytearray_setslice(self, size, size, data)``: grow once and copy ``data`` in."""
    if data:
        value = obj.value
        _resize_memory(heap, obj, len(value), len(value) + len(data))
        value += data


def bytearray_setslice(heap, obj, lo, hi, data=b""):
    """``obj[lo:hi] = data`` (``bytearray_setslice``); ``data=b""`` is ``del obj[lo:hi]``.

    ``data`` is the contents of a buffer object; pass ``obj.value`` itself to assign the
    bytearray to a slice of itself (CPython copies it into a temporary first).  Shrinking
    from the front only advances ``ob_start``; the buffer follows ``PyByteArray_Resize``.
    """
    if data is obj.value:
        tmp = bytearray_from_string_and_size(heap, data)
        try:
            bytearray_setslice(heap, obj, lo, hi, tmp.value)
        finally:
            heap.decref(tmp)
        return
    value = obj.value
    size = len(value)
    lo = min(max(lo, 0), size)
    hi = min(max(hi, lo), size)
    growth = len(data) - (hi - lo)
    if growth < 0:
        if obj.exports:
            raise GuestError("BufferError",
                             "Existing exports of data: object cannot be re-sized")
        if lo == 0:
            obj.start -= growth
        _resize_memory(heap, obj, size, size + growth)
    elif growth > 0:
        _resize_memory(heap, obj, size, size + growth)
    value[lo:hi] = data


def bytearray_iconcat(heap, obj, data):
    """``obj += data`` where ``data`` is the contents of a buffer object.

    Pass ``obj.value`` itself for ``b += b``: the export of ``b``'s own buffer forbids the
    resize, as in CPython (BufferError).
    """
    if data is obj.value and data:
        raise GuestError("BufferError", "Existing exports of data: object cannot be re-sized")
    _append_data(heap, obj, data)


def bytearray_extend(heap, obj, data):
    """``obj.extend(data)`` where ``data`` is the contents of a buffer object.

    Extending a bytearray with itself (``data`` is ``obj.value``) copies it first into a
    temporary bytearray, allocated and freed around the operation, as CPython does.
    """
    n = len(obj.value)
    bytearray_setslice(heap, obj, n, n, data)


def bytearray_extend_iter(heap, obj, items, length_hint=EXTEND_DEFAULT_HINT):
    """``obj.extend(iterable)`` for an iterable that does not export a buffer.

    CPython collects the items into a temporary bytearray presized to the iterable's length
    hint (32 when it has none), grows it by half plus one whenever it is full, trims it to
    the final length and splices it onto ``obj``; then the temporary dies.  ``items`` is a
    host iterable of ints 0..255.
    """
    buf_size = length_hint
    tmp = bytearray_from_string_and_size(heap, bytes(buf_size))
    try:
        collected = bytearray()
        for item in items:
            collected.append(item)
            n = len(collected)
            if n >= buf_size:
                new_size = n + (n >> 1) + 1
                _resize_memory(heap, tmp, buf_size, new_size)
                buf_size = new_size
        n = len(collected)
        _resize_memory(heap, tmp, buf_size, n)
        tmp.value[:] = collected
        _append_data(heap, obj, collected)
    finally:
        heap.decref(tmp)

"""``bytes`` (Objects/bytesobject.c): one block holding header, cached hash and the bytes.

A bytes object is ``BytesObject`` with its payload as host ``bytes`` in ``value`` and its
cached hash in ``hash`` (-1 until first computed, like ``ob_shash``).  ``PyBytesObject`` is the
24-byte var-object header, the 8-byte ``ob_shash`` and ``ob_sval``, the characters followed by
a NUL, all in one ``PyObject_Malloc`` block of ``33 + len`` bytes (``PyBytesObject_SIZE`` is
``offsetof(ob_sval) + 1`` = 33).  It is not a GC type.

Static singletons.  The empty bytes object and the 256 one-byte objects live in CPython's
runtime state (``_Py_SINGLETON(bytes_empty)``, ``_Py_SINGLETON(bytes_characters)``) with the
static refcount; ``PyBytes_FromStringAndSize`` returns them for lengths 0 and 1, so
``bytes([65]) is b'A'``.  Here they are ``heap.empty_bytes`` and ``heap.byte_chars[i]``.
"""

from heapsim.objects.core import (
    PyObject, TPFLAGS_BASETYPE, TPFLAGS_BYTES_SUBCLASS, TPFLAGS_MATCH_SELF, make_static_type,
)
from heapsim.objects.floatobject import free_by_type

BYTES_HEADER = 33       # PyBytesObject_SIZE: offsetof(PyBytesObject, ob_sval) + 1 (the NUL)


class BytesObject(PyObject):
    """``PyBytesObject``: ``value`` is the host bytes, ``hash`` the cached hash or -1."""

    __slots__ = ("value", "hash")


def bytes_sizeof(obj):
    """``bytes.__sizeof__``: ``PyBytesObject_SIZE + len``."""
    return BYTES_HEADER + len(obj.value)


def bytes_hash(heap, obj):
    """``bytes_hash``: ``_Py_HashBytes`` of the payload, computed once and cached."""
    h = obj.hash
    if h == -1:
        h = obj.hash = hash(obj.value)
    return h


def bytes_eq(heap, a, b):
    """``bytes_richcompare(a, b, Py_EQ)``: payloads when both are bytes, else NotImplemented."""
    if b.ob_type.flags & TPFLAGS_BYTES_SUBCLASS:
        return a.value == b.value
    return NotImplemented


def _bytes_dealloc(heap, obj):
    if obj.ob_type is heap.bytes_type:
        heap.free(obj.addr)
    else:
        free_by_type(heap, obj)


def init(heap):
    bytes_type = make_static_type(
        "bytes", BYTES_HEADER, 1, TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS | TPFLAGS_MATCH_SELF,
        base=heap.object_type, sizeof=bytes_sizeof, dealloc=_bytes_dealloc,
        hash=bytes_hash, eq=bytes_eq)
    heap.register_static_type(bytes_type)
    heap.bytes_type = bytes_type
    heap.empty_bytes = _static_bytes(heap, b"")
    heap.byte_chars = [_static_bytes(heap, bytes((i,))) for i in range(256)]


def _static_bytes(heap, value):
    obj = BytesObject.__new__(BytesObject)
    obj.value = value
    obj.hash = -1
    return heap.make_static(obj, heap.bytes_type, BYTES_HEADER + len(value))


def new_bytes(heap, value):
    """``PyBytes_FromStringAndSize``: a new reference to a bytes object of ``value``.

    Lengths 0 and 1 give the static singletons; anything longer is a fresh block.
    """
    n = len(value)
    if n < 2:
        obj = heap.byte_chars[value[0]] if n else heap.empty_bytes
        obj.ob_refcnt += 1
        return obj
    obj = BytesObject.__new__(BytesObject)
    obj.ob_refcnt = 1
    obj.ob_type = heap.bytes_type
    obj.value = bytes(value)
    obj.hash = -1
    obj.addr = heap.malloc(BYTES_HEADER + n)
    return obj


def bytes_from_size(heap, value):
    """``_PyBytes_FromSize`` then filled in: a fresh object even for one byte.

    The paths that size a result before writing it (``bytes(n)``, ``bytes.upper``, the
    ``_PyBytesWriter`` users) only return the empty singleton, never a one-byte one, so
    ``bytes(1) is bytes(1)`` is False while ``bytes([0]) is bytes([0])`` is True.
    """
    n = len(value)
    if n == 0:
        obj = heap.empty_bytes
        obj.ob_refcnt += 1
        return obj
    obj = BytesObject.__new__(BytesObject)
    obj.ob_refcnt = 1
    obj.ob_type = heap.bytes_type
    obj.value = bytes(value)
    obj.hash = -1
    obj.addr = heap.malloc(BYTES_HEADER + n)
    return obj

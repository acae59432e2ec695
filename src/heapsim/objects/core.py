"""The object header and the type object: what every simulated object is made of.

A simulated object is a host instance of a ``__slots__`` class.  Its header mirrors CPython's
``PyObject``: ``ob_refcnt`` (a plain int that hot paths adjust inline), ``ob_type`` (the
simulated type object) and ``addr``, the address ``id()`` reports.  ``addr`` is the address of
the ``PyObject`` itself; the memory block that holds it starts ``preheader`` bytes earlier,
because GC types carry a 16-byte ``PyGC_Head`` in front of the object and managed-dict
instances 16 more bytes for their values and dict pointers (``_PyType_PreHeaderSize``).

GC types add three slots that play the role of ``PyGC_Head``:

* ``gc_gen``: the generation (0, 1, 2, or 3 for the permanent one) whose list holds the object,
  or ``UNTRACKED`` (-1);
* ``gc_refs``: scratch space for the collector (``_gc_prev``'s refs field);
* ``gc_flags``: ``FINALIZED`` once ``tp_finalize`` has run (PEP 442), plus collector marks.

Payloads (the digits of an int, the characters of a str) are host values stored in ordinary
slots of the concrete classes, which live in one module per type.
"""

from heapsim.base.errors import GuestError

UNTRACKED = -1

# gc_flags bits
FINALIZED = 1          # _PyGC_PREV_MASK_FINALIZED
COLLECTING = 2         # _PyGC_PREV_MASK_COLLECTING (scratch, used by the collector)
UNREACHABLE = 4        # NEXT_MASK_UNREACHABLE (scratch)

# tp_flags bits, with CPython's values so that ``type.__flags__`` can show them.
TPFLAGS_MANAGED_DICT = 1 << 4
TPFLAGS_SEQUENCE = 1 << 5
TPFLAGS_MAPPING = 1 << 6
TPFLAGS_DISALLOW_INSTANTIATION = 1 << 7
TPFLAGS_IMMUTABLETYPE = 1 << 8
TPFLAGS_HEAPTYPE = 1 << 9
TPFLAGS_BASETYPE = 1 << 10
TPFLAGS_HAVE_VECTORCALL = 1 << 11
TPFLAGS_READY = 1 << 12
TPFLAGS_HAVE_GC = 1 << 14
TPFLAGS_METHOD_DESCRIPTOR = 1 << 17
TPFLAGS_VALID_VERSION_TAG = 1 << 19
TPFLAGS_IS_ABSTRACT = 1 << 20
TPFLAGS_MATCH_SELF = 1 << 22
TPFLAGS_LONG_SUBCLASS = 1 << 24
TPFLAGS_LIST_SUBCLASS = 1 << 25
TPFLAGS_TUPLE_SUBCLASS = 1 << 26
TPFLAGS_BYTES_SUBCLASS = 1 << 27
TPFLAGS_UNICODE_SUBCLASS = 1 << 28
TPFLAGS_DICT_SUBCLASS = 1 << 29
TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30
TPFLAGS_TYPE_SUBCLASS = 1 << 31


class PyObject:
    """The header every simulated object has (``PyObject``)."""

    __slots__ = ("ob_refcnt", "ob_type", "addr")

    def __repr__(self):
        tp = self.ob_type
        name = tp.name if tp is not None else "?"
        return f"<sim {name} at {self.addr:#x} rc={self.ob_refcnt}>"


class GCObject(PyObject):
    """An object of a GC type: the header plus the collector's ``PyGC_Head`` fields."""

    __slots__ = ("gc_gen", "gc_refs", "gc_flags")


class TypeObject(GCObject):
    """A simulated type object (``PyTypeObject`` / ``PyHeapTypeObject``).

    The ``tp_*`` slots hold host callables that implement the type's C-level behaviour; the
    object model and the collector call them, never the guest.  Each takes the ``Heap`` first:

    * ``tp_dealloc(heap, obj)``: release obj's references in CPython's order and give its
      memory back (to a free list or the allocator).  Called by the reclaim layer when the
      refcount reaches zero; the trashcan (``trashcan`` true) is applied around it there.
    * ``tp_traverse(obj)``: an iterable of the simulated objects obj holds references to, one
      entry per reference (an object held twice appears twice), as ``tp_traverse`` visits them.
    * ``tp_clear(heap, obj)``: drop obj's references (the collector breaks cycles with it).
    * ``tp_sizeof(obj)``: ``type(obj).__sizeof__(obj)``; ``getsizeof`` adds the pre-header.
    * ``tp_finalize``: set for types with ``__del__`` (PEP 442); ``tp_del`` for legacy
      finalizers.  Both are filled by higher layers.
    * ``tp_buffers(obj)``: the addresses of the separate memory blocks obj owns (a list's
      item array, a dict's keys object, a set's table, an instance's values array), for the
      heap audit; empty for most types.  Every type that holds references, GC or not, has a
      ``tp_traverse`` so the audit can count them.
    * ``tp_hash(heap, obj) -> int``: the guest ``hash()``; raises ``GuestError("TypeError",
      "unhashable type: 'list'")`` for unhashable types.  Defaults to the pointer hash.
    * ``tp_call(sp, obj, args, kw)``: calling an instance of a builtin type that is neither a
      function nor a builtin function (weakrefs, callable proxies); None when instances are
      not callable.  It takes the interpreter's object space, so the layer that makes the
      type callable (the guest module) fills it.
    * ``tp_eq(heap, a, b) -> True/False/NotImplemented`` (host values): ``a == b`` as the
      type's ``tp_richcompare`` answers it, or ``None`` when the type only has identity.

    The dispatch slots below are what the interpreter finds a builtin type's behaviour by (it
    never looks at ``name``).  They stay None on heap types (a class statement's class reaches
    its builtin base's behaviour through its MRO, as CPython's slot wrappers do); the
    interpreter's layers fill them on the static types at start-up:

    * ``tp_methods``: dict method name -> host ``fn(sp, self, args, kw)`` (``PyMethodDef``
      table), filled with ``add_methods``.
    * ``tp_vectorcall(sp, tp, args, kw)``: calling the type itself (new + init), inherited
      along ``tp_base`` as ``type_call`` finds it.
    * ``tp_getattro(sp, obj, name) -> new ref or None`` and ``tp_setattro(sp, obj, name,
      value or None) -> handled``: the type's own attributes beyond its method table
      (getset and member descriptors); None falls through to the generic lookup.
    * ``tp_repr(sp, obj) -> host str``.
    * ``tp_iternext(sp, it) -> new ref or None`` (exhausted): set on every iterator type.
    * ``nb_binop(sp, op, a, b) -> new ref or None``: the number slots (op is ``"+"``, ``"|="``,
      ...); None means NotImplemented.
    * ``mp_subscript(sp, obj, key)`` / ``mp_ass_subscript(sp, obj, key, value or None)``.

    ``weaklistoffset`` is true when instances can be weakly referenced.  ``dict`` is the type's
    simulated ``__dict__`` (filled by the interpreter layer), ``mro`` a host tuple of types.
    """

    __slots__ = (
        "name", "qualname", "module", "basicsize", "itemsize", "flags", "base", "bases",
        "mro", "dict", "tp_dealloc", "tp_traverse", "tp_clear", "tp_sizeof", "tp_finalize",
        "tp_del", "tp_hash", "tp_eq", "tp_buffers", "trashcan", "weakrefable", "is_gc", "preheader", "weaklist",
        "cached_keys", "slot_names", "host_class", "ext", "tp_call",
        "tp_methods", "tp_vectorcall", "tp_getattro", "tp_setattro", "tp_repr", "nb_binop",
        "mp_subscript", "mp_ass_subscript", "tp_iternext",
    )

    def __repr__(self):
        return f"<sim type {self.name!r}>"


DISPATCH_SLOTS = ("tp_call", "tp_methods", "tp_vectorcall", "tp_getattro", "tp_setattro",
                  "tp_repr", "nb_binop", "mp_subscript", "mp_ass_subscript", "tp_iternext")


def clear_dispatch_slots(tp):
    """Set every dispatch slot of a new type object to None (heap types keep them so)."""
    tp.tp_call = tp.tp_methods = tp.tp_vectorcall = tp.tp_getattro = tp.tp_setattro = None
    tp.tp_repr = tp.nb_binop = tp.mp_subscript = tp.mp_ass_subscript = tp.tp_iternext = None


def add_methods(tp, table):
    """Add the host methods of ``table`` (name -> ``fn(sp, self, args, kw)``) to the builtin
    type ``tp``'s method table."""
    if tp.tp_methods is None:
        tp.tp_methods = {}
    tp.tp_methods.update(table)


def preheader_size(flags):
    """``_PyType_PreHeaderSize``: bytes in front of the object for a type with these flags."""
    size = 0
    if flags & TPFLAGS_HAVE_GC:
        size += 16
    if flags & TPFLAGS_MANAGED_DICT:
        size += 16
    return size


def traverse_fields(obj, names):
    """A ``tp_traverse`` over an object's reference fields: those of ``names`` not NULL."""
    return [o for o in map(obj.__getattribute__, names) if o is not None]


def clear_fields(heap, obj, names):
    """A ``tp_clear`` over an object's reference fields, in ``names`` order: each one not
    NULL is set to NULL before its reference is dropped (``Py_CLEAR``)."""
    for name in names:
        o = getattr(obj, name)
        if o is not None:
            setattr(obj, name, None)
            heap.decref(o)


def _no_traverse(obj):
    return ()


def _no_clear(heap, obj):
    return None


def pointer_hash(heap, obj):
    """``_Py_HashPointer``: the address rotated right by 4 bits, as a signed 64-bit int."""
    a = obj.addr
    h = ((a >> 4) | (a << 60)) & 0xFFFF_FFFF_FFFF_FFFF
    if h >= 1 << 63:
        h -= 1 << 64
    return -2 if h == -1 else h


def unhashable(heap, obj):
    """``tp_hash`` of unhashable types (``PyObject_HashNotImplemented``)."""
    raise GuestError("TypeError", f"unhashable type: '{obj.ob_type.name}'")


def make_static_type(name, basicsize, itemsize=0, flags=0, base=None, *, sizeof=None,
                     dealloc=None, traverse=None, clear=None, trashcan=False,
                     weakrefable=False, module="builtins", hash=pointer_hash, eq=None,
                     buffers=None):
    """Build a statically allocated (builtin) type object description.

    The object's address and refcount are assigned when a ``Heap`` registers it
    (``Heap.register_static_type``), because static objects take addresses from the
    heap's static region.
    """
    tp = TypeObject.__new__(TypeObject)
    tp.ob_refcnt = 0
    tp.ob_type = None            # set to the simulated ``type`` on registration
    tp.addr = 0
    tp.gc_gen = UNTRACKED
    tp.gc_refs = 0
    tp.gc_flags = 0
    tp.name = name
    tp.qualname = name
    tp.module = module
    tp.basicsize = basicsize
    tp.itemsize = itemsize
    tp.flags = flags | TPFLAGS_READY | TPFLAGS_IMMUTABLETYPE
    tp.base = base
    tp.bases = (base,) if base is not None else ()
    tp.mro = None
    tp.dict = None
    tp.is_gc = bool(flags & TPFLAGS_HAVE_GC)
    tp.preheader = preheader_size(flags)
    if sizeof is None:
        fixed = basicsize

        def sizeof(obj, _fixed=fixed):
            return _fixed
    tp.tp_sizeof = sizeof
    tp.tp_dealloc = dealloc
    tp.tp_traverse = traverse if traverse is not None else _no_traverse
    tp.tp_clear = clear if clear is not None else _no_clear
    tp.tp_finalize = None
    tp.tp_del = None
    tp.tp_hash = hash
    tp.tp_eq = eq
    tp.tp_buffers = buffers if buffers is not None else _no_traverse
    tp.trashcan = trashcan
    tp.weakrefable = weakrefable
    tp.weaklist = None
    tp.cached_keys = None
    tp.slot_names = ()
    tp.host_class = None
    tp.ext = None
    clear_dispatch_slots(tp)
    return tp


def getsizeof(obj):
    """``sys.getsizeof``: ``__sizeof__`` plus the type's pre-header (not the tracking state)."""
    tp = obj.ob_type
    return tp.tp_sizeof(obj) + tp.preheader

"""Instances of classes defined in Python, and the layout half of their classes
(Objects/typeobject.c ``type_new``, ``subtype_dealloc``; Objects/dictobject.c shared keys).

**Class layout** (``type_new_slots``, ``type_new_descriptors``).  A class whose bases have
neither adds a ``__weakref__`` pointer and a managed ``__dict__``.  With ``__slots__`` it adds
one pointer per slot name (mangled, sorted: the member order), plus ``__weakref__`` if listed;
``'__dict__'`` in ``__slots__`` gives the managed dict.  So ``tp_basicsize`` is the base's
plus 8 per slot (plus 8 for the weakref pointer): 24 for a plain class (``__sizeof__`` 24),
32 for ``__slots__ = ('a', 'b')``, 16 for ``__slots__ = ()``.  A managed-dict class has the
``Py_TPFLAGS_MANAGED_DICT`` flag and a 32-byte pre-header (values pointer, dict pointer,
``PyGC_Head``); every class is a GC type.  A class object is a ``PyHeapTypeObject`` of 904
bytes plus one 40-byte ``PyMemberDef`` per slot and a sentinel (``tp_alloc(metatype,
nslots)``), and ``type.__sizeof__`` adds the class's shared keys object: 904 + 768 + the
16-byte GC header = 1688 for a plain class.

**Shared keys** (``_PyDict_NewKeysForClass``).  A managed-dict class owns ``ht_cached_keys``:
a split keys object of 64 slots whose ``dk_usable`` is forced to 30.  Attribute names are added
to it as instances store them, while it has room.

**Instances** (``object_new``, ``init_inline_values``).  An instance is allocated (and tracked)
first; then, for a managed-dict class, the shared keys' ``dk_usable`` drops by one (while above
1) and a values array of ``dk_nentries + dk_usable`` pointers is allocated separately.  Stores
go into the array at the name's shared-key index; no dict exists until ``__dict__`` is asked
for (a split dict that takes the array over: ``getsizeof`` 64 + 8 * (nentries + usable)) or a
key cannot be shared (no room left, a non-str name), when the values become a dict first.

``InstanceObject`` fields: ``values`` (a ``DictValues`` or None), ``dict`` (the materialised
``__dict__`` or None), ``slots`` (a host list of the ``__slots__`` pointers by position, None
when the class has none) and ``weaklist`` (the weakref list head, None when empty).

The heap type's ``slot_names`` lists the names of the instance's pointer fields after the
object header, by offset: position i is at offset ``16 + 8*i``, and holds None where the
field is not a member (an inherited ``__weakref__`` pointer).  A class's own members are the
positions from ``(base.basicsize - 16) // 8`` to the end.

Deallocation is ``subtype_dealloc``'s order (docs/cpython-facts.md, section 7).  The reclaim
layer composes it (finalizer, weakrefs, resurrection) from ``instance_clear_slots``,
``instance_free_dict_or_values`` and ``instance_free_memory``.  A class made here gets
``heap.subtype_dealloc``: ``instance_dealloc`` (the same steps without finalizers), set by
``init``, until the reclaim layer installs its own.
"""

import re

from heapsim.base.errors import GuestError, OutOfMemory, SimulatorBug, Unsupported
from heapsim.objects.core import (
    TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_MANAGED_DICT, TPFLAGS_READY,
    UNTRACKED, GCObject, PyObject, TypeObject, clear_dispatch_slots, preheader_size,
)
from heapsim.objects.dict_keys import (
    free_values, insert_into_shared_keys, keys_decref, keys_size, new_shared_keys, new_values,
)
from heapsim.objects.dictobject import (
    dict_clear, dict_delitem, dict_getitem, dict_new, dict_setitem,
    make_dict_from_instance_attributes, new_dict_with_shared_keys,
)

OBJECT_HEADER = 16          # sizeof(PyObject): where the first member of an instance sits
HEAP_TYPE_SIZE = 904        # sizeof(PyHeapTypeObject)
MEMBER_DEF_SIZE = 40        # type's tp_itemsize: one PyMemberDef per slot
_IDENTIFIER = re.compile(r"[^\W\d]\w*\Z")


class InstanceObject(GCObject):
    """An instance of a class defined in Python (see the module docstring for the fields)."""

    __slots__ = ("values", "dict", "slots", "weaklist")


def init(heap):
    """Teach the ``type`` type what heap types are made of: their size (``type.__sizeof__``
    adds the shared keys), their blocks (the shared keys object), their references
    (``type_traverse``: the class dict and the base) and their deallocation
    (``type_dealloc``).  Static types keep the behaviour ``type`` already had."""
    type_type = heap.type_type
    static_sizeof = type_type.tp_sizeof
    static_buffers = type_type.tp_buffers
    static_traverse = type_type.tp_traverse
    static_clear = type_type.tp_clear
    static_dealloc = type_type.tp_dealloc

    def type_sizeof(tp):
        if tp.flags & TPFLAGS_HEAPTYPE:
            return heap_type_sizeof(tp)
        return static_sizeof(tp)

    def type_buffers(tp):
        if tp.flags & TPFLAGS_HEAPTYPE and tp.cached_keys is not None:
            return [*static_buffers(tp), tp.cached_keys.addr]
        return static_buffers(tp)

    def type_traverse(tp):
        if tp.flags & TPFLAGS_HEAPTYPE:
            return heap_type_traverse(tp)
        return static_traverse(tp)

    def type_clear(heap_, tp):
        if tp.flags & TPFLAGS_HEAPTYPE:
            heap_type_clear(heap_, tp)
        else:
            static_clear(heap_, tp)

    def type_dealloc(heap_, tp):
        if tp.flags & TPFLAGS_HEAPTYPE:
            heap_type_dealloc(heap_, tp)
        elif static_dealloc is not None:
            static_dealloc(heap_, tp)
        else:
            raise SimulatorBug(f"the static type {tp.name!r} was deallocated")

    type_type.tp_sizeof = type_sizeof
    type_type.tp_buffers = type_buffers
    type_type.tp_traverse = type_traverse
    type_type.tp_clear = type_clear
    type_type.tp_dealloc = type_dealloc
    heap.subtype_dealloc = instance_dealloc


# --- classes -------------------------------------------------------------------------------

def mangle(class_name, ident):
    """``_Py_Mangle``: ``__x`` in class ``C`` is ``_C__x`` (not dunders, not dotted names)."""
    if not ident.startswith("__") or ident.endswith("__") or "." in ident:
        return ident
    stripped = class_name.lstrip("_")
    if not stripped:
        return ident
    return "_" + stripped + ident


def heap_type_sizeof(tp):
    """``type.__sizeof__`` of a heap type: the struct plus its shared keys object."""
    size = HEAP_TYPE_SIZE
    if tp.cached_keys is not None:
        size += keys_size(tp.cached_keys)
    return size


def new_heap_type(heap, name, slots=None, base=None, module="__main__", qualname=None):
    """The layout part of ``type_new``: a new reference to a class ``name`` deriving from
    ``base`` (``object`` by default, or a class made here), with ``__slots__`` = ``slots``
    (None: no ``__slots__``; a str is one name).

    Allocates the class object (``tp_alloc(type, nslots)``, tracked) and, for a managed-dict
    class, its shared keys.  The class namespace, ``__mro__`` and ``__bases__`` tuples, the
    name objects and the descriptors are the interpreter's ``type_new`` business.
    """
    if base is None:
        base = heap.object_type
    if base is not heap.object_type and not base.flags & TPFLAGS_HEAPTYPE:
        raise Unsupported(f"subclassing the builtin type '{base.name}'")
    may_add_dict = not base.flags & TPFLAGS_MANAGED_DICT
    may_add_weak = not base.weakrefable and base.itemsize == 0
    add_dict = add_weak = False
    own = []
    if slots is None:
        add_dict = may_add_dict
        add_weak = may_add_weak
    else:
        if isinstance(slots, str):
            slots = (slots,)
        for slot in slots:
            if not _IDENTIFIER.match(slot):
                raise GuestError("TypeError", "__slots__ must be identifiers")
            if slot == "__dict__":
                if not may_add_dict or add_dict:
                    raise GuestError("TypeError", "__dict__ slot disallowed: we already got one")
                add_dict = True
            elif slot == "__weakref__":
                if not may_add_weak or add_weak:
                    raise GuestError("TypeError",
                                     "__weakref__ slot disallowed: either we already got one, "
                                     "or __itemsize__ != 0")
                add_weak = True
            else:
                own.append(mangle(name, slot))
        own.sort()

    start = (base.basicsize - OBJECT_HEADER) // 8
    positions = list(base.slot_names)
    if own:
        positions.extend([None] * (start - len(positions)))
        positions.extend(own)
    basicsize = base.basicsize + 8 * len(own) + (8 if add_weak else 0)
    flags = (TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_READY
             | (base.flags & TPFLAGS_MANAGED_DICT))
    if add_dict:
        flags |= TPFLAGS_MANAGED_DICT

    type_type = heap.type_type
    tp = TypeObject.__new__(TypeObject)
    tp.addr = heap.gc_alloc(type_type, HEAP_TYPE_SIZE + MEMBER_DEF_SIZE * (len(own) + 1))
    tp.ob_type = type_type
    tp.ob_refcnt = 1
    tp.gc_gen = UNTRACKED
    tp.gc_refs = 0
    tp.gc_flags = 0
    heap.gc.track(tp)
    tp.name = name
    tp.qualname = qualname if qualname is not None else name
    tp.module = module
    tp.basicsize = basicsize
    tp.itemsize = 0
    tp.flags = flags
    base.ob_refcnt += 1
    tp.base = base
    tp.bases = (base,)
    tp.mro = (tp,) + (base.mro if base.mro else (base,))
    tp.dict = None
    tp.is_gc = True
    tp.preheader = preheader_size(flags)
    tp.tp_dealloc = heap.subtype_dealloc
    tp.tp_traverse = instance_traverse
    tp.tp_clear = instance_clear
    tp.tp_sizeof = instance_sizeof
    tp.tp_finalize = base.tp_finalize
    tp.tp_del = base.tp_del
    tp.tp_hash = base.tp_hash
    tp.tp_eq = base.tp_eq
    tp.tp_buffers = instance_buffers
    tp.trashcan = True
    tp.weakrefable = add_weak or base.weakrefable
    tp.weaklist = None
    tp.slot_names = tuple(positions)
    tp.host_class = None
    tp.ext = None
    clear_dispatch_slots(tp)
    # type_ready_managed_dict, after the allocation.
    tp.cached_keys = new_shared_keys(heap) if flags & TPFLAGS_MANAGED_DICT else None
    return tp


def heap_type_traverse(tp):
    """``type_traverse`` of a class made here: its ``__dict__`` (when the interpreter has
    given it one) and its base.  The ``__mro__``/``__bases__`` tuples and names are not
    simulated objects at this level."""
    d = tp.dict
    if isinstance(d, PyObject):
        return [d, tp.base]
    return [tp.base]


def heap_type_clear(heap, tp):
    """``type_clear``: empty the class ``__dict__`` (the way cycles through a class break)."""
    d = tp.dict
    if isinstance(d, PyObject):
        dict_clear(heap, d)


def heap_type_dealloc(heap, tp):
    """``type_dealloc`` of a class made here: untrack, clear weakrefs, release the base, the
    dict and the shared keys, then free the class object."""
    if tp.gc_gen >= 0:
        heap.gc.untrack(tp)
    if tp.weaklist is not None:
        heap.clear_weakrefs(tp)
    base = tp.base
    tp.base = None
    d = tp.dict
    tp.dict = None
    heap.decref(base)
    if isinstance(d, PyObject):
        heap.decref(d)
    heap_type_release_cached_keys(heap, tp)
    heap.gc_del(tp)


def heap_type_release_cached_keys(heap, tp):
    """``type_dealloc``'s ``_PyDictKeys_DecRef(ht_cached_keys)``: the class lets go of its
    shared keys (freed with their names when no split dict still uses them)."""
    keys = tp.cached_keys
    if keys is not None:
        tp.cached_keys = None
        keys_decref(heap, keys)


def cached_keys_references(tp):
    """The attribute names a class's shared keys hold references to (for the heap audit;
    ``type_traverse`` does not visit them)."""
    keys = tp.cached_keys
    if keys is None:
        return []
    return [k for k in keys.ekeys if k is not None]


# --- instances -----------------------------------------------------------------------------

def instance_new(heap, tp):
    """``object_new`` for a class made by ``new_heap_type``: a new reference to an instance
    with no attributes set (tracked; holding a reference to its class)."""
    obj = InstanceObject.__new__(InstanceObject)
    obj.addr = heap.gc_alloc(tp, tp.basicsize)
    obj.ob_type = tp
    obj.ob_refcnt = 1
    tp.ob_refcnt += 1
    obj.gc_gen = UNTRACKED
    obj.gc_refs = 0
    obj.gc_flags = 0
    n = len(tp.slot_names)
    obj.slots = [None] * n if n else None
    obj.values = None
    obj.dict = None
    obj.weaklist = None
    heap.gc.track(obj)
    if tp.flags & TPFLAGS_MANAGED_DICT:
        try:
            init_inline_values(heap, obj, tp)
        except OutOfMemory:
            heap.decref(obj)
            raise
    return obj


def init_inline_values(heap, obj, tp):
    """``init_inline_values``: take one usable slot from the shared keys (while more than one
    is left) and give the instance a values array for every entry the keys can now hold."""
    keys = tp.cached_keys
    if keys.usable > 1:
        keys.usable -= 1
    obj.values = new_values(heap, keys.nentries + keys.usable)


def _no_attribute(tp, name):
    return GuestError("AttributeError", f"'{tp.name}' object has no attribute '{name.value}'")


def _store_instance_attribute(heap, obj, values, name, value):
    """``_PyObject_StoreInstanceAttribute``: store (value None: delete) into the values
    array, or materialise the dict when the name cannot be shared."""
    tp = obj.ob_type
    keys = tp.cached_keys
    ix = -1
    if name.ob_type is heap.str_type:
        ix = insert_into_shared_keys(heap, keys, name)
    if ix < 0:
        d = make_dict_from_instance_attributes(heap, keys, values)
        obj.values = None
        obj.dict = d
        if value is None:
            _dict_delattr(heap, obj, d, name)
        else:
            dict_setitem(heap, d, name, value)
        return
    vals = values.values
    old = vals[ix]
    if value is not None:
        value.ob_refcnt += 1
    vals[ix] = value
    if old is None:
        if value is None:
            raise _no_attribute(tp, name)
        values.order.append(ix)
    else:
        if value is None:
            values.order.remove(ix)
        heap.decref(old)


def _dict_delattr(heap, obj, d, name):
    try:
        dict_delitem(heap, d, name)
    except GuestError as exc:
        if exc.kind == "KeyError":
            raise _no_attribute(obj.ob_type, name) from None
        raise


def _set_or_delete(heap, obj, name, value):
    """The storing half of ``_PyObject_GenericSetAttrWithDict`` (no descriptor applies)."""
    values = obj.values
    if values is not None:
        _store_instance_attribute(heap, obj, values, name, value)
        return
    tp = obj.ob_type
    if not tp.flags & TPFLAGS_MANAGED_DICT:
        raise _no_attribute(tp, name)
    d = obj.dict
    if d is None:
        # _PyObjectDict_SetItem: a split dict on the class's shared keys.
        keys = tp.cached_keys
        keys.refcnt += 1
        d = new_dict_with_shared_keys(heap, keys)
        obj.dict = d
    if value is None:
        _dict_delattr(heap, obj, d, name)
    else:
        dict_setitem(heap, d, name, value)


def instance_setattr(heap, obj, name, value):
    """``obj.name = value`` where no data descriptor intervenes: into the values array or the
    ``__dict__``.  ``name`` is a str object; the instance takes a reference to value."""
    _set_or_delete(heap, obj, name, value)


def instance_delattr(heap, obj, name):
    """``del obj.name`` where no descriptor intervenes (``AttributeError`` if absent).  As in
    CPython, a name new to the shared keys is added to them even though nothing is deleted."""
    _set_or_delete(heap, obj, name, None)


def instance_getattr(heap, obj, name):
    """The instance-dict part of ``obj.name``: the value (borrowed) or None when the
    instance has no such attribute (the caller then tries the class)."""
    values = obj.values
    if values is not None:
        if name.ob_type is heap.str_type:
            ix = obj.ob_type.cached_keys.lookup.get(name.value)
            if ix is None:
                return None
            return values.values[ix]
        instance_get_dict(heap, obj)
    d = obj.dict
    if d is None:
        return None
    return dict_getitem(heap, d, name)


def instance_get_dict(heap, obj):
    """``PyObject_GenericGetDict`` (``obj.__dict__``): the instance dict, materialised from
    the values array (a split dict) or made empty if need be.  Borrowed reference."""
    tp = obj.ob_type
    if not tp.flags & TPFLAGS_MANAGED_DICT:
        raise GuestError("AttributeError", "This object has no __dict__")
    values = obj.values
    if values is not None:
        obj.dict = make_dict_from_instance_attributes(heap, tp.cached_keys, values)
        obj.values = None
    elif obj.dict is None:
        obj.dict = dict_new(heap)
    return obj.dict


# --- __slots__ members ------------------------------------------------------------------------

def instance_slot_index(tp, name):
    """The position of member ``name`` (a host str, mangled) in instances of tp, or -1."""
    names = tp.slot_names
    for i in range(len(names) - 1, -1, -1):
        if names[i] == name:
            return i
    return -1


def instance_get_slot(heap, obj, index):
    """A member descriptor's get (``T_OBJECT_EX``): the value (borrowed), or
    ``AttributeError`` when unset."""
    v = obj.slots[index]
    if v is None:
        raise GuestError("AttributeError", f"'{obj.ob_type.name}' object has no attribute "
                                           f"'{obj.ob_type.slot_names[index]}'")
    return v


def instance_set_slot(heap, obj, index, value):
    """A member descriptor's set (value None: delete; ``AttributeError`` naming the member
    when deleting an unset one).  The instance takes a reference to value."""
    slots = obj.slots
    old = slots[index]
    if value is None:
        if old is None:
            raise GuestError("AttributeError", obj.ob_type.slot_names[index])
    else:
        value.ob_refcnt += 1
    slots[index] = value
    if old is not None:
        heap.decref(old)


# --- the type slots of instances -----------------------------------------------------------

def instance_sizeof(obj):
    """``object.__sizeof__``: the class's basic size (the pre-header is getsizeof's)."""
    return obj.ob_type.basicsize


def instance_buffers(obj):
    """The values array, while the instance has one."""
    values = obj.values
    if values is not None:
        return (values.addr,)
    return ()


def _own_member_range(tp):
    return range((tp.base.basicsize - OBJECT_HEADER) // 8, len(tp.slot_names))


def instance_traverse(obj):
    """``subtype_traverse``: the members of each class from the most derived, the values (in
    shared-key order) or the dict, then the class."""
    out = []
    tp = obj.ob_type
    slots = obj.slots
    if slots is not None:
        t = tp
        while t.flags & TPFLAGS_HEAPTYPE:
            for i in _own_member_range(t):
                v = slots[i]
                if v is not None:
                    out.append(v)
            t = t.base
    values = obj.values
    if values is not None:
        vals = values.values
        for i in range(tp.cached_keys.nentries):
            v = vals[i]
            if v is not None:
                out.append(v)
    if obj.dict is not None:
        out.append(obj.dict)
    out.append(tp)
    return out


def instance_clear(heap, obj):
    """``subtype_clear``: clear the members, the values (the array stays) and the dict."""
    tp = obj.ob_type
    t = tp
    while t.flags & TPFLAGS_HEAPTYPE:
        instance_clear_slots(heap, t, obj)
        t = t.base
    values = obj.values
    if values is not None:
        vals = values.values
        for i in range(tp.cached_keys.nentries):
            v = vals[i]
            if v is not None:
                vals[i] = None
                heap.decref(v)
        values.order.clear()
    d = obj.dict
    if d is not None:
        obj.dict = None
        heap.decref(d)


def instance_clear_slots(heap, tp, obj):
    """``clear_slots(tp, obj)``: release the members class ``tp`` itself declares, in member
    order (``subtype_dealloc`` calls it for each class up to the first non-heap base)."""
    slots = obj.slots
    if slots is None:
        return
    for i in _own_member_range(tp):
        v = slots[i]
        if v is not None:
            slots[i] = None
            heap.decref(v)


def instance_free_dict_or_values(heap, obj):
    """Release the managed ``__dict__``, or else the values (in shared-key index order) and
    then the values array (``_PyObject_FreeInstanceAttributes``)."""
    d = obj.dict
    if d is not None:
        heap.decref(d)
        obj.dict = None
        return
    values = obj.values
    if values is None:
        return
    obj.values = None
    vals = values.values
    decref = heap.decref
    for i in range(obj.ob_type.cached_keys.nentries):
        v = vals[i]
        if v is not None:
            decref(v)
    free_values(heap, values)


def instance_free_memory(heap, obj):
    """``object_dealloc`` of a heap type: ``tp_free`` = ``PyObject_GC_Del`` (uncounted from
    generation 0).  The reference to the class is released by the caller."""
    heap.gc_del(obj)


def instance_dealloc(heap, obj):
    """``subtype_dealloc`` without finalizers (the reclaim layer's version adds them):
    untrack, clear weakrefs, clear the members of each class, release the dict or values,
    free the memory, then release the class."""
    if obj.gc_gen >= 0:
        heap.gc.untrack(obj)
    if obj.weaklist is not None:
        heap.clear_weakrefs(obj)
    tp = obj.ob_type
    t = tp
    while t.flags & TPFLAGS_HEAPTYPE:
        instance_clear_slots(heap, t, obj)
        t = t.base
    if tp.flags & TPFLAGS_MANAGED_DICT:
        instance_free_dict_or_values(heap, obj)
    heap.gc_del(obj)
    heap.decref(tp)

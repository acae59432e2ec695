"""``dict`` (Objects/dictobject.c): the dict object, its C-API, growth, copies and free lists.

A dict is ``DictObject``: the 48-byte ``PyDictObject`` (``ma_used``, ``ma_keys``,
``ma_values``; the version tag is not modelled) behind a 16-byte GC header.  Its entries live
in a separately allocated keys object and, for a split table, a values array; both are
``dict_keys.py``'s.  An empty dict points at the static ``Py_EMPTY_KEYS`` and allocates nothing.

The rules that decide sizes and addresses, all as in 3.11:

* **Growth.**  Inserting a new key into a full table (``dk_usable == 0``) resizes it to
  ``calculate_log2_keysize(3 * ma_used)`` slots (``insertion_resize``).  Deleting never shrinks
  a table: the entry keeps its slot until a resize compacts the entries; ``clear()`` returns
  to the empty keys.  A key that is not an exact str, stored into a table of str keys, first
  turns it into a general table of the same growth size, even when an equal key is present.
* **Presizing.**  ``_PyDict_FromItems`` (``BUILD_MAP``, ``BUILD_CONST_KEY_MAP``) and
  ``dict.fromkeys`` of a dict or set make the table for n keys at once
  (``estimate_log2_keysize``); n <= 5 gives a plain empty dict.
* **Copies.**  ``dict.copy()`` of a clean combined table (at most a third of its entries
  deleted) copies the keys object block for block, so the copy keeps the table size;
  otherwise it inserts into a new dict.  An update into an empty dict clones a clean source
  of 8 slots, or one more than half full.
* **Free lists.**  ``heap.dict_freelist`` holds up to 80 dead exact dict shells (they keep
  their blocks and addresses); ``new_dict`` (``{}``, literals, copies, ``__dict__``) takes the
  most recent one, ``dict()`` (``PyType_GenericAlloc``) never does.  ``heap.dict_keys_freelist``
  holds up to 80 dead 8-slot unicode keys objects.  Neither touches the GC counts.
* **Tracking.**  A dict is created untracked and becomes tracked when a key or value that may
  be tracked is stored (``MAINTAIN_TRACKING``); full collections untrack dicts that no longer
  need it (``dict_maybe_untrack``).
* **Order.**  Iteration follows the entries: insertion order, a replaced value keeps its
  place, a deleted and re-inserted key goes to the end; a split table keeps its own order.

Reference semantics are the C-API's: ``dict_setitem`` takes its own references to key and
value, storing under an equal existing key keeps the old key object, and a replaced value is
released after the new one is stored.  A missing key raises ``GuestError("KeyError")`` whose
``key`` attribute is the (borrowed) key object, since only the interpreter can build
``KeyError(key)``.

Iterating an arbitrary guest iterable (``dict.fromkeys(list)``) uses ``heap.iterate(obj)``,
the interpreter's hook that yields new references, unless the caller passes the keys.
"""

from heapsim.base.errors import OutOfMemory
from heapsim.objects.abstract import objects_equal
from heapsim.objects.core import (
    TPFLAGS_BASETYPE, TPFLAGS_DICT_SUBCLASS, TPFLAGS_HAVE_GC, TPFLAGS_MAPPING,
    TPFLAGS_MATCH_SELF, make_static_type, unhashable,
)
from heapsim.objects.dict_keys import (
    KEYS_GENERAL, LOG2_MAX_PRESIZE, LOG2_MINSIZE, DictKeys, estimate_log2_keysize,
    free_values, key_kinds, keys_decref, keys_size, lookup_key_with_hash, make_empty_keys,
    new_keys_object, new_values, usable_fraction,
)
# The table operations, re-exported: callers import the whole C-API from this module.
from heapsim.objects.dict_table import (  # noqa: F401
    DICT_SIZE, DictObject, delitem_common, dict_clear, dict_contains, dict_delitem,
    dict_getitem, dict_key_hash_pairs, dict_len, dict_new, dict_new_generic, dict_pop,
    dict_popitem, dict_setdefault, dict_setitem, dictresize, find_entry, gc_new_dict, insert_new,
    insert_to_emptydict, insertdict, key_error, live_indices, lookup_entry, maintain_tracking,
    may_be_tracked, new_dict, value_at,
)
from heapsim.objects.setobject import set_next

# The name the interpreter first imported.
_key_error = key_error


# --- type and heap state --------------------------------------------------------------------------

def init(heap):
    cfg = heap.objcfg
    dict_type = make_static_type(
        "dict", DICT_SIZE, 0,
        TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_DICT_SUBCLASS | TPFLAGS_MAPPING
        | TPFLAGS_MATCH_SELF,
        base=heap.object_type, sizeof=dict_sizeof, dealloc=dict_dealloc,
        traverse=dict_traverse, clear=dict_clear, trashcan=True, hash=unhashable,
        eq=dict_eq, buffers=dict_buffers)
    heap.register_static_type(dict_type)
    heap.dict_type = dict_type
    heap.dict_freelist = []
    heap.dict_freelist_max = cfg.dict_freelist_max
    heap.dict_keys_freelist = []
    heap.dict_keys_freelist_max = cfg.dict_keys_freelist_max
    heap.dict_empty_keys = make_empty_keys(heap)
    # While true, KeyRef equality is identity only: set around host-dict updates of keys
    # that are known to be distinct, where CPython compares nothing.
    heap.dict_eq_suspended = False
    heap.dict_key_kinds = key_kinds(heap)


# --- constructors ---------------------------------------------------------------------------------

def dict_new_presized(heap, minused, unicode=True):
    """``dict_new_presized``: room for ``minused`` entries without resizing (5 or fewer: a
    plain empty dict).  ``unicode`` says every key will be an exact str."""
    if minused <= 5:
        return dict_new(heap)
    if minused > usable_fraction(1 << LOG2_MAX_PRESIZE):
        log2_newsize = LOG2_MAX_PRESIZE
    else:
        log2_newsize = estimate_log2_keysize(minused)
    keys = new_keys_object(heap, log2_newsize, unicode)
    return new_dict(heap, keys, None, 0)


def dict_from_items(heap, keys, values):
    """``_PyDict_FromItems`` (``BUILD_MAP n``, ``BUILD_CONST_KEY_MAP``, keyword arguments):
    a presized dict of the given keys and values (host sequences of borrowed objects)."""
    str_type = heap.str_type
    unicode = True
    for k in keys:
        if k.ob_type is not str_type:
            unicode = False
            break
    mp = dict_new_presized(heap, len(keys), unicode)
    for k, v in zip(keys, values):
        dict_setitem(heap, mp, k, v)
    return mp


# --- iteration ------------------------------------------------------------------------------------

def dict_next(mp, pos):
    """``_PyDict_Next``: (next_pos, key, value) of the first entry at or after pos, or None.

    For a combined table pos is an entry index; for a split table, a place in the order.
    """
    values = mp.ma_values
    if values is not None:
        if pos >= mp.ma_used:
            return None
        ix = values.order[pos]
        return pos + 1, mp.ma_keys.ekeys[ix], values.values[ix]
    dk = mp.ma_keys
    n = dk.nentries
    evalues = dk.evalues
    while pos < n and evalues[pos] is None:
        pos += 1
    if pos >= n:
        return None
    return pos + 1, dk.ekeys[pos], evalues[pos]


def dict_items(mp):
    """The (key, value) pairs in iteration order (borrowed references), as a host list."""
    values = mp.ma_values
    ekeys = mp.ma_keys.ekeys
    if values is not None:
        vals = values.values
        return [(ekeys[i], vals[i]) for i in values.order]
    evalues = mp.ma_keys.evalues
    return [(ekeys[i], evalues[i]) for i in range(mp.ma_keys.nentries)
            if evalues[i] is not None]


def dict_items_iter(heap, mp):
    """A host iterator of (key, value) in iteration order (a snapshot; borrowed references)."""
    return iter(dict_items(mp))


def dict_keys(mp):
    """The keys in iteration order (borrowed references)."""
    return [k for k, _ in dict_items(mp)]


# --- copies and updates ---------------------------------------------------------------------------

def _clone_combined_keys(heap, orig):
    """``clone_combined_dict_keys``: a block-for-block copy of a combined keys object (a fresh
    ``PyObject_Malloc``, never the keys free list), taking references to the live entries."""
    ok = orig.ma_keys
    dk = DictKeys.__new__(DictKeys)
    dk.addr = heap.malloc(keys_size(ok))
    dk.refcnt = 1
    dk.log2_size = ok.log2_size
    dk.log2_index_bytes = ok.log2_index_bytes
    dk.kind = ok.kind
    dk.usable = ok.usable
    dk.nentries = ok.nentries
    dk.ekeys = list(ok.ekeys)
    dk.evalues = list(ok.evalues)
    dk.lkeys = list(ok.lkeys)
    dk.lookup = dict(ok.lookup)
    dk.generic = ok.generic
    ekeys = dk.ekeys
    for i, v in enumerate(dk.evalues):
        if v is not None:
            v.ob_refcnt += 1
            ekeys[i].ob_refcnt += 1
    return dk


def dict_copy(heap, mp):
    """``PyDict_Copy`` (``dict.copy``): a new reference to a shallow copy."""
    if mp.ma_used == 0:
        return dict_new(heap)
    dk = mp.ma_keys
    values = mp.ma_values
    if values is not None:
        size = dk.nentries + dk.usable
        newvalues = new_values(heap, size)
        try:
            copy = gc_new_dict(heap)
        except OutOfMemory:
            free_values(heap, newvalues)
            raise
        newvalues.order = list(values.order)
        copy.ma_values = newvalues
        copy.ma_keys = dk
        copy.ma_used = mp.ma_used
        dk.refcnt += 1
        old = values.values
        new = newvalues.values
        for i in range(size):
            v = old[i]
            if v is not None:
                v.ob_refcnt += 1
                new[i] = v
        if mp.gc_gen >= 0:
            heap.gc.track(copy)
        return copy
    if mp.ob_type is heap.dict_type and mp.ma_used >= (dk.nentries * 2) // 3:
        keys = _clone_combined_keys(heap, mp)
        copy = new_dict(heap, keys, None, 0)
        copy.ma_used = mp.ma_used
        if mp.gc_gen >= 0:
            heap.gc.track(copy)
        return copy
    copy = dict_new(heap)
    dict_merge(heap, copy, mp, 1)
    return copy


def dict_merge(heap, a, b, override=1):
    """``dict_merge`` with a dict ``b``: ``a.update(b)`` (override 1), keep existing entries
    (0), or ``KeyError`` on a duplicate (2).  Other mappings are the interpreter's (keys()
    and ``__getitem__`` calls, then ``dict_setitem``)."""
    if b is a or b.ma_used == 0:
        return
    if a.ma_used == 0:
        override = 1
        okeys = b.ma_keys
        if (b.ma_values is None and b.ma_used == okeys.nentries
                and (okeys.log2_size == LOG2_MINSIZE
                     or usable_fraction((1 << okeys.log2_size) // 2) < b.ma_used)):
            keys = _clone_combined_keys(heap, b)
            if a.ma_keys is not heap.dict_empty_keys:
                keys_decref(heap, a.ma_keys)
            a.ma_keys = keys
            if a.ma_values is not None:
                free_values(heap, a.ma_values)
                a.ma_values = None
            a.ma_used = b.ma_used
            if b.gc_gen >= 0 and a.gc_gen < 0:
                heap.gc.track(a)
            return
    if usable_fraction(1 << a.ma_keys.log2_size) < b.ma_used:
        dictresize(heap, a, estimate_log2_keysize(a.ma_used + b.ma_used),
                    b.ma_keys.kind != KEYS_GENERAL)
    bk = b.ma_keys
    for ix in live_indices(b):
        key = bk.ekeys[ix]
        value = value_at(b, ix)
        lk = bk.lkeys[ix]
        key.ob_refcnt += 1
        value.ob_refcnt += 1
        if override == 1:
            key.ob_refcnt += 1
            value.ob_refcnt += 1
            _insert_known(heap, a, key, lk, value)
        else:
            found = find_entry(heap, a, key, lk)
            if found >= 0 and value_at(a, found) is None:
                found = -1
            if found < 0:
                key.ob_refcnt += 1
                value.ob_refcnt += 1
                _insert_known(heap, a, key, lk, value)
            elif override != 0:
                heap.decref(value)
                heap.decref(key)
                raise key_error(key)
        heap.decref(value)
        heap.decref(key)


def _insert_known(heap, mp, key, lk, value):
    """``insertdict`` with the hash already known (consumes both references)."""
    if mp.ma_keys is heap.dict_empty_keys:
        insert_to_emptydict(heap, mp, key, lk, value)
    else:
        insertdict(heap, mp, key, lk, value)


def dict_update(heap, a, b):
    """``PyDict_Update`` with a dict b."""
    dict_merge(heap, a, b, 1)


def dict_merge_from_seq2(heap, mp, pairs, override=1):
    """``PyDict_MergeFromSeq2``: store each (key, value) of the host iterable ``pairs``
    (borrowed references, already checked to be pairs by the caller), overriding or not."""
    for key, value in pairs:
        key.ob_refcnt += 1
        value.ob_refcnt += 1
        if override:
            dict_setitem(heap, mp, key, value)
        else:
            dict_setdefault(heap, mp, key, value)
        heap.decref(key)
        heap.decref(value)


def dict_fromkeys(heap, iterable, value, keys=None):
    """``dict.fromkeys(iterable, value)`` for the dict class: a new reference.

    An exact dict or set source presizes the table; otherwise the keys are ``keys`` (a host
    iterable of borrowed objects in the guest's iteration order) or, when not given, what
    ``heap.iterate(iterable)`` yields.
    """
    mp = dict_new_generic(heap)
    src_type = iterable.ob_type
    if src_type is heap.dict_type:
        dictresize(heap, mp, estimate_log2_keysize(iterable.ma_used),
                    iterable.ma_keys.kind != KEYS_GENERAL)
        bk = iterable.ma_keys
        for ix in live_indices(iterable):
            key = bk.ekeys[ix]
            key.ob_refcnt += 1
            value.ob_refcnt += 1
            insertdict(heap, mp, key, bk.lkeys[ix], value)
        return mp
    set_entries = _set_entries(heap, iterable)
    if set_entries is not None:
        dictresize(heap, mp, estimate_log2_keysize(len(set_entries)), False)
        for key, hash in set_entries:
            lk = lookup_key_with_hash(heap, key, hash)
            key.ob_refcnt += 1
            value.ob_refcnt += 1
            insertdict(heap, mp, key, lk, value)
        return mp
    if keys is not None:
        for key in keys:
            dict_setitem(heap, mp, key, value)
        return mp
    for key in heap.iterate(iterable):
        dict_setitem(heap, mp, key, value)
        heap.decref(key)
    return mp


def _set_entries(heap, obj):
    """(key, hash) of an exact set or frozenset in table order, or None for other objects."""
    tp = obj.ob_type
    if tp is not heap.set_type and tp is not heap.frozenset_type:
        return None
    out = []
    pos = set_next(obj, 0)
    while pos >= 0:
        out.append((obj.keys[pos], obj.hashes[pos]))
        pos = set_next(obj, pos + 1)
    return out


# --- split tables (instance dictionaries) ---------------------------------------------------------

def new_dict_with_shared_keys(heap, keys):
    """``new_dict_with_shared_keys``: an empty split dict on a class's shared keys (takes the
    reference to keys the caller gave it)."""
    values = new_values(heap, keys.nentries + keys.usable)
    return new_dict(heap, keys, values, 0)


def make_dict_from_instance_attributes(heap, keys, values):
    """``make_dict_from_instance_attributes``: a split dict that takes over an instance's
    values array; tracked if a value may be tracked."""
    keys.refcnt += 1
    used = 0
    track = False
    vals = values.values
    for i in range(keys.nentries + keys.usable):
        v = vals[i]
        if v is not None:
            used += 1
            if not track and may_be_tracked(heap, v):
                track = True
    mp = new_dict(heap, keys, values, used)
    if track:
        heap.gc.track(mp)
    return mp


# --- type slots -----------------------------------------------------------------------------------

def dict_sizeof(mp):
    """``_PyDict_SizeOf``: the struct, a split table's value pointers (for the shared keys'
    current size) and the keys object when this dict is its only owner."""
    dk = mp.ma_keys
    res = mp.ob_type.basicsize
    if mp.ma_values is not None:
        res += 8 * (dk.nentries + dk.usable)
    if dk.refcnt == 1:
        res += keys_size(dk)
    return res


def dict_buffers(mp):
    """The blocks a dict owns or co-owns: its values array and its keys object (a class's
    shared keys are co-owned by the class and every split dict on them; the static empty
    keys object, of log2 size 0, is no block)."""
    out = []
    if mp.ma_values is not None:
        out.append(mp.ma_values.addr)
    dk = mp.ma_keys
    if dk.log2_size:
        out.append(dk.addr)
    return out


def dict_traverse(mp):
    """``dict_traverse``: the values (and, for a general table, each key after its value), as
    ``gc.get_referents`` reports them.  The keys of a str-keyed table are not visited."""
    dk = mp.ma_keys
    n = dk.nentries
    if dk.kind != KEYS_GENERAL:
        values = mp.ma_values
        vals = values.values if values is not None else dk.evalues
        return [vals[i] for i in range(n) if vals[i] is not None]
    out = []
    ekeys = dk.ekeys
    evalues = dk.evalues
    for i in range(n):
        v = evalues[i]
        if v is not None:
            out.append(v)
            out.append(ekeys[i])
    return out


def dict_all_references(mp):
    """Every reference the dict holds, keys included (for the heap audit: ``dict_traverse``
    leaves out the str keys, as CPython's does).  A split table's keys belong to its class's
    shared keys object and are not listed."""
    dk = mp.ma_keys
    values = mp.ma_values
    if values is not None:
        vals = values.values
        return [vals[i] for i in range(dk.nentries) if vals[i] is not None]
    out = []
    for k, v in zip(dk.ekeys, dk.evalues):
        if v is not None:
            out.append(k)
            out.append(v)
    return out


def dict_dealloc(heap, mp):
    """``dict_dealloc`` (without the trashcan): untrack, release the entries in order (key
    then value) and the keys object, then keep the shell on the free list or free it."""
    if mp.gc_gen >= 0:
        heap.gc.untrack(mp)
    values = mp.ma_values
    keys = mp.ma_keys
    if values is not None:
        vals = values.values
        decref = heap.decref
        for i in range(keys.nentries):
            v = vals[i]
            if v is not None:
                decref(v)
        free_values(heap, values)
        keys_decref(heap, keys)
    elif keys is not heap.dict_empty_keys:
        keys_decref(heap, keys)
    mp.ma_keys = None
    mp.ma_values = None
    freelist = heap.dict_freelist
    if mp.ob_type is heap.dict_type and len(freelist) < heap.dict_freelist_max:
        freelist.append(mp)
    else:
        heap.gc_del(mp)


def dict_eq(heap, a, b):
    """``dict_richcompare`` for ``==``: same size, and each key of a is in b with an equal
    value (identity counts as equal).  NotImplemented unless both are dicts."""
    if not isinstance(a, DictObject) or not isinstance(b, DictObject):
        return NotImplemented
    if a.ma_used != b.ma_used:
        return False
    dk = a.ma_keys
    i = 0
    while i < dk.nentries:
        key = dk.ekeys[i]
        if key is None:
            i += 1
            continue
        aval = value_at(a, i)
        if aval is not None:
            aval.ob_refcnt += 1
            key.ob_refcnt += 1
            ix = find_entry(heap, b, key, dk.lkeys[i])
            bval = value_at(b, ix) if ix >= 0 else None
            if bval is None:
                heap.decref(key)
                heap.decref(aval)
                return False
            bval.ob_refcnt += 1
            try:
                cmp = objects_equal(heap, aval, bval)
            finally:
                heap.decref(key)
                heap.decref(aval)
                heap.decref(bval)
            if not cmp:
                return False
        i += 1
        dk = a.ma_keys
    return True


# --- the collector's and the runtime's hooks ------------------------------------------------------

def dict_maybe_untrack(heap, mp):
    """``_PyDict_MaybeUntrack`` (full collections): untrack an exact dict none of whose
    values (nor, in a general table, keys) may be tracked."""
    if mp.ob_type is not heap.dict_type or mp.gc_gen < 0:
        return
    dk = mp.ma_keys
    n = dk.nentries
    values = mp.ma_values
    if values is not None:
        vals = values.values
        for i in range(n):
            v = vals[i]
            if v is not None and may_be_tracked(heap, v):
                return
    elif dk.kind != KEYS_GENERAL:
        for v in dk.evalues:
            if v is not None and may_be_tracked(heap, v):
                return
    else:
        ekeys = dk.ekeys
        for i, v in enumerate(dk.evalues):
            if v is not None and (may_be_tracked(heap, v) or may_be_tracked(heap, ekeys[i])):
                return
    heap.gc.untrack(mp)


def dict_clear_freelists(heap):
    """``_PyDict_ClearFreeList``: free the dict shells (most recent first, each uncounted
    from gen 0 as ``PyObject_GC_Del`` does), then the keys objects."""
    freelist = heap.dict_freelist
    while freelist:
        heap.gc_del(freelist.pop())
    keys_freelist = heap.dict_keys_freelist
    while keys_freelist:
        dk = keys_freelist.pop()
        heap.free(dk.addr)

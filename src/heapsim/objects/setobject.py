"""``set`` and ``frozenset`` (Objects/setobject.c): the open-addressing hash table.

A set's memory is one 200-byte ``PySetObject`` (plus the 16-byte GC header) that holds, inline,
a *smalltable* of 8 entries.  A table of more than 8 entries is a separate
``PyMem_Malloc(16 * (mask + 1))`` block, allocated and freed as the set resizes.  Where each key
sits in the table is what decides the iteration order of a set, the order its keys are released
in at deallocation, and which element ``pop`` returns; so the probing, the dummy entries left
by deletions, the resize thresholds and the order in which a resize re-inserts keys are all
CPython's, step for step.

``frozenset()`` is not a singleton in 3.11: every empty frozenset is a new object.  Both types
are GC types, tracked as soon as they are allocated (``PyType_GenericAlloc``), weakly
referenceable, and take part in the trashcan.  There is no free list.

Guest-visible errors are ``GuestError``s; a ``set.remove`` of a missing key is left to the
caller (``set_discard_key`` reports whether the key was there), because ``KeyError(key)``
carries the key object, which only the interpreter can build.  Iterating an arbitrary guest
iterable (``set(list)``, ``s.update(gen)``) goes through ``heap.iterate(obj)``, a hook the
interpreter installs: it returns a host iterator that yields *new references*, as
``PyIter_Next`` does, and releases the guest iterator when it is exhausted or closed.
"""

from heapsim.base.errors import GuestError, HeapsimError, Unsupported
from heapsim.objects.abstract import objects_equal
from heapsim.objects.core import (
    TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_MATCH_SELF, UNTRACKED,
    GCObject, make_static_type, unhashable,
)
from heapsim.objects.dict_table import dict_contains, dict_key_hash_pairs

SET_HEADER = 200          # sizeof(PySetObject): head, fill, used, mask, table, hash, finger,
#                           smalltable[8] of 16-byte entries, weakreflist
SETENTRY_SIZE = 16        # setentry: key pointer + hash
SET_MINSIZE = 8           # PySet_MINSIZE
LINEAR_PROBES = 9
PERTURB_SHIFT = 5
SETITER_SIZE = 48         # setiterobject: head, si_set, si_used, si_pos, len

DISCARD_NOTFOUND = 0
DISCARD_FOUND = 1

_U64 = 0xFFFF_FFFF_FFFF_FFFF


# ``_dummy_struct``: the marker left in a table slot whose key was deleted.  It is a private
# static object in CPython that no guest ever sees, so a host sentinel stands for it.  A dummy
# slot has the hash -1, which no real key has (``hash()`` never returns -1).
class _Dummy:
    __slots__ = ()

    def __repr__(self):
        return "<dummy key>"


DUMMY = _Dummy()


# ``PySetObject``.  The table of ``mask + 1`` entries is two parallel host lists, ``keys`` and
# ``hashes``: entry i holds the key ``keys[i]`` (a simulated object, ``None`` for a never-used
# slot, whose hash is 0, or ``DUMMY`` for a deleted one, whose hash is -1) and its hash
# ``hashes[i]`` (a signed host int, as ``Py_hash_t``).  ``table_addr`` is the address of the
# separately allocated table, or 0 while the table is the inline smalltable.  The lists are
# replaced, never resized, when the table is: a lookup that sees ``so.keys`` change under it
# knows a guest ``__eq__`` rebuilt the table and starts again, as ``set_lookkey`` compares
# ``so->table``.  ``fill`` counts active plus dummy entries, ``used`` active ones; ``finger``
# is where ``pop`` resumes its scan; ``hash`` is a frozenset's cached hash (-1: not computed);
# ``weaklist`` is ``weakreflist`` (None when there are no weak references).
class SetObject(GCObject):
    __slots__ = ("fill", "used", "mask", "keys", "hashes", "table_addr", "hash", "finger",
                 "weaklist")


# ``setiterobject``: ``si_set`` is the set being iterated (None once exhausted), ``si_used``
# its size when iteration began (a change is an error), ``si_pos`` the next slot to look at,
# ``len`` the number of keys still to come (``__length_hint__``).
class SetIterObject(GCObject):
    __slots__ = ("si_set", "si_used", "si_pos", "len")


# --- probing ------------------------------------------------------------------------------
#
# A search starts at ``hash & mask`` and looks at that entry and, when they exist without
# wrapping, the LINEAR_PROBES entries after it; then it jumps with ``perturb >>= 5;
# i = (i*5 + 1 + perturb) & mask``, where perturb starts as the hash taken as unsigned.

def _compare_entry(heap, startkey, key):
    """``PyObject_RichCompareBool(startkey, key, Py_EQ)`` with startkey held meanwhile."""
    startkey.ob_refcnt += 1
    try:
        return objects_equal(heap, startkey, key)
    finally:
        heap.decref(startkey)


def set_lookkey(heap, so, key, hash):
    """``set_lookkey``: the index of key's entry, or of the unused slot that ends the search.

    Callers tell the two apart by ``so.keys[i] is None``.  A guest ``__eq__`` that changes
    the set makes the search start again, as in CPython.
    """
    while True:
        keys = so.keys
        hashes = so.hashes
        mask = so.mask
        i = hash & mask
        perturb = hash & _U64
        restart = False
        while True:
            stop = i + LINEAR_PROBES
            if stop > mask:
                stop = i
            j = i
            while j <= stop:
                k = keys[j]
                if k is None:
                    return j
                if hashes[j] == hash:
                    if k is key:
                        return j
                    cmp = _compare_entry(heap, k, key)
                    if so.keys is not keys or keys[j] is not k:
                        restart = True
                        break
                    if cmp:
                        return j
                    mask = so.mask
                j += 1
            if restart:
                break
            perturb >>= PERTURB_SHIFT
            i = (i * 5 + 1 + perturb) & mask


def set_add_entry(heap, so, key, hash):
    """``set_add_entry``: add key (a borrowed reference; the set takes its own) with its hash."""
    # Held from the start, so that a guest __eq__ cannot free it before it is stored.
    key.ob_refcnt += 1
    while True:
        keys = so.keys
        hashes = so.hashes
        mask = so.mask
        i = hash & mask
        perturb = hash & _U64
        freeslot = -1
        restart = False
        while True:
            stop = i + LINEAR_PROBES
            if stop > mask:
                stop = i
            j = i
            while j <= stop:
                k = keys[j]
                if k is None:
                    break
                h = hashes[j]
                if h == hash:
                    if k is key:
                        key.ob_refcnt -= 1       # found_active; the caller still holds key
                        return
                    try:
                        cmp = _compare_entry(heap, k, key)
                    except HeapsimError:
                        heap.decref(key)
                        raise
                    if cmp:
                        heap.decref(key)
                        return
                    if so.keys is not keys or keys[j] is not k:
                        restart = True
                        break
                    mask = so.mask
                elif h == -1:
                    freeslot = j                 # the last dummy seen is the one reused
                j += 1
            else:
                perturb >>= PERTURB_SHIFT
                i = (i * 5 + 1 + perturb) & mask
                continue
            break
        if not restart:
            break
    if freeslot >= 0:
        so.used += 1
        keys[freeslot] = key
        hashes[freeslot] = hash
        return
    so.fill += 1
    so.used += 1
    keys[j] = key
    hashes[j] = hash
    if so.fill * 5 < mask * 3:
        return
    used = so.used
    set_table_resize(heap, so, used * 2 if used > 50000 else used * 4)


def set_insert_clean(keys, hashes, mask, key, hash):
    """``set_insert_clean``: place a key known to be absent into a table without dummies."""
    perturb = hash & _U64
    i = hash & mask
    while True:
        if keys[i] is None:
            break
        if i + LINEAR_PROBES <= mask:
            j = i + 1
            stop = i + LINEAR_PROBES
            while j <= stop:
                if keys[j] is None:
                    break
                j += 1
            if j <= stop:
                i = j
                break
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + 1 + perturb) & mask
    keys[i] = key
    hashes[i] = hash


def set_table_resize(heap, so, minused):
    """``set_table_resize``: rebuild the table with the smallest power of 2 above minused.

    Keys are re-inserted in the old table's slot order, dummies dropped; a new large table is
    allocated before the old one is freed.  A smalltable without dummies is left alone.
    """
    newsize = SET_MINSIZE
    while newsize <= minused:
        newsize <<= 1
    old_addr = so.table_addr
    if newsize == SET_MINSIZE:
        if not old_addr and so.fill == so.used:
            return
        new_addr = 0
    else:
        new_addr = heap.malloc(SETENTRY_SIZE * newsize)
    oldkeys = so.keys
    oldhashes = so.hashes
    keys = [None] * newsize
    hashes = [0] * newsize
    newmask = newsize - 1
    so.mask = newmask
    so.keys = keys
    so.hashes = hashes
    so.table_addr = new_addr
    if so.fill == so.used:
        for idx, k in enumerate(oldkeys):
            if k is not None:
                set_insert_clean(keys, hashes, newmask, k, oldhashes[idx])
    else:
        so.fill = so.used
        for idx, k in enumerate(oldkeys):
            if k is not None and k is not DUMMY:
                set_insert_clean(keys, hashes, newmask, k, oldhashes[idx])
    if old_addr:
        heap.free(old_addr)


# --- type checks ----------------------------------------------------------------------------

def _subtype_of(tp, base):
    while tp is not None:
        if tp is base:
            return True
        tp = tp.base
    return False


def anyset_check(heap, obj):
    """``PyAnySet_Check``: a set, a frozenset, or an instance of a subclass of either."""
    tp = obj.ob_type
    if tp is heap.set_type or tp is heap.frozenset_type:
        return True
    return _subtype_of(tp, heap.set_type) or _subtype_of(tp, heap.frozenset_type)


def set_check(heap, obj):
    """``PySet_Check``: a set or an instance of a subclass of set (not frozenset)."""
    tp = obj.ob_type
    return tp is heap.set_type or _subtype_of(tp, heap.set_type)


def _exact_dict(heap, obj):
    return obj.ob_type is heap.dict_type


def _get_iter(heap, obj):
    """``PyObject_GetIter`` for the loops below: a host iterator of new references."""
    iterate = heap.iterate
    if iterate is None:
        raise Unsupported(f"iterating a '{obj.ob_type.name}' before the interpreter is set up")
    return iterate(obj)


def _close(it):
    close = getattr(it, "close", None)
    if close is not None:
        close()


# --- construction ---------------------------------------------------------------------------

def make_new_set(heap, tp, iterable=None):
    """``make_new_set``: a new (tracked) set or frozenset of type tp, filled from iterable."""
    addr = heap.gc_alloc(tp, tp.basicsize)
    so = SetObject.__new__(SetObject)
    so.ob_refcnt = 1
    so.ob_type = tp
    so.addr = addr
    so.gc_gen = UNTRACKED
    so.gc_refs = 0
    so.gc_flags = 0
    if tp.flags & TPFLAGS_HEAPTYPE:
        tp.ob_refcnt += 1
    heap.gc.track(so)
    so.fill = 0
    so.used = 0
    so.mask = SET_MINSIZE - 1
    so.keys = [None] * SET_MINSIZE
    so.hashes = [0] * SET_MINSIZE
    so.table_addr = 0
    so.hash = -1
    so.finger = 0
    so.weaklist = None
    if iterable is not None:
        try:
            set_update_internal(heap, so, iterable)
        except HeapsimError:
            heap.decref(so)
            raise
    return so


def set_new(heap, iterable=None):
    """``PySet_New``: a new reference to a new set (``set()``, ``set(iterable)``, BUILD_SET)."""
    return make_new_set(heap, heap.set_type, iterable)


def frozenset_new(heap, iterable=None):
    """``PyFrozenSet_New``: always a new frozenset, even when empty."""
    return make_new_set(heap, heap.frozenset_type, iterable)


def make_new_frozenset(heap, tp, iterable=None):
    """``make_new_frozenset`` (the ``frozenset(x)`` call): ``frozenset(f)`` returns f itself."""
    if tp is heap.frozenset_type and iterable is not None \
            and iterable.ob_type is heap.frozenset_type:
        iterable.ob_refcnt += 1
        return iterable
    return make_new_set(heap, tp, iterable)


def make_new_set_basetype(heap, tp, iterable=None):
    """``make_new_set_basetype``: results of set operations on subclasses are base sets."""
    if tp is not heap.set_type and tp is not heap.frozenset_type:
        tp = heap.set_type if _subtype_of(tp, heap.set_type) else heap.frozenset_type
    return make_new_set(heap, tp, iterable)


# --- keys -----------------------------------------------------------------------------------

def set_add_key(heap, so, key):
    """``set_add_key`` / ``PySet_Add``: hash key and add it (key is borrowed; the set increfs)."""
    set_add_entry(heap, so, key, key.ob_type.tp_hash(heap, key))


set_add = set_add_key


def set_contains_key(heap, so, key):
    """``set_contains_key``: host bool; raises the TypeError of an unhashable key."""
    hash = key.ob_type.tp_hash(heap, key)
    return so.keys[set_lookkey(heap, so, key, hash)] is not None


def set_contains_entry(heap, so, key, hash):
    return so.keys[set_lookkey(heap, so, key, hash)] is not None


def _as_frozenset_key(heap, key, exc):
    """A set used as a key is looked up as a temporary frozenset (``set_contains``)."""
    if exc.kind != "TypeError" or not set_check(heap, key):
        return None
    return make_new_set(heap, heap.frozenset_type, key)


def set_contains(heap, so, key):
    """``set_contains`` (``key in so``): a set key is tried as a frozenset."""
    try:
        return set_contains_key(heap, so, key)
    except GuestError as exc:
        tmpkey = _as_frozenset_key(heap, key, exc)
        if tmpkey is None:
            raise
    try:
        return set_contains_key(heap, so, tmpkey)
    finally:
        heap.decref(tmpkey)


def set_discard_entry(heap, so, key, hash):
    """``set_discard_entry``: DISCARD_FOUND after leaving a dummy, or DISCARD_NOTFOUND."""
    j = set_lookkey(heap, so, key, hash)
    keys = so.keys
    old_key = keys[j]
    if old_key is None:
        return DISCARD_NOTFOUND
    keys[j] = DUMMY
    so.hashes[j] = -1
    so.used -= 1
    heap.decref(old_key)
    return DISCARD_FOUND


def set_discard_key(heap, so, key):
    """``set_discard_key`` / ``PySet_Discard``."""
    return set_discard_entry(heap, so, key, key.ob_type.tp_hash(heap, key))


def set_discard(heap, so, key):
    """``set.discard`` and the lookup of ``set.remove``: DISCARD_FOUND or DISCARD_NOTFOUND.

    ``set.remove`` raises ``KeyError(key)`` when this returns DISCARD_NOTFOUND.
    """
    try:
        return set_discard_key(heap, so, key)
    except GuestError as exc:
        tmpkey = _as_frozenset_key(heap, key, exc)
        if tmpkey is None:
            raise
    try:
        return set_discard_key(heap, so, tmpkey)
    finally:
        heap.decref(tmpkey)


def set_pop(heap, so):
    """``set.pop``: a new reference to the first key at or after the finger."""
    if so.used == 0:
        raise GuestError("KeyError", "pop from an empty set")
    keys = so.keys
    mask = so.mask
    i = so.finger & mask
    k = keys[i]
    while k is None or k is DUMMY:
        i += 1
        if i > mask:
            i = 0
        k = keys[i]
    keys[i] = DUMMY
    so.hashes[i] = -1
    so.used -= 1
    so.finger = i + 1
    return k


def _empty_to_minsize(so):
    so.fill = 0
    so.used = 0
    so.mask = SET_MINSIZE - 1
    so.keys = [None] * SET_MINSIZE
    so.hashes = [0] * SET_MINSIZE
    so.table_addr = 0
    so.hash = -1


def set_clear_internal(heap, so):
    """``set_clear_internal`` (``set.clear`` and tp_clear): empty first, then release.

    The set is made empty before any key is released, so that a finalizer run by a release
    sees an empty set; keys go in slot order; a large table is freed after them.
    """
    keys = so.keys
    used = so.used
    addr = so.table_addr
    if addr or so.fill > 0:
        _empty_to_minsize(so)
    if used:
        for k in keys:
            if k is not None and k is not DUMMY:
                heap.decref(k)
                used -= 1
                if used == 0:
                    break
    if addr:
        heap.free(addr)


set_clear = set_clear_internal


def set_next(so, pos):
    """``set_next``: the index of the first active entry at or after pos, or -1."""
    keys = so.keys
    mask = so.mask
    while pos <= mask:
        k = keys[pos]
        if k is not None and k is not DUMMY:
            return pos
        pos += 1
    return -1


def set_keys(so):
    """The keys in table order (borrowed references), as iteration yields them."""
    return [k for k in so.keys if k is not None and k is not DUMMY]


# --- bulk updates ---------------------------------------------------------------------------

def set_merge(heap, so, other):
    """``set_merge``: add every key of the set or frozenset other (``SET_UPDATE``, ``|``)."""
    if other is so or other.used == 0:
        return
    if (so.fill + other.used) * 5 >= so.mask * 3:
        set_table_resize(heap, so, (so.used + other.used) * 2)
    okeys = other.keys
    ohashes = other.hashes
    if so.fill == 0 and so.mask == other.mask and other.fill == other.used:
        # Same size, no dummies: copy entry for entry.
        keys = so.keys
        hashes = so.hashes
        for i, k in enumerate(okeys):
            if k is not None:
                k.ob_refcnt += 1
                keys[i] = k
                hashes[i] = ohashes[i]
        so.fill = other.fill
        so.used = other.used
        return
    if so.fill == 0:
        keys = so.keys
        hashes = so.hashes
        mask = so.mask
        so.fill = other.used
        so.used = other.used
        for i, k in enumerate(okeys):
            if k is not None and k is not DUMMY:
                k.ob_refcnt += 1
                set_insert_clean(keys, hashes, mask, k, ohashes[i])
        return
    i = 0
    while i <= other.mask:
        k = other.keys[i]
        if k is not None and k is not DUMMY:
            set_add_entry(heap, so, k, other.hashes[i])
        i += 1


def set_update_iter(heap, so, it):
    """The generic loop of ``set_update_internal``: it yields new references to keys."""
    add = set_add_entry
    for key in it:
        try:
            add(heap, so, key, key.ob_type.tp_hash(heap, key))
        except HeapsimError:
            _close(it)
            heap.decref(key)
            raise
        heap.decref(key)


def set_update_internal(heap, so, other):
    """``set_update_internal``: merge a set, or add the keys of any other iterable."""
    if anyset_check(heap, other):
        set_merge(heap, so, other)
        return
    if _exact_dict(heap, other):
        _update_from_dict(heap, so, other)
        return
    set_update_iter(heap, so, _get_iter(heap, other))


def _update_from_dict(heap, so, d):
    """The exact-dict branch: presize for the dict's size, then add keys with their hashes."""
    size = d.ma_used
    if (so.fill + size) * 5 >= so.mask * 3:
        set_table_resize(heap, so, (so.used + size) * 2)
    for key, hash in dict_key_hash_pairs(d, heap):
        set_add_entry(heap, so, key, hash)


def set_update(heap, so, others):
    """``set.update(*others)``."""
    for other in others:
        set_update_internal(heap, so, other)


# --- copies and the set algebra ------------------------------------------------------------

def set_copy(heap, so):
    """``set.copy`` (and the first step of ``|``, ``union``): a new set of so's base type."""
    return make_new_set_basetype(heap, so.ob_type, so)


def frozenset_copy(heap, so):
    """``frozenset.copy``: an exact frozenset is its own copy."""
    if so.ob_type is heap.frozenset_type:
        so.ob_refcnt += 1
        return so
    return set_copy(heap, so)


def set_union(heap, so, others):
    """``set.union(*others)``."""
    result = set_copy(heap, so)
    for other in others:
        if other is so:
            continue
        try:
            set_update_internal(heap, result, other)
        except HeapsimError:
            heap.decref(result)
            raise
    return result


def set_or(heap, so, other):
    """``so | other``; NotImplemented unless both are sets."""
    if not anyset_check(heap, so) or not anyset_check(heap, other):
        return NotImplemented
    result = set_copy(heap, so)
    if other is so:
        return result
    try:
        set_update_internal(heap, result, other)
    except HeapsimError:
        heap.decref(result)
        raise
    return result


def set_ior(heap, so, other):
    """``so |= other``: a new reference to so."""
    if not anyset_check(heap, other):
        return NotImplemented
    set_update_internal(heap, so, other)
    so.ob_refcnt += 1
    return so


def set_intersection(heap, so, other):
    """``set_intersection``: a new set of the keys of so that other also has."""
    if other is so:
        return set_copy(heap, so)
    result = make_new_set_basetype(heap, so.ob_type)
    if anyset_check(heap, other):
        if other.used > so.used:
            so, other = other, so
        pos = set_next(other, 0)
        while pos >= 0:
            key = other.keys[pos]
            hash = other.hashes[pos]
            key.ob_refcnt += 1
            try:
                if set_contains_entry(heap, so, key, hash):
                    set_add_entry(heap, result, key, hash)
            except HeapsimError:
                heap.decref(result)
                heap.decref(key)
                raise
            heap.decref(key)
            pos = set_next(other, pos + 1)
        return result
    try:
        it = _get_iter(heap, other)
    except HeapsimError:
        heap.decref(result)
        raise
    for key in it:
        try:
            hash = key.ob_type.tp_hash(heap, key)
            if set_contains_entry(heap, so, key, hash):
                set_add_entry(heap, result, key, hash)
                if result.used >= so.used:
                    heap.decref(key)
                    _close(it)
                    break
        except HeapsimError:
            _close(it)
            heap.decref(result)
            heap.decref(key)
            raise
        heap.decref(key)
    return result


def set_intersection_multi(heap, so, others):
    """``set.intersection(*others)``."""
    if not others:
        return set_copy(heap, so)
    result = so
    so.ob_refcnt += 1
    for other in others:
        try:
            newresult = set_intersection(heap, result, other)
        except HeapsimError:
            heap.decref(result)
            raise
        heap.decref(result)
        result = newresult
    return result


def set_swap_bodies(heap, a, b):
    """``set_swap_bodies``: exchange two sets' tables and counts (in-place updates)."""
    a.fill, b.fill = b.fill, a.fill
    a.used, b.used = b.used, a.used
    a.mask, b.mask = b.mask, a.mask
    a.keys, b.keys = b.keys, a.keys
    a.hashes, b.hashes = b.hashes, a.hashes
    a.table_addr, b.table_addr = b.table_addr, a.table_addr
    fs = heap.frozenset_type
    if _subtype_of(a.ob_type, fs) and _subtype_of(b.ob_type, fs):
        a.hash, b.hash = b.hash, a.hash
    else:
        a.hash = -1
        b.hash = -1


def set_and(heap, so, other):
    """``so & other``."""
    if not anyset_check(heap, so) or not anyset_check(heap, other):
        return NotImplemented
    return set_intersection(heap, so, other)


def set_intersection_update(heap, so, other):
    """``set.intersection_update(other)`` (one argument) and ``&=``."""
    tmp = set_intersection(heap, so, other)
    set_swap_bodies(heap, so, tmp)
    heap.decref(tmp)


def set_intersection_update_multi(heap, so, others):
    tmp = set_intersection_multi(heap, so, others)
    set_swap_bodies(heap, so, tmp)
    heap.decref(tmp)


def set_iand(heap, so, other):
    """``so &= other``: a new reference to so."""
    if not anyset_check(heap, other):
        return NotImplemented
    set_intersection_update(heap, so, other)
    so.ob_refcnt += 1
    return so


def set_difference_update_internal(heap, so, other):
    """``set_difference_update_internal``: discard other's keys, then purge many dummies."""
    if other is so:
        set_clear_internal(heap, so)
        return
    if anyset_check(heap, other):
        if (other.used >> 3) > so.used:
            other = set_intersection(heap, so, other)
        else:
            other.ob_refcnt += 1
        try:
            pos = set_next(other, 0)
            while pos >= 0:
                key = other.keys[pos]
                key.ob_refcnt += 1
                try:
                    set_discard_entry(heap, so, key, other.hashes[pos])
                finally:
                    heap.decref(key)
                pos = set_next(other, pos + 1)
        finally:
            heap.decref(other)
    else:
        it = _get_iter(heap, other)
        for key in it:
            try:
                set_discard_key(heap, so, key)
            except HeapsimError:
                _close(it)
                heap.decref(key)
                raise
            heap.decref(key)
    if so.fill - so.used <= so.mask // 4:
        return
    used = so.used
    set_table_resize(heap, so, used * 2 if used > 50000 else used * 4)


def set_difference_update(heap, so, others):
    """``set.difference_update(*others)``."""
    for other in others:
        set_difference_update_internal(heap, so, other)


def _copy_and_difference(heap, so, other):
    result = set_copy(heap, so)
    try:
        set_difference_update_internal(heap, result, other)
    except HeapsimError:
        heap.decref(result)
        raise
    return result


def set_difference(heap, so, other):
    """``set_difference``: a new set of so's keys that other lacks."""
    is_dict = False
    if anyset_check(heap, other):
        other_size = other.used
    elif _exact_dict(heap, other):
        is_dict = True
        other_size = other.ma_used
    else:
        return _copy_and_difference(heap, so, other)
    if (so.used >> 2) > other_size:
        return _copy_and_difference(heap, so, other)
    result = make_new_set_basetype(heap, so.ob_type)
    try:
        pos = set_next(so, 0)
        while pos >= 0:
            key = so.keys[pos]
            hash = so.hashes[pos]
            key.ob_refcnt += 1
            try:
                if is_dict:
                    found = dict_contains(heap, other, key)
                else:
                    found = set_contains_entry(heap, other, key, hash)
                if not found:
                    set_add_entry(heap, result, key, hash)
            finally:
                heap.decref(key)
            pos = set_next(so, pos + 1)
    except HeapsimError:
        heap.decref(result)
        raise
    return result


def set_difference_multi(heap, so, others):
    """``set.difference(*others)``."""
    if not others:
        return set_copy(heap, so)
    result = set_difference(heap, so, others[0])
    for other in others[1:]:
        try:
            set_difference_update_internal(heap, result, other)
        except HeapsimError:
            heap.decref(result)
            raise
    return result


def set_sub(heap, so, other):
    """``so - other``."""
    if not anyset_check(heap, so) or not anyset_check(heap, other):
        return NotImplemented
    return set_difference(heap, so, other)


def set_isub(heap, so, other):
    """``so -= other``: a new reference to so."""
    if not anyset_check(heap, other):
        return NotImplemented
    set_difference_update_internal(heap, so, other)
    so.ob_refcnt += 1
    return so


def set_symmetric_difference_update(heap, so, other):
    """``set.symmetric_difference_update(other)``: toggle each of other's keys."""
    if other is so:
        set_clear_internal(heap, so)
        return
    if _exact_dict(heap, other):
        for key, hash in dict_key_hash_pairs(other, heap):
            key.ob_refcnt += 1
            try:
                if set_discard_entry(heap, so, key, hash) == DISCARD_NOTFOUND:
                    set_add_entry(heap, so, key, hash)
            finally:
                heap.decref(key)
        return
    if anyset_check(heap, other):
        other.ob_refcnt += 1
        otherset = other
    else:
        otherset = make_new_set_basetype(heap, so.ob_type, other)
    try:
        pos = set_next(otherset, 0)
        while pos >= 0:
            key = otherset.keys[pos]
            hash = otherset.hashes[pos]
            key.ob_refcnt += 1
            try:
                if set_discard_entry(heap, so, key, hash) == DISCARD_NOTFOUND:
                    set_add_entry(heap, so, key, hash)
            finally:
                heap.decref(key)
            pos = set_next(otherset, pos + 1)
    finally:
        heap.decref(otherset)


def set_symmetric_difference(heap, so, other):
    """``set.symmetric_difference(other)``: built from a copy of other."""
    otherset = make_new_set_basetype(heap, so.ob_type, other)
    try:
        set_symmetric_difference_update(heap, otherset, so)
    except HeapsimError:
        heap.decref(otherset)
        raise
    return otherset


def set_xor(heap, so, other):
    """``so ^ other``."""
    if not anyset_check(heap, so) or not anyset_check(heap, other):
        return NotImplemented
    return set_symmetric_difference(heap, so, other)


def set_ixor(heap, so, other):
    """``so ^= other``: a new reference to so."""
    if not anyset_check(heap, other):
        return NotImplemented
    set_symmetric_difference_update(heap, so, other)
    so.ob_refcnt += 1
    return so


def set_issubset(heap, so, other):
    """``so <= other`` / ``so.issubset(other)``: host bool."""
    if not anyset_check(heap, other):
        tmp = make_new_set(heap, heap.set_type, other)
        try:
            return set_issubset(heap, so, tmp)
        finally:
            heap.decref(tmp)
    if so.used > other.used:
        return False
    pos = set_next(so, 0)
    while pos >= 0:
        key = so.keys[pos]
        key.ob_refcnt += 1
        try:
            found = set_contains_entry(heap, other, key, so.hashes[pos])
        finally:
            heap.decref(key)
        if not found:
            return False
        pos = set_next(so, pos + 1)
    return True


def set_issuperset(heap, so, other):
    """``so >= other`` / ``so.issuperset(other)``: host bool."""
    if anyset_check(heap, other):
        return set_issubset(heap, other, so)
    it = _get_iter(heap, other)
    for key in it:
        try:
            found = set_contains_key(heap, so, key)
        except HeapsimError:
            heap.decref(key)
            _close(it)
            raise
        heap.decref(key)
        if not found:
            _close(it)
            return False
    return True


def set_isdisjoint(heap, so, other):
    """``so.isdisjoint(other)``: host bool."""
    if other is so:
        return so.used == 0
    tp = other.ob_type
    if tp is heap.set_type or tp is heap.frozenset_type:
        if other.used > so.used:
            so, other = other, so
        pos = set_next(other, 0)
        while pos >= 0:
            key = other.keys[pos]
            key.ob_refcnt += 1
            try:
                found = set_contains_entry(heap, so, key, other.hashes[pos])
            finally:
                heap.decref(key)
            if found:
                return False
            pos = set_next(other, pos + 1)
        return True
    it = _get_iter(heap, other)
    for key in it:
        try:
            found = set_contains_key(heap, so, key)
        except HeapsimError:
            heap.decref(key)
            _close(it)
            raise
        heap.decref(key)
        if found:
            _close(it)
            return False
    return True


# Rich comparison operators (``Py_LT`` ... ``Py_GE``).
PY_LT, PY_LE, PY_EQ, PY_NE, PY_GT, PY_GE = range(6)


def set_richcompare(heap, v, w, op):
    """``set_richcompare``: a host bool, or NotImplemented when w is not a set."""
    if not anyset_check(heap, w):
        return NotImplemented
    if op == PY_EQ:
        if v.used != w.used:
            return False
        if v.hash != -1 and w.hash != -1 and v.hash != w.hash:
            return False
        return set_issubset(heap, v, w)
    if op == PY_NE:
        return not set_richcompare(heap, v, w, PY_EQ)
    if op == PY_LE:
        return set_issubset(heap, v, w)
    if op == PY_GE:
        return set_issuperset(heap, v, w)
    if op == PY_LT:
        return v.used < w.used and set_issubset(heap, v, w)
    if op == PY_GT:
        return v.used > w.used and set_issuperset(heap, v, w)
    return NotImplemented


def set_eq(heap, a, b):
    """``tp_eq``: ``a == b`` for two sets (equal elements, whatever the types)."""
    return set_richcompare(heap, a, b, PY_EQ)


# --- hashing --------------------------------------------------------------------------------

def _shuffle_bits(h):
    return (((h ^ 89869747) ^ (h << 16)) * 3644798167) & _U64


def frozenset_hash(heap, so):
    """``frozenset_hash``: order-independent, cached in ``so.hash``.

    CPython xors the shuffled hash of every entry, unused and dummy ones included, and then
    cancels those out; xoring only the active entries gives the same value.
    """
    if so.hash != -1:
        return so.hash
    h = 0
    keys = so.keys
    for i, hv in enumerate(so.hashes):
        k = keys[i]
        if k is not None and k is not DUMMY:
            h ^= _shuffle_bits(hv & _U64)
    h ^= ((so.used + 1) * 1927868237) & _U64
    h ^= (h >> 11) ^ (h >> 25)
    h = (h * 69069 + 907133923) & _U64
    if h == _U64:
        h = 590923713
    if h >= 1 << 63:
        h -= 1 << 64
    so.hash = h
    return h


# --- sizes, references, deallocation -------------------------------------------------------

def set_sizeof(so):
    """``set.__sizeof__``: the object, plus the table when it is not the smalltable."""
    if so.table_addr:
        return so.ob_type.basicsize + SETENTRY_SIZE * (so.mask + 1)
    return so.ob_type.basicsize


def set_traverse(so):
    """``set_traverse``: the keys, in slot order."""
    return [k for k in so.keys if k is not None and k is not DUMMY]


def set_buffers(so):
    return (so.table_addr,) if so.table_addr else ()


def set_dealloc(heap, so):
    """``set_dealloc``: untrack, clear weakrefs, release keys in slot order, free the table."""
    heap.gc.untrack(so)
    if so.weaklist is not None:
        heap.clear_weakrefs(so)
    used = so.used
    if used:
        for k in so.keys:
            if k is not None and k is not DUMMY:
                heap.decref(k)
                used -= 1
                if used == 0:
                    break
    if so.table_addr:
        heap.free(so.table_addr)
    heap.gc_del(so)


# --- iteration ------------------------------------------------------------------------------

def set_iter(heap, so):
    """``set_iter``: a new (tracked) set_iterator holding a reference to so."""
    tp = heap.set_iterator_type
    addr = heap.gc_alloc(tp, SETITER_SIZE)
    si = SetIterObject.__new__(SetIterObject)
    si.ob_refcnt = 1
    si.ob_type = tp
    si.addr = addr
    si.gc_gen = UNTRACKED
    si.gc_refs = 0
    si.gc_flags = 0
    so.ob_refcnt += 1
    si.si_set = so
    si.si_used = so.used
    si.si_pos = 0
    si.len = so.used
    heap.gc.track(si)
    return si


def setiter_next(heap, si):
    """``setiter_iternext``: a new reference to the next key, or None when exhausted."""
    so = si.si_set
    if so is None:
        return None
    if si.si_used != so.used:
        si.si_used = -1
        raise GuestError("RuntimeError", "Set changed size during iteration")
    i = si.si_pos
    keys = so.keys
    mask = so.mask
    while i <= mask:
        k = keys[i]
        if k is not None and k is not DUMMY:
            si.si_pos = i + 1
            si.len -= 1
            k.ob_refcnt += 1
            return k
        i += 1
    si.si_pos = i + 1
    si.si_set = None
    heap.decref(so)
    return None


def setiter_len(si):
    """``set_iterator.__length_hint__``."""
    so = si.si_set
    if so is not None and si.si_used == so.used:
        return si.len
    return 0


def _setiter_traverse(si):
    return (si.si_set,) if si.si_set is not None else ()


def _setiter_dealloc(heap, si):
    heap.gc.untrack(si)
    heap.xdecref(si.si_set)
    heap.gc_del(si)


# --- types ----------------------------------------------------------------------------------

def init(heap):
    flags = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF
    common = dict(sizeof=set_sizeof, dealloc=set_dealloc, traverse=set_traverse,
                  clear=set_clear_internal, trashcan=True, weakrefable=True, eq=set_eq,
                  buffers=set_buffers)
    set_type = make_static_type("set", SET_HEADER, 0, flags, base=heap.object_type,
                                hash=unhashable, **common)
    heap.register_static_type(set_type)
    heap.set_type = set_type
    frozenset_type = make_static_type("frozenset", SET_HEADER, 0, flags,
                                      base=heap.object_type, hash=frozenset_hash, **common)
    heap.register_static_type(frozenset_type)
    heap.frozenset_type = frozenset_type
    iter_type = make_static_type("set_iterator", SETITER_SIZE, 0, TPFLAGS_HAVE_GC,
                                 base=heap.object_type, dealloc=_setiter_dealloc,
                                 traverse=_setiter_traverse)
    heap.register_static_type(iter_type)
    heap.set_iterator_type = iter_type

"""The dict object and its table operations (Objects/dictobject.c): allocation, lookup,
insertion, resizing and deletion.

``dictobject.py`` has the type, the module's overview of the rules, and everything built on
these operations (copies, updates, constructors, the type slots); the keys objects and values
arrays are ``dict_keys.py``'s.  The public functions here are re-exported by ``dictobject``,
which is where callers import them from.
"""

from heapsim.base.errors import GuestError, OutOfMemory
from heapsim.objects.abstract import hash_object
from heapsim.objects.core import TPFLAGS_HEAPTYPE, TPFLAGS_TYPE_SUBCLASS, UNTRACKED, GCObject
from heapsim.objects.dict_keys import (
    KEYS_GENERAL, KEYS_SPLIT, LOG2_MINSIZE, KeyRef, as_keyref, calculate_log2_keysize,
    free_values, keys_decref, lookup_key, make_generic, new_keys_object, release_keys_block,
    scan_for_key,
)

DICT_SIZE = 48            # sizeof(PyDictObject)


class DictObject(GCObject):
    """``PyDictObject``: ``ma_used`` live entries, ``ma_keys`` (a ``DictKeys``), ``ma_values``
    (a ``DictValues`` for a split table, else None)."""

    __slots__ = ("ma_used", "ma_keys", "ma_values")


def may_be_tracked(heap, obj):
    """``_PyObject_GC_MAY_BE_TRACKED``: a GC object, other than an untracked exact tuple.

    Type objects are GC objects only when they are heap types (``type_is_gc``).
    """
    tp = obj.ob_type
    if not tp.is_gc:
        return False
    if tp is heap.tuple_type:
        return obj.gc_gen >= 0
    if tp.flags & TPFLAGS_TYPE_SUBCLASS:
        return bool(obj.flags & TPFLAGS_HEAPTYPE)
    return True


def key_error(key):
    """``_PyErr_SetKeyError(key)``: a KeyError whose ``key`` attribute is the (borrowed) key
    object, for the interpreter to build ``KeyError(key)`` from."""
    err = GuestError("KeyError")
    err.key = key
    return err


# --- allocation -----------------------------------------------------------------------------------

def gc_new_dict(heap):
    """``PyObject_GC_New(PyDictObject, &PyDict_Type)``: a fresh block, counted in gen 0."""
    tp = heap.dict_type
    mp = DictObject.__new__(DictObject)
    mp.addr = heap.gc_alloc(tp, DICT_SIZE)
    mp.ob_type = tp
    mp.ob_refcnt = 1
    mp.gc_gen = UNTRACKED
    mp.gc_refs = 0
    mp.gc_flags = 0
    return mp


def new_dict(heap, keys, values, used):
    """``new_dict``: a dict on ``keys`` (whose reference it takes) and ``values``, from the
    free list when it can be."""
    freelist = heap.dict_freelist
    if freelist:
        mp = freelist.pop()
        mp.ob_refcnt = 1
    else:
        try:
            mp = gc_new_dict(heap)
        except OutOfMemory:
            if keys is not heap.dict_empty_keys:
                keys_decref(heap, keys)
            if values is not None:
                free_values(heap, values)
            raise
    mp.ma_keys = keys
    mp.ma_values = values
    mp.ma_used = used
    return mp


def dict_new(heap):
    """``PyDict_New`` (``{}``, ``BUILD_MAP 0``): an empty dict, from the free list if it can."""
    freelist = heap.dict_freelist
    if freelist:
        mp = freelist.pop()
        mp.ob_refcnt = 1
    else:
        mp = gc_new_dict(heap)
    mp.ma_keys = heap.dict_empty_keys
    mp.ma_values = None
    mp.ma_used = 0
    return mp


def dict_new_generic(heap):
    """``dict()``: ``dict_new`` through ``tp_alloc`` (a fresh block, never the free list);
    an exact dict is left untracked."""
    mp = gc_new_dict(heap)
    mp.ma_keys = heap.dict_empty_keys
    mp.ma_values = None
    mp.ma_used = 0
    return mp


# --- lookup ---------------------------------------------------------------------------------------

def _lookup_set(heap, dk, lk, ix):
    """Record lookup key lk -> entry ix; a new key is distinct from every stored one."""
    if dk.generic:
        heap.dict_eq_suspended = True
        try:
            dk.lookup[lk] = ix
        finally:
            heap.dict_eq_suspended = False
    else:
        dk.lookup[lk] = ix


def _lookup_del(heap, dk, lk):
    """Forget a stored lookup key (found by identity, so no guest comparison runs)."""
    if dk.generic:
        heap.dict_eq_suspended = True
        try:
            del dk.lookup[lk]
        finally:
            heap.dict_eq_suspended = False
    else:
        del dk.lookup[lk]


def _rebuild_lookup(heap, dk):
    """Map the live lookup keys of dk (distinct by construction) to their entry indices."""
    lkeys = dk.lkeys
    if dk.generic:
        heap.dict_eq_suspended = True
        try:
            dk.lookup = {lk: i for i, lk in enumerate(lkeys) if lk is not None}
        finally:
            heap.dict_eq_suspended = False
    else:
        dk.lookup = {lk: i for i, lk in enumerate(lkeys) if lk is not None}


def find_entry(heap, mp, key, lk):
    """The entry index of key (whose lookup key is lk) in mp's keys, or -1."""
    dk = mp.ma_keys
    if lk.__class__ is KeyRef:
        if not dk.generic:
            if dk.kind == KEYS_SPLIT:
                return scan_for_key(heap, dk, key, lk.hash)
            if dk.nentries == 0:
                return -1
            make_generic(heap, dk)
    elif dk.generic:
        lk = as_keyref(heap, key, lk)
    return dk.lookup.get(lk, -1)


def lookup_entry(heap, mp, key):
    """``_Py_dict_lookup``: hash key as CPython does, then find its entry index, or -1."""
    dk = mp.ma_keys
    if key.ob_type is heap.str_type and not dk.generic:
        return dk.lookup.get(key.value, -1)
    if dk.generic:
        lk = KeyRef(heap, key, hash_object(heap, key))
    else:
        lk = lookup_key(heap, key)
    return find_entry(heap, mp, key, lk)


def value_at(mp, ix):
    values = mp.ma_values
    if values is not None:
        return values.values[ix]
    return mp.ma_keys.evalues[ix]


def dict_getitem(heap, mp, key):
    """``PyDict_GetItemWithError``: the value stored under key (borrowed), or None.

    Raises what hashing the key raises (``unhashable type``, a guest ``__hash__`` error).
    """
    dk = mp.ma_keys
    if key.ob_type is heap.str_type and not dk.generic:
        ix = dk.lookup.get(key.value)
        if ix is None:
            return None
    else:
        ix = lookup_entry(heap, mp, key)
        if ix < 0:
            return None
    values = mp.ma_values
    if values is not None:
        return values.values[ix]
    return mp.ma_keys.evalues[ix]


def dict_contains(heap, mp, key):
    """``PyDict_Contains``: True when key is present."""
    ix = lookup_entry(heap, mp, key)
    return ix >= 0 and value_at(mp, ix) is not None


def dict_len(mp):
    """``PyDict_Size``."""
    return mp.ma_used


# --- insertion ------------------------------------------------------------------------------------

def maintain_tracking(heap, mp, key, value):
    if (mp.gc_gen < 0 and (may_be_tracked(heap, key) or may_be_tracked(heap, value))):
        heap.gc.track(mp)


def dict_setitem(heap, mp, key, value):
    """``PyDict_SetItem``: store value under key; the dict takes references to both."""
    dk = mp.ma_keys
    if key.ob_type is heap.str_type and not dk.generic:
        lk = key.value
    elif dk.generic:
        lk = KeyRef(heap, key, hash_object(heap, key))
    else:
        lk = lookup_key(heap, key)
    key.ob_refcnt += 1
    value.ob_refcnt += 1
    if dk is heap.dict_empty_keys:
        insert_to_emptydict(heap, mp, key, lk, value)
    else:
        insertdict(heap, mp, key, lk, value)


def insert_to_emptydict(heap, mp, key, lk, value):
    """``insert_to_emptydict``: the first key of a dict on the empty keys (consumes both)."""
    dk = new_keys_object(heap, LOG2_MINSIZE, key.ob_type is heap.str_type)
    mp.ma_keys = dk
    mp.ma_values = None
    if mp.gc_gen < 0 and (may_be_tracked(heap, key) or may_be_tracked(heap, value)):
        heap.gc.track(mp)
    if lk.__class__ is KeyRef:
        dk.generic = True
    dk.ekeys.append(key)
    dk.evalues.append(value)
    dk.lkeys.append(lk)
    dk.lookup[lk] = 0
    mp.ma_used += 1
    dk.usable -= 1
    dk.nentries = 1


def insertdict(heap, mp, key, lk, value):
    """``insertdict``: store value under key in a dict with a real keys object (consumes
    both references; an equal stored key is kept and the new one released)."""
    dk = mp.ma_keys
    if dk.kind != KEYS_GENERAL and key.ob_type is not heap.str_type:
        dictresize(heap, mp, calculate_log2_keysize(mp.ma_used * 3), False)
        dk = mp.ma_keys
    if lk.__class__ is KeyRef:
        if not dk.generic:
            make_generic(heap, dk)
    elif dk.generic:
        lk = as_keyref(heap, key, lk)
    ix = dk.lookup.get(lk)
    if mp.gc_gen < 0 and (may_be_tracked(heap, key) or may_be_tracked(heap, value)):
        heap.gc.track(mp)
    if ix is None:
        insert_new(heap, mp, key, lk, value)
        return
    values = mp.ma_values
    if values is not None:
        vals = values.values
        old = vals[ix]
        if old is not value:
            vals[ix] = value
            if old is None:
                values.order.append(ix)
                mp.ma_used += 1
    else:
        evalues = dk.evalues
        old = evalues[ix]
        if old is not value:
            evalues[ix] = value
    if old is not None:
        heap.decref(old)
    heap.decref(key)


def insert_new(heap, mp, key, lk, value):
    """Add an entry for a key known to be absent (consumes both references); resizes a full
    table first.  A split table adds the key to its shared keys."""
    dk = mp.ma_keys
    if dk.usable <= 0:
        dictresize(heap, mp, calculate_log2_keysize(mp.ma_used * 3), True)
        dk = mp.ma_keys
        if dk.generic and lk.__class__ is not KeyRef:
            lk = as_keyref(heap, key, lk)
    ix = dk.nentries
    dk.ekeys.append(key)
    dk.lkeys.append(lk)
    if dk.generic:
        _lookup_set(heap, dk, lk, ix)
    else:
        dk.lookup[lk] = ix
    values = mp.ma_values
    if values is not None:
        values.values[ix] = value
        values.order.append(ix)
    else:
        dk.evalues.append(value)
    mp.ma_used += 1
    dk.usable -= 1
    dk.nentries = ix + 1


def dict_setdefault(heap, mp, key, default):
    """``PyDict_SetDefault``: the value under key (borrowed), storing default if absent."""
    dk = mp.ma_keys
    if key.ob_type is heap.str_type and not dk.generic:
        lk = key.value
    elif dk.generic:
        lk = KeyRef(heap, key, hash_object(heap, key))
    else:
        lk = lookup_key(heap, key)
    if dk is heap.dict_empty_keys:
        key.ob_refcnt += 1
        default.ob_refcnt += 1
        insert_to_emptydict(heap, mp, key, lk, default)
        return default
    if key.ob_type is not heap.str_type and dk.kind != KEYS_GENERAL:
        dictresize(heap, mp, calculate_log2_keysize(mp.ma_used * 3), False)
        dk = mp.ma_keys
    ix = find_entry(heap, mp, key, lk)
    dk = mp.ma_keys
    if dk.generic:
        lk = as_keyref(heap, key, lk)
    if ix < 0:
        key.ob_refcnt += 1
        default.ob_refcnt += 1
        insert_new(heap, mp, key, lk, default)
        maintain_tracking(heap, mp, key, default)
        return default
    values = mp.ma_values
    if values is not None and values.values[ix] is None:
        default.ob_refcnt += 1
        maintain_tracking(heap, mp, key, default)
        values.values[ix] = default
        values.order.append(ix)
        mp.ma_used += 1
        return default
    return value_at(mp, ix)


# --- resizing -------------------------------------------------------------------------------------

def dictresize(heap, mp, log2_newsize, unicode):
    """``dictresize``: move the live entries into a new combined keys object of
    ``1 << log2_newsize`` slots (unicode if asked and possible), in iteration order."""
    oldkeys = mp.ma_keys
    oldvalues = mp.ma_values
    if oldkeys.kind == KEYS_GENERAL:
        unicode = False
    newkeys = new_keys_object(heap, log2_newsize, unicode)
    mp.ma_keys = newkeys
    n = mp.ma_used
    if oldvalues is not None:
        # split -> combined: the keys stay shared (take references), the values move.
        oek = oldkeys.ekeys
        olk = oldkeys.lkeys
        vals = oldvalues.values
        ek = newkeys.ekeys
        ev = newkeys.evalues
        lkl = newkeys.lkeys
        for i in oldvalues.order:
            k = oek[i]
            k.ob_refcnt += 1
            ek.append(k)
            ev.append(vals[i])
            lkl.append(olk[i])
        _rebuild_lookup(heap, newkeys)
        keys_decref(heap, oldkeys)
        mp.ma_values = None
        free_values(heap, oldvalues)
    else:
        if oldkeys is heap.dict_empty_keys:
            pass
        elif oldkeys.nentries == n:
            # No deleted entries: hand the lists over as they are.
            newkeys.ekeys, oldkeys.ekeys = oldkeys.ekeys, newkeys.ekeys
            newkeys.evalues, oldkeys.evalues = oldkeys.evalues, newkeys.evalues
            newkeys.lkeys, oldkeys.lkeys = oldkeys.lkeys, newkeys.lkeys
            newkeys.lookup, oldkeys.lookup = oldkeys.lookup, newkeys.lookup
            newkeys.generic = oldkeys.generic
        else:
            oek = oldkeys.ekeys
            oev = oldkeys.evalues
            olk = oldkeys.lkeys
            live = [i for i in range(oldkeys.nentries) if oev[i] is not None]
            newkeys.ekeys = [oek[i] for i in live]
            newkeys.evalues = [oev[i] for i in live]
            newkeys.lkeys = [olk[i] for i in live]
            newkeys.generic = oldkeys.generic
            _rebuild_lookup(heap, newkeys)
            oek.clear()
            oev.clear()
            olk.clear()
            oldkeys.lookup.clear()
        if oldkeys is not heap.dict_empty_keys:
            oldkeys.nentries = 0
            release_keys_block(heap, oldkeys)
    newkeys.usable -= n
    newkeys.nentries = n


# --- deletion -------------------------------------------------------------------------------------

def delitem_common(heap, mp, ix):
    """``delitem_common``: remove entry ix; release the key (combined) and then the value."""
    mp.ma_used -= 1
    values = mp.ma_values
    if values is not None:
        vals = values.values
        old = vals[ix]
        vals[ix] = None
        values.order.remove(ix)
    else:
        dk = mp.ma_keys
        _lookup_del(heap, dk, dk.lkeys[ix])
        old_key = dk.ekeys[ix]
        old = dk.evalues[ix]
        dk.ekeys[ix] = None
        dk.evalues[ix] = None
        dk.lkeys[ix] = None
        heap.decref(old_key)
    heap.decref(old)


def dict_delitem(heap, mp, key):
    """``PyDict_DelItem``: remove key; ``GuestError("KeyError")`` (with ``.key``) if absent."""
    ix = lookup_entry(heap, mp, key)
    if ix < 0 or value_at(mp, ix) is None:
        raise key_error(key)
    delitem_common(heap, mp, ix)


def dict_pop(heap, mp, key, default=None):
    """``_PyDict_Pop`` (``dict.pop``): a new reference to the removed value, or to default
    (None meaning no default: a missing key raises KeyError)."""
    if mp.ma_used == 0:
        if default is not None:
            default.ob_refcnt += 1
            return default
        raise key_error(key)
    ix = lookup_entry(heap, mp, key)
    old = value_at(mp, ix) if ix >= 0 else None
    if old is None:
        if default is not None:
            default.ob_refcnt += 1
            return default
        raise key_error(key)
    old.ob_refcnt += 1
    delitem_common(heap, mp, ix)
    return old


def dict_popitem(heap, mp):
    """``dict.popitem``: remove the last entry; return (key, value), references owned by the
    caller.  The caller allocates the result tuple first, as CPython does."""
    if mp.ma_used == 0:
        raise GuestError("KeyError", "popitem(): dictionary is empty")
    if mp.ma_keys.kind == KEYS_SPLIT:
        dictresize(heap, mp, mp.ma_keys.log2_size, True)
    dk = mp.ma_keys
    evalues = dk.evalues
    i = dk.nentries - 1
    while i >= 0 and evalues[i] is None:
        i -= 1
    key = dk.ekeys[i]
    value = evalues[i]
    _lookup_del(heap, dk, dk.lkeys[i])
    del dk.ekeys[i:]
    del evalues[i:]
    del dk.lkeys[i:]
    dk.nentries = i
    mp.ma_used -= 1
    return key, value


def dict_clear(heap, mp):
    """``PyDict_Clear`` (also ``tp_clear``): back to the empty keys, then release the entries."""
    oldkeys = mp.ma_keys
    if oldkeys is heap.dict_empty_keys:
        return
    oldvalues = mp.ma_values
    mp.ma_keys = heap.dict_empty_keys
    mp.ma_values = None
    mp.ma_used = 0
    if oldvalues is not None:
        vals = oldvalues.values
        for i in range(oldkeys.nentries):
            v = vals[i]
            if v is not None:
                vals[i] = None
                heap.decref(v)
        free_values(heap, oldvalues)
    keys_decref(heap, oldkeys)


# --- iteration -----------------------------------------------------------------------------

def live_indices(mp):
    """Entry indices in iteration order."""
    values = mp.ma_values
    if values is not None:
        return list(values.order)
    evalues = mp.ma_keys.evalues
    return [i for i in range(mp.ma_keys.nentries) if evalues[i] is not None]


def dict_key_hash_pairs(mp, heap=None):
    """(key, hash) in iteration order, the hashes CPython has stored (``_PyDict_Next``)."""
    dk = mp.ma_keys
    out = []
    for i in live_indices(mp):
        lk = dk.lkeys[i]
        key = dk.ekeys[i]
        out.append((key, lk.hash if lk.__class__ is KeyRef else key.ob_type.tp_hash(heap, key)))
    return out

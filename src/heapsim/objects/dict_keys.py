"""The memory of a dict: keys objects, split values arrays and lookup keys (Objects/dictobject.c).

A 3.11 dict is a 48-byte ``PyDictObject`` that points at a separately allocated *keys object*
(``PyDictKeysObject``) and, for a split table, at a *values array* (``PyDictValues``).  This
module models those two allocations, their sizes and their recycling; ``dictobject.py`` builds
the dict operations on top of them.

Sizes.  A keys object is one ``PyObject_Malloc`` block of

    32 (header) + dk_size * index_width + USABLE_FRACTION(dk_size) * entry_size

bytes, where ``dk_size = 1 << log2_size``, the index width is 1, 2, 4 or 8 bytes (log2_size
below 8, 16, 32, or above), ``USABLE_FRACTION(n) = 2n // 3`` and an entry is 16 bytes
(``PyDictUnicodeEntry``: key, value) when every key is an exact str, 24 bytes otherwise
(``PyDictKeyEntry``: hash, key, value).  A values array is one ``PyMem_Malloc`` block of
``round_up(size + 2, 8) + 8 * size`` bytes: a prefix holding the insertion order (one byte per
entry, then a count byte and the prefix size) followed by ``size`` value pointers.

Where heapsim departs from the C layout: the hash index (``dk_indices``) and its probing are not
simulated, because nothing a guest can observe depends on them (iteration follows the entry
order, and the index's size is accounted for in the block size).  Finding a key is instead a
host ``dict`` lookup, from a *lookup key* to the entry's index.  The lookup key of

* an exact int, bool, str or bytes is its host payload, of an exact float or complex its host
  value unless that is a NaN, and of an exact tuple of such keys the host tuple of theirs
  (those compare equal exactly when the guest's objects do);
* an object whose type hashes by identity and has no ``__eq__`` (``object()``, None, plain
  class instances, functions, types, a NaN float) is the simulated object itself;
* anything else (str or int subclasses, objects with a guest ``__eq__`` or ``__hash__``,
  tuples holding such objects) is a ``KeyRef``, whose ``__hash__`` is the guest hash and
  whose ``__eq__`` runs the guest comparison.

A payload and a ``KeyRef`` cannot be compared with guest semantics (the payload has lost its
object), so a keys object that must hold a ``KeyRef`` first turns every lookup key it has into
one (``generic`` mode).  That costs host time only: the guest hashes of payload and identity
keys are computed by builtin code, so no guest code runs.
"""

from heapsim.objects.abstract import hash_object, objects_equal
from heapsim.objects.core import pointer_hash

# dk_kind (DictKeysKind)
KEYS_GENERAL = 0
KEYS_UNICODE = 1
KEYS_SPLIT = 2

KEYS_HEADER = 32              # sizeof(PyDictKeysObject) up to dk_indices
UNICODE_ENTRY_SIZE = 16       # sizeof(PyDictUnicodeEntry)
GENERAL_ENTRY_SIZE = 24       # sizeof(PyDictKeyEntry)
LOG2_MINSIZE = 3              # PyDict_LOG_MINSIZE
MINSIZE = 1 << LOG2_MINSIZE   # PyDict_MINSIZE
SHARED_KEYS_MAX_SIZE = 30
NEXT_LOG2_SHARED_KEYS_MAX_SIZE = 6
LOG2_MAX_PRESIZE = 17         # dict_new_presized's cap

# The empty keys object is static and shared by every empty dict; its refcount never matters
# except that it is never 1 (so ``__sizeof__`` never counts it).
_STATIC_REFCNT = 1 << 40


# ``PyDictKeysObject``.  ``addr`` is the address of its block; ``refcnt`` is ``dk_refcnt``
# (1 for a combined table; the class plus every split dict for a class's shared keys);
# ``log2_size``/``log2_index_bytes`` size the index; ``kind`` is one of KEYS_GENERAL,
# KEYS_UNICODE, KEYS_SPLIT; ``usable`` and ``nentries`` are ``dk_usable`` and ``dk_nentries``.
# The entries are parallel host lists of length ``nentries``: ``ekeys`` (the key objects),
# ``evalues`` (their values; None for a split table, whose values live in each dict's
# DictValues) and ``lkeys`` (the lookup keys).  A deleted entry of a combined table keeps its
# slot with None in all three lists until a resize compacts them, as CPython keeps the NULL
# entry.  ``lookup`` maps each live lookup key to its entry index; ``generic`` says every
# lookup key is a KeyRef.
class DictKeys:
    __slots__ = ("addr", "refcnt", "log2_size", "log2_index_bytes", "kind", "usable",
                 "nentries", "ekeys", "evalues", "lkeys", "lookup", "generic")

    def __repr__(self):
        kind = ("general", "unicode", "split")[self.kind]
        return (f"<dict keys {kind} at {self.addr:#x} size {1 << self.log2_size} "
                f"used {self.nentries}/{self.nentries + self.usable} rc={self.refcnt}>")


# ``PyDictValues`` of a split table or of an instance that has not materialised its dict.
# ``addr`` is the address of the block (the start of the order prefix); ``values`` is the
# array of value pointers (None for NULL), one per entry the shared keys could hold when the
# array was made; ``order`` lists the entry indices of the present values in insertion order
# (the prefix bytes CPython keeps in front of the array).
class DictValues:
    __slots__ = ("addr", "values", "order")

    def __repr__(self):
        return f"<dict values at {self.addr:#x} size {len(self.values)} order {self.order}>"


# A lookup key for a key whose equality is the guest's: ``obj`` is the key object (borrowed:
# the entry or the caller holds it), ``hash`` its guest hash, computed once.  Two KeyRefs are
# equal when they hold the same object or when the guest says so; the host dict only asks
# when the hashes are equal, as CPython's lookup only compares keys with equal hashes.  The
# stored key is compared first (``PyObject_RichCompare(startkey, key, Py_EQ)``), which is what
# the host dict does with ``stored == probe``.
class KeyRef:
    __slots__ = ("obj", "hash", "heap")

    def __init__(self, heap, obj, hash):
        self.heap = heap
        self.obj = obj
        self.hash = hash

    def __hash__(self):
        return self.hash

    def __eq__(self, other):
        a = self.obj
        b = other.obj
        if a is b:
            return True
        heap = self.heap
        if heap.dict_eq_suspended:
            return False
        return bool(objects_equal(heap, a, b))

    def __repr__(self):
        return f"<KeyRef {self.obj!r} hash {self.hash}>"


# --- sizes ---------------------------------------------------------------------------------

def usable_fraction(n):
    """``USABLE_FRACTION``: how many entries a table of n slots holds."""
    return (n << 1) // 3


def calculate_log2_keysize(minsize):
    """``calculate_log2_keysize``: log2 of the smallest table of at least minsize slots (>= 8)."""
    minsize = (minsize | MINSIZE) - 1
    return (minsize | (MINSIZE - 1)).bit_length()


def estimate_log2_keysize(n):
    """``estimate_log2_keysize``: a table that holds n entries without resizing."""
    return calculate_log2_keysize((n * 3 + 1) // 2)


def log2_index_bytes(log2_size):
    """log2 of the index table's size in bytes (1-, 2-, 4- or 8-byte indices)."""
    if log2_size < 8:
        return log2_size
    if log2_size < 16:
        return log2_size + 1
    if log2_size >= 32:
        return log2_size + 3
    return log2_size + 2


def keys_size(dk):
    """``_PyDict_KeysSize``: the bytes of a keys object's block."""
    es = GENERAL_ENTRY_SIZE if dk.kind == KEYS_GENERAL else UNICODE_ENTRY_SIZE
    return KEYS_HEADER + (1 << dk.log2_index_bytes) + usable_fraction(1 << dk.log2_size) * es


def values_block_size(size):
    """Bytes ``new_values(size)`` asks for: the order prefix rounded to 8, then the pointers."""
    return ((size + 2 + 7) & ~7) + 8 * size


# --- keys objects --------------------------------------------------------------------------

def make_empty_keys(heap):
    """``Py_EMPTY_KEYS``: the static, immutable keys object of every empty dict."""
    dk = DictKeys.__new__(DictKeys)
    dk.addr = heap.static_alloc(KEYS_HEADER + MINSIZE)
    dk.refcnt = _STATIC_REFCNT
    dk.log2_size = 0
    dk.log2_index_bytes = 0
    dk.kind = KEYS_UNICODE
    dk.usable = 0
    dk.nentries = 0
    dk.ekeys = ()
    dk.evalues = ()
    dk.lkeys = ()
    dk.lookup = {}
    dk.generic = False
    return dk


def new_keys_object(heap, log2_size, unicode):
    """``new_keys_object``: an empty keys object, from the keys free list when it can be.

    Only 8-slot unicode keys objects are recycled; the shell keeps its block and address.
    """
    usable = ((1 << log2_size) << 1) // 3
    freelist = heap.dict_keys_freelist
    if log2_size == LOG2_MINSIZE and unicode and freelist:
        dk = freelist.pop()
        dk.ekeys.clear()
        dk.evalues.clear()
        dk.lkeys.clear()
        dk.lookup.clear()
    else:
        dk = DictKeys.__new__(DictKeys)
        if log2_size < 8:
            lbytes = log2_size
        elif log2_size < 16:
            lbytes = log2_size + 1
        elif log2_size >= 32:
            lbytes = log2_size + 3
        else:
            lbytes = log2_size + 2
        dk.log2_index_bytes = lbytes
        dk.addr = heap.malloc(KEYS_HEADER + (1 << lbytes)
                              + usable * (UNICODE_ENTRY_SIZE if unicode else GENERAL_ENTRY_SIZE))
        dk.ekeys = []
        dk.evalues = []
        dk.lkeys = []
        dk.lookup = {}
    dk.refcnt = 1
    dk.log2_size = log2_size
    dk.kind = KEYS_UNICODE if unicode else KEYS_GENERAL
    dk.usable = usable
    dk.nentries = 0
    dk.generic = False
    return dk


def release_keys_block(heap, dk):
    """Give a keys object's block to the keys free list (8-slot unicode, room left) or free it.

    The entries must already have been released or moved; the shell keeps its host lists,
    emptied when it is taken again.
    """
    freelist = heap.dict_keys_freelist
    if (dk.log2_size == LOG2_MINSIZE and dk.kind != KEYS_GENERAL
            and len(freelist) < heap.dict_keys_freelist_max):
        freelist.append(dk)
    else:
        heap.free(dk.addr)
        dk.ekeys = dk.evalues = dk.lkeys = None
        dk.lookup = None


def free_keys_object(heap, dk):
    """``free_keys_object``: release every entry (key, then value, in entry order), then the
    block.  ``dk`` must not be the empty keys object."""
    ekeys = dk.ekeys
    evalues = dk.evalues
    n = dk.nentries
    decref = heap.decref
    if dk.kind == KEYS_SPLIT:
        for i in range(n):
            k = ekeys[i]
            if k is not None:
                decref(k)
    else:
        for i in range(n):
            k = ekeys[i]
            if k is not None:
                decref(k)
            v = evalues[i]
            if v is not None:
                decref(v)
    release_keys_block(heap, dk)


def keys_decref(heap, dk):
    """``dictkeys_decref``: drop one reference to a keys object; free it at zero."""
    dk.refcnt -= 1
    if dk.refcnt == 0:
        free_keys_object(heap, dk)


def new_shared_keys(heap):
    """``_PyDict_NewKeysForClass``: a class's shared keys (64 slots, 30 usable, split kind)."""
    dk = new_keys_object(heap, NEXT_LOG2_SHARED_KEYS_MAX_SIZE, True)
    dk.usable = SHARED_KEYS_MAX_SIZE
    dk.kind = KEYS_SPLIT
    dk.evalues = None
    return dk


def insert_into_shared_keys(heap, dk, name):
    """``insert_into_dictkeys``: the index of str ``name`` in shared keys, adding it (the keys
    take a reference) while there is room; -1 when it is absent and cannot be added."""
    lk = name.value
    ix = dk.lookup.get(lk)
    if ix is not None:
        return ix
    if dk.usable <= 0:
        return -1
    name.ob_refcnt += 1
    ix = dk.nentries
    dk.ekeys.append(name)
    dk.lkeys.append(lk)
    dk.lookup[lk] = ix
    dk.usable -= 1
    dk.nentries = ix + 1
    return ix


# --- values arrays -------------------------------------------------------------------------

def new_values(heap, size):
    """``new_values``: a values array of ``size`` NULL pointers (``PyMem_Malloc``)."""
    dv = DictValues.__new__(DictValues)
    dv.addr = heap.malloc(((size + 2 + 7) & ~7) + 8 * size)
    dv.values = [None] * size
    dv.order = []
    return dv


def free_values(heap, dv):
    """``free_values``: give the block back (the values must have been released or moved)."""
    heap.free(dv.addr)
    dv.values = None
    dv.order = None


# --- lookup keys ---------------------------------------------------------------------------

# How the lookup key of an exact builtin type is made (see the module docstring).
PAYLOAD = 1          # the host payload in ``value``
PAYLOAD_NAN = 2      # the host ``value`` unless it is a NaN (then the object itself)
PAYLOAD_TUPLE = 3    # a host tuple of the items' lookup keys, when none needs a KeyRef


def key_kinds(heap):
    """The table type -> how to make its lookup key, for the builtin types of the payload."""
    return {heap.int_type: PAYLOAD, heap.bool_type: PAYLOAD, heap.str_type: PAYLOAD,
            heap.bytes_type: PAYLOAD, heap.float_type: PAYLOAD_NAN,
            heap.complex_type: PAYLOAD_NAN, heap.tuple_type: PAYLOAD_TUPLE}


def _host_key(heap, key):
    """The payload or identity lookup key of ``key``, or None when it needs a KeyRef."""
    tp = key.ob_type
    kind = heap.dict_key_kinds.get(tp)
    if kind is not None:
        if kind == PAYLOAD:
            return key.value
        if kind == PAYLOAD_NAN:
            v = key.value
            return v if v == v else key
        parts = []
        for item in key.items:
            if item is None:
                return None
            part = _host_key(heap, item)
            if part is None:
                return None
            parts.append(part)
        return tuple(parts)
    if tp.tp_hash is pointer_hash and tp.tp_eq is None:
        return key
    return None


def lookup_key(heap, key):
    """The lookup key of ``key`` for a keys object that is not generic.

    May run guest code (``__hash__``) and raise its error, or ``TypeError: unhashable type``,
    exactly where ``PyObject_Hash`` would.
    """
    lk = _host_key(heap, key)
    if lk is None:
        return KeyRef(heap, key, hash_object(heap, key))
    return lk


def lookup_key_with_hash(heap, key, hash):
    """``lookup_key`` when the guest hash is already known (no guest ``__hash__`` call)."""
    lk = _host_key(heap, key)
    if lk is None:
        return KeyRef(heap, key, hash)
    return lk


def as_keyref(heap, key, lk):
    """Turn a payload or identity lookup key into a KeyRef (builtin hashes only)."""
    if lk.__class__ is KeyRef:
        return lk
    return KeyRef(heap, key, hash_object(heap, key))


def make_generic(heap, dk):
    """Turn every lookup key of a combined keys object into a KeyRef (host-side only)."""
    if dk.generic:
        return
    ekeys = dk.ekeys
    lkeys = dk.lkeys
    lookup = {}
    heap.dict_eq_suspended = True
    try:
        for i in range(dk.nentries):
            lk = lkeys[i]
            if lk is not None:
                lk = as_keyref(heap, ekeys[i], lk)
                lkeys[i] = lk
                lookup[lk] = i
    finally:
        heap.dict_eq_suspended = False
    dk.lookup = lookup
    dk.generic = True


def entry_hash(heap, dk, ix):
    """The guest hash of entry ix (``me_hash``, or the str's cached hash)."""
    lk = dk.lkeys[ix]
    if lk.__class__ is KeyRef:
        return lk.hash
    key = dk.ekeys[ix]
    return key.ob_type.tp_hash(heap, key)


def scan_for_key(heap, dk, key, hash):
    """Find ``key`` in a keys object whose lookup keys are payloads, comparing with the guest's
    equality: for a lookup key that cannot be a host key of a shared (split) table.  -1 if
    absent."""
    ekeys = dk.ekeys
    for i in range(dk.nentries):
        k = ekeys[i]
        if k is None or dk.lkeys[i] is None:
            continue
        if k is key:
            return i
        if k.ob_type.tp_hash(heap, k) == hash and objects_equal(heap, k, key):
            return i
    return -1

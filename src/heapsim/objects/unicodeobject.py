"""``str`` (Objects/unicodeobject.c): compact strings, their caches and the interned table.

Layout.  Every exact str CPython 3.11 creates at run time is *compact*: one
``PyObject_Malloc`` block that holds the header and then the characters, one, two or four
bytes each (the *kind*, the narrowest that fits the largest character), plus a terminating
NUL character.  There are two headers:

* ``PyASCIIObject`` (48 bytes: object header, length, hash, state bits, and the ``wstr``
  pointer 3.11 still has) for strings whose characters are all below 128, so a block of
  ``48 + len + 1`` bytes;
* ``PyCompactUnicodeObject`` (72 bytes: the above plus ``utf8_length``, ``utf8`` and
  ``wstr_length``) for every other string, so ``72 + (len + 1) * kind`` bytes.

``sys.getsizeof`` reports that block, plus ``utf8_length + 1`` once a non-ASCII string's
UTF-8 form has been cached: ``PyUnicode_AsUTF8AndSize`` (argument parsing with ``s``, a class
name, ...) encodes it once into a separate ``PyObject_Malloc`` block that lives as long as the
string.  An ASCII string is its own UTF-8 form and never gets that block.  Instances of str
subclasses are the older non-compact ``PyUnicodeObject`` (80 bytes) with the characters in a
separate block; only their size rule is modelled here.

The hash is computed on first use (``_Py_HashBytes`` over the character data) and cached; the
host runs the same CPython with the same ``PYTHONHASHSEED``, so the host's ``hash(value)`` is the
guest's.  A string whose hash is cached, or which is interned, shared or not exact, can no
longer be resized in place (``unicode_modifiable``).

Here a string is ``StrObject``: ``value`` is the host str, ``hash`` the cached hash or -1,
``kind`` 1, 2 or 4, ``ascii`` the compact-ASCII flag, ``interned`` the interning state (0, or
``SSTATE_INTERNED_MORTAL``/``IMMORTAL``), ``utf8`` the address of the cached UTF-8 block (0
for none) and ``utf8_length`` its length without the NUL.

Singletons.  The empty string and the 256 one-character strings U+0000..U+00FF are statically
allocated (``_Py_STR(empty)``, ``LATIN1(ch)``) with the static refcount 999999999, and every
path that produces such a string returns them: ``heap.empty_str`` and ``heap.latin1[ord(c)]``.
Interning is described before its functions below.
"""

from heapsim.base.errors import GuestError, SimulatorBug
from heapsim.objects.core import (
    PyObject, TPFLAGS_BASETYPE, TPFLAGS_MATCH_SELF, TPFLAGS_UNICODE_SUBCLASS, make_static_type,
)
from heapsim.objects.floatobject import free_by_type

ASCII_HEADER = 48       # sizeof(PyASCIIObject)
COMPACT_HEADER = 72     # sizeof(PyCompactUnicodeObject)
UNICODE_HEADER = 80     # sizeof(PyUnicodeObject), the non-compact layout of subclass instances
BYTES_HEADER = 33       # PyBytesObject_SIZE, for the UTF-8 encoder's temporary bytes object
WRITER_SMALL_BUFFER = 512   # _PyBytesWriter.small_buffer

SSTATE_NOT_INTERNED = 0
SSTATE_INTERNED_MORTAL = 1
SSTATE_INTERNED_IMMORTAL = 2


class StrObject(PyObject):
    """``PyASCIIObject`` / ``PyCompactUnicodeObject``; see the module docstring."""

    __slots__ = ("value", "hash", "kind", "ascii", "interned", "utf8", "utf8_length")


def kind_of(value):
    """``(kind, is_ascii)`` of a non-empty host str: the character width CPython picks."""
    if value.isascii():
        return 1, True
    top = ord(max(value))
    return (1 if top < 256 else 2 if top < 65536 else 4), False


def compact_size(value):
    """Bytes of the block ``PyUnicode_New`` allocates for ``value`` (0 < len)."""
    if value.isascii():
        return ASCII_HEADER + len(value) + 1
    top = ord(max(value))
    kind = 1 if top < 256 else 2 if top < 65536 else 4
    return COMPACT_HEADER + (len(value) + 1) * kind


def str_sizeof(obj):
    """``str.__sizeof__`` (``unicode_sizeof_impl``).

    Exact strs are compact; instances of str subclasses (always of a GC heap type) are not.
    """
    n = len(obj.value)
    if obj.ob_type.is_gc:
        size = UNICODE_HEADER + (n + 1) * obj.kind
    elif obj.ascii:
        size = ASCII_HEADER + n + 1
    else:
        size = COMPACT_HEADER + (n + 1) * obj.kind
    if obj.utf8:
        size += obj.utf8_length + 1
    return size


def str_hash(obj):
    """``unicode_hash``: the cached hash, computed from the characters on first use."""
    h = obj.hash
    if h == -1:
        h = obj.hash = hash(obj.value)
    return h


def _str_tp_hash(heap, obj):
    h = obj.hash
    if h == -1:
        h = obj.hash = hash(obj.value)
    return h


def str_eq(a, b):
    """``unicode_eq`` / ``_PyUnicode_Equal``: two str objects with the same characters."""
    return a is b or a.value == b.value


def _str_tp_eq(heap, a, b):
    """``unicode_richcompare(a, b, Py_EQ)``: only against str and its subclasses."""
    if b.ob_type.flags & TPFLAGS_UNICODE_SUBCLASS:
        return a is b or a.value == b.value
    return NotImplemented


def _str_dealloc(heap, obj):
    """``unicode_dealloc``: leave the interned table first, then free the UTF-8 and the block."""
    state = obj.interned
    if state:
        if state == SSTATE_INTERNED_MORTAL:
            del heap.interned[obj.value]
        else:
            raise SimulatorBug(f"immortal interned string died: {obj!r}")
    if obj.utf8:
        heap.free(obj.utf8)
        obj.utf8 = 0
    if obj.ob_type is heap.str_type:
        heap.free(obj.addr)
    else:
        free_by_type(heap, obj)


def _str_buffers(obj):
    return (obj.utf8,) if obj.utf8 else ()


def init(heap):
    str_type = make_static_type(
        "str", UNICODE_HEADER, 0,
        TPFLAGS_BASETYPE | TPFLAGS_UNICODE_SUBCLASS | TPFLAGS_MATCH_SELF,
        base=heap.object_type, sizeof=str_sizeof, dealloc=_str_dealloc,
        hash=_str_tp_hash, eq=_str_tp_eq, buffers=_str_buffers)
    heap.register_static_type(str_type)
    heap.str_type = str_type
    heap.empty_str = make_static_str(heap, "")
    heap.latin1 = [make_static_str(heap, chr(i)) for i in range(256)]
    _init_interned(heap)


def make_static_str(heap, value):
    """A statically allocated string (refcount 999999999), as the runtime's singletons are."""
    obj = StrObject.__new__(StrObject)
    obj.value = value
    obj.hash = -1
    if value:
        obj.kind, obj.ascii = kind_of(value)
    else:
        obj.kind, obj.ascii = 1, True
    obj.interned = SSTATE_NOT_INTERNED
    obj.utf8 = 0
    obj.utf8_length = 0
    heap.make_static(obj, heap.str_type, ASCII_HEADER + 1 if not value else compact_size(value))
    return obj


# --- constructors ----------------------------------------------------------------------------

def new_str(heap, value):
    """A new reference to a str of ``value`` (``PyUnicode_New`` and a copy of the characters).

    The empty string and one character below U+0100 give the static singletons, as every
    constructor that ends in ``unicode_result`` or ``get_latin1_char`` does.
    """
    n = len(value)
    if n < 2:
        if n == 0:
            obj = heap.empty_str
            obj.ob_refcnt += 1
            return obj
        c = ord(value)
        if c < 256:
            obj = heap.latin1[c]
            obj.ob_refcnt += 1
            return obj
    return str_new_object(heap, value)


def str_new_object(heap, value):
    """``PyUnicode_New`` filled in with ``value`` (not empty), without ``unicode_result``:
    always a new object, even for one character."""
    n = len(value)
    obj = StrObject.__new__(StrObject)
    if value.isascii():
        obj.kind = 1
        obj.ascii = True
        size = ASCII_HEADER + n + 1
    else:
        top = ord(max(value))
        kind = 1 if top < 256 else 2 if top < 65536 else 4
        obj.kind = kind
        obj.ascii = False
        size = COMPACT_HEADER + (n + 1) * kind
    obj.ob_refcnt = 1
    obj.ob_type = heap.str_type
    obj.value = value
    obj.hash = -1
    obj.interned = SSTATE_NOT_INTERNED
    obj.utf8 = 0
    obj.utf8_length = 0
    obj.addr = heap.malloc(size)
    return obj


def str_char(heap, code):
    """``unicode_char`` (``chr``, indexing, iteration): a new reference to one character."""
    if code < 256:
        obj = heap.latin1[code]
        obj.ob_refcnt += 1
        return obj
    return new_str(heap, chr(code))


def str_concat(heap, left, right):
    """``PyUnicode_Concat(left, right)`` on two exact strs: a new reference.

    Concatenating with the empty string returns the other operand itself.
    """
    if left is heap.empty_str:
        right.ob_refcnt += 1
        return right
    if right is heap.empty_str:
        left.ob_refcnt += 1
        return left
    return new_str(heap, left.value + right.value)


def _modifiable(heap, obj):
    """``unicode_modifiable``: the only reference, no cached hash, not interned, exact."""
    return (obj.ob_refcnt == 1 and obj.hash == -1 and not obj.interned
            and obj.ob_type is heap.str_type)


def str_append(heap, left, right):
    """``PyUnicode_Append(&left, right)``: steals ``left``, returns the new reference.

    When ``left`` is modifiable, ``right`` is an exact str no wider than it and not a
    non-ASCII string appended to an ASCII one, ``left`` is resized in place with
    ``PyObject_Realloc``: the same object, possibly at a new address, its cached UTF-8 form
    dropped.  Otherwise the result is a new string and ``left`` is released.
    """
    empty = heap.empty_str
    if left is empty:
        heap.decref(left)
        right.ob_refcnt += 1
        return right
    if right is empty:
        return left
    if (_modifiable(heap, left) and right.ob_type is heap.str_type
            and right.kind <= left.kind and not (left.ascii and not right.ascii)):
        value = left.value + right.value
        if left.utf8:
            heap.free(left.utf8)
            left.utf8 = 0
            left.utf8_length = 0
        if left.ascii:
            size = ASCII_HEADER + len(value) + 1
        else:
            size = COMPACT_HEADER + (len(value) + 1) * left.kind
        left.addr = heap.realloc(left.addr, size)
        left.value = value
        return left
    result = new_str(heap, left.value + right.value)
    heap.decref(left)
    return result


def encode_utf8_cache(heap, obj):
    """``PyUnicode_AsUTF8AndSize``: make sure the UTF-8 form is cached; return its length.

    For a non-ASCII string this allocates the cache block (``utf8_length + 1`` bytes) once.
    When the encoder's worst-case estimate exceeds its 512-byte stack buffer it works in a
    temporary bytes object, allocated before the cache block and freed after it.  Lone
    surrogates raise the guest UnicodeEncodeError.
    """
    if obj.ascii:
        return len(obj.value)
    if obj.utf8:
        return obj.utf8_length
    try:
        n = len(obj.value.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise GuestError("UnicodeEncodeError", str(exc)) from None
    estimate = len(obj.value) * (2 if obj.kind == 1 else obj.kind if obj.kind == 4 else 3)
    scratch = heap.malloc(BYTES_HEADER + estimate) if estimate > WRITER_SMALL_BUFFER else 0
    obj.utf8 = heap.malloc(n + 1)
    obj.utf8_length = n
    if scratch:
        heap.free(scratch)
    return n



# --- interning -------------------------------------------------------------------------------
#
# The interned table.  CPython keeps one dict, ``interned``, whose keys and values are the
# canonical strings; ``PyUnicode_InternInPlace`` looks a string up there and either swaps the
# caller's reference for the canonical object or enters the string itself.  The table's two
# references to an entry (key and value) are deliberately not counted: after entering a string
# CPython subtracts 2 from its refcount and marks it ``SSTATE_INTERNED_MORTAL``, so a mortal
# interned string still dies when its last real reference goes, and ``unicode_dealloc`` takes
# it out of the table then.  Here the table is ``heap.interned``, a host dict from the host
# str to the canonical ``StrObject``; holding no simulated references, it needs no refcount
# adjustment at all.  (The dict's own memory is not modelled: its keys table lives outside
# pymalloc's small blocks in any real program, and one raw block swapped for another on a
# resize leaves ``sys.getallocatedblocks()`` unchanged.)
#
# What the table holds at start-up matters for identity.  CPython 3.11 interns the strings of
# its deep-frozen modules (importlib's bootstrap and the other frozen stdlib modules, whose
# code objects and constants are static data in the binary) before any user code runs.  Among
# them are 29 one-character identifiers, statically allocated objects distinct from the
# ``LATIN1()`` singletons; so compiling the literal ``'a'`` or calling ``sys.intern(chr(97))``
# yields that deep-frozen 'a', and ``chr(97) is 'a'`` is False while ``chr(122) is 'z'`` is
# True.  ``static_interned_str`` enters such a string; the runtime may use it for more of the
# start-up table.

DEEP_FROZEN_ONE_CHAR = "BCLST_abcdefhijklmnopqrstvwxy"


def _init_interned(heap):
    heap.interned = {}
    for char in DEEP_FROZEN_ONE_CHAR:
        static_interned_str(heap, char)


def static_interned_str(heap, value):
    """Enter a statically allocated string in the interned table, as start-up does.

    Returns the canonical object (borrowed): the existing entry if ``value`` is already
    interned.  The new static string is interned the normal way, so its refcount is the
    static 999999999 less the table's two uncounted references.
    """
    table = heap.interned
    obj = table.get(value)
    if obj is not None:
        return obj
    obj = make_static_str(heap, value)
    obj.hash = hash(value)
    table[value] = obj
    obj.interned = SSTATE_INTERNED_MORTAL
    obj.ob_refcnt -= 2
    return obj


def intern_in_place(heap, obj):
    """``PyUnicode_InternInPlace(&obj)``: takes the caller's reference, returns the canonical.

    A str subclass instance and an already interned string come back unchanged.  If an
    equal string is interned, the caller's reference moves to it (``obj`` is released, and
    dies if that was its last reference).  Otherwise ``obj`` enters the table, its hash
    computed by the lookup, and its refcount is unchanged.
    """
    if obj.interned or obj.ob_type is not heap.str_type:
        return obj
    value = obj.value
    if obj.hash == -1:
        obj.hash = hash(value)
    table = heap.interned
    canonical = table.get(value)
    if canonical is not None:
        canonical.ob_refcnt += 1
        heap.decref(obj)
        return canonical
    table[value] = obj
    obj.interned = SSTATE_INTERNED_MORTAL
    return obj


def sys_intern(heap, obj):
    """``sys.intern(obj)``: a new reference to the canonical string (``obj`` is borrowed)."""
    tp = obj.ob_type
    if not tp.flags & TPFLAGS_UNICODE_SUBCLASS:
        name = "None" if obj is heap.none else tp.name
        raise GuestError("TypeError", f"intern() argument must be str, not {name}")
    if tp is not heap.str_type:
        raise GuestError("TypeError", f"can't intern {tp.name}")
    obj.ob_refcnt += 1
    return intern_in_place(heap, obj)


def intern_string(heap, value):
    """``PyUnicode_InternFromString``: the canonical string for ``value``, a new reference.

    Used for names: attribute names, ``co_names``, ``co_varnames`` and the like.
    """
    return intern_in_place(heap, new_str(heap, value))


def all_name_chars(value):
    """``all_name_chars`` of Objects/codeobject.c: ASCII letters, digits and '_' only.

    The empty string qualifies.
    """
    if not value.isascii():
        return False
    rest = value.replace("_", "")
    return not rest or rest.isalnum()


def intern_constant(heap, value):
    """A compiled string constant, as the code object holds it: a new reference.

    ``intern_string_constants`` interns a constant only when ``all_name_chars`` holds, so an
    identifier-like literal is the canonical interned string (the deep-frozen one for the 29
    characters above) while ``'hello world'`` stays a private object.
    """
    obj = new_str(heap, value)
    if all_name_chars(value):
        return intern_in_place(heap, obj)
    return obj

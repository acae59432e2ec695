"""``bytes`` and ``bytearray``: constructors and common methods (Objects/bytesobject.c,
Objects/bytearrayobject.c, Objects/bytes_methods.c, Objects/stringlib).

Bytes results follow CPython's constructors: ``PyBytes_FromStringAndSize`` (the empty and
one-byte singletons) for slices and split parts, ``_PyBytes_FromSize`` (a fresh object even
for one byte) for the case mappings; unchanged results of an exact bytes (``strip``,
``replace`` without a match, ``split`` without a separator found) are the object itself.
Bytearray results are new bytearrays with exact buffers; the mutators go through the object
model's resizing rules.
"""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError
from heapsim.base.errors import Unsupported
from heapsim.interp.methods.args import as_index, as_ssize, incref, opt_none
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS, builtin, classmethod_fn,
    declare,
)
from heapsim.interp.methods.format import ensure_percent_room
from heapsim.interp.methods.str_methods import seq_fast
from heapsim.objects import bytearrayobject as bao
from heapsim.objects.bytesobject import BYTES_HEADER, BytesObject, bytes_from_size, new_bytes
from heapsim.objects.listobject import list_append_steal, list_new, list_reverse
from heapsim.objects.longobject import new_int
from heapsim.objects.rangeobject import make_range_object
from heapsim.objects.sizecheck import ensure_bytes, ensure_str
from heapsim.objects.sliceobject import slice_indices
from heapsim.objects.unicodeobject import new_str


def _is_ba(sp, obj):
    return obj.ob_type is sp.heap.bytearray_type


def buffer_of(sp, obj, what=None):
    """The host bytes of a bytes-like object, or CPython's TypeError."""
    h = sp.heap
    tp = obj.ob_type
    if tp is h.bytes_type or tp is h.bytearray_type:
        return bytes(obj.value)
    v = getattr(obj, "value", None)
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    if what is None:
        what = f"a bytes-like object is required, not '{tp.name}'"
    raise GuestError("TypeError", what)


def _result(sp, self, data, unchanged_ok=True, fresh=False):
    """A result of the same kind as self: self itself for an unchanged exact bytes."""
    h = sp.heap
    if self.ob_type is h.bytearray_type:
        return bao.bytearray_from_string_and_size(h, data)
    if unchanged_ok and data == self.value and self.ob_type is h.bytes_type:
        return incref(self)
    if fresh:
        return bytes_from_size(h, data)
    return new_bytes(h, data)


def _part(sp, self, data):
    h = sp.heap
    if self.ob_type is h.bytearray_type:
        return bao.bytearray_from_string_and_size(h, data)
    return new_bytes(h, data)


# --- constructors -------------------------------------------------------------------------------

def _ints_of(sp, obj):
    heap = sp.heap
    out = []
    for x in sp.iterate(obj):
        try:
            if x.ob_type is heap.float_type or x.ob_type is heap.str_type:
                raise GuestError("TypeError", f"'{x.ob_type.name}' object cannot be "
                                 "interpreted as an integer")
            v = as_index(sp, x)
        finally:
            heap.decref(x)
        if not 0 <= v < 256:
            raise GuestError("ValueError", "bytes must be in range(0, 256)")
        out.append(v)
    return out


def _encode_arg(sp, src, encoding, errors, name):
    h = sp.heap
    if src.ob_type is not h.str_type:
        if encoding is not None:
            raise GuestError("TypeError", "encoding without a string argument")
        raise GuestError("TypeError", "errors without a string argument")
    enc = "utf-8" if encoding is None else encoding.value
    err = "strict" if errors is None else errors.value
    try:
        return src.value.encode(enc, err)
    except LookupError as e:
        raise GuestError("LookupError", str(e)) from None
    except UnicodeError as e:
        raise GuestError(type(e).__name__, str(e)) from None


@builtin("bytes(source=<unrepresentable>, encoding=<unrepresentable>, "
         "errors=<unrepresentable>)", METH_VARARGS | METH_KEYWORDS, parser="bytes.bytes",
         pack=True)
def bytes_new(sp, tp, src=None, encoding=None, errors=None):
    h = sp.heap
    if src is None:
        if encoding is not None or errors is not None:
            raise GuestError("TypeError", "encoding without a string argument" if encoding
                             is not None else "errors without a string argument")
        return incref(h.empty_bytes)
    if encoding is not None or errors is not None:
        return new_bytes(h, _encode_arg(sp, src, encoding, errors, "bytes"))
    stp = src.ob_type
    if stp is h.str_type:
        raise GuestError("TypeError", "string argument without an encoding")
    if stp is h.bytes_type:
        return incref(src)
    if stp is h.bytearray_type:
        return new_bytes(h, bytes(src.value))
    if stp is h.int_type or stp is h.bool_type:
        n = src.value
        if n < 0:
            raise GuestError("ValueError", "negative count")
        ensure_bytes(h, n)
        return bytes_from_size(h, bytes(n))
    if stp is h.float_type:
        raise GuestError("TypeError", "cannot convert 'float' object to bytes")
    try:
        it = sp.iter(src)
    except GuestError as e:
        if e.kind == "TypeError":
            raise GuestError("TypeError", f"cannot convert '{stp.name}' object to bytes") \
                from None
        raise
    h.decref(it)
    return new_bytes(h, bytes(_ints_of(sp, src)))


@builtin("bytearray(source=<unrepresentable>, encoding=<unrepresentable>, "
         "errors=<unrepresentable>)", METH_VARARGS | METH_KEYWORDS, parser="bytes.bytearray")
def bytearray___init__(sp, tp, src=None, encoding=None, errors=None):
    h = sp.heap
    if src is None:
        if encoding is not None or errors is not None:
            raise GuestError("TypeError", "encoding without a string argument" if encoding
                             is not None else "errors without a string argument")
        return bao.bytearray_new(h)
    if encoding is not None or errors is not None:
        return bao.bytearray_new(h, _encode_arg(sp, src, encoding, errors, "bytearray"))
    stp = src.ob_type
    if stp is h.str_type:
        raise GuestError("TypeError", "string argument without an encoding")
    if stp is h.bytes_type or stp is h.bytearray_type:
        return bao.bytearray_new(h, bytes(src.value))
    if stp is h.int_type or stp is h.bool_type:
        return bao.bytearray_new(h, src.value)
    if stp is h.float_type:
        raise GuestError("TypeError", "cannot convert 'float' object to bytearray")
    if stp is h.list_type or stp is h.tuple_type:
        return bao.bytearray_new(h, bytes(_ints_of(sp, src)))
    try:
        it = sp.iter(src)
    except GuestError as e:
        if e.kind == "TypeError":
            raise GuestError("TypeError", f"cannot convert '{stp.name}' object to bytearray") \
                from None
        raise
    h.decref(it)
    return bao.bytearray_new_from_iter(h, _ints_of(sp, src))


# --- shared methods -----------------------------------------------------------------------------

def bytes_decode(sp, b, encoding=None, errors=None):
    enc = "utf-8" if encoding is None else encoding.value
    err = "strict" if errors is None else errors.value
    try:
        text = bytes(b.value).decode(enc, err)
    except LookupError as e:
        raise GuestError("LookupError", str(e)) from None
    except UnicodeError as e:
        raise GuestError(type(e).__name__, str(e)) from None
    return new_str(sp.heap, text)


def bytes_hex(sp, b, sep=None, bps=None):
    data = bytes(b.value)
    ensure_str(sp.heap, len(data) * (2 if sep is None else 3))
    try:
        if sep is None:
            text = data.hex()
        else:
            s = sep.value
            text = data.hex(s) if bps is None else data.hex(s, as_index(sp, bps))
    except (ValueError, TypeError) as e:
        raise GuestError(type(e).__name__, str(e)) from None
    return new_str(sp.heap, text)


def _fromhex(kind):
    def fromhex(sp, cls, s):
        if s.ob_type is not sp.heap.str_type:
            raise GuestError("TypeError", f"fromhex() argument must be str, not "
                             f"{s.ob_type.name}")
        try:
            data = bytes.fromhex(s.value)
        except ValueError as e:
            raise GuestError("ValueError", str(e)) from None
        if kind == "bytearray":
            return bao.bytearray_new(sp.heap, data)
        return new_bytes(sp.heap, data)
    return classmethod_fn(lambda h: getattr(h, kind + "_type"))(
        declare(fromhex, f"{kind}.fromhex($type, string, /)", METH_O))


def _split(name):
    right = name == "rsplit"

    def method(sp, b, sep=None, maxsplit=None):
        heap = sp.heap
        sep = opt_none(sp, sep)
        s = None if sep is None else buffer_of(sp, sep)
        if s == b"":
            raise GuestError("ValueError", "empty separator")
        maxcount = -1 if maxsplit is None else as_ssize(sp, maxsplit)
        if maxcount < 0:
            maxcount = (1 << 63) - 1
        data = bytes(b.value)
        lim = maxcount if maxcount < (1 << 63) - 1 else -1
        parts = data.rsplit(s, lim) if right else data.split(s, lim)
        n = 12 if maxcount >= 12 else maxcount + 1
        lst = list_new(heap, n)
        exact = b.ob_type is heap.bytes_type
        if len(parts) == 1 and exact and (s is not None or parts[0] == data):
            objs = [incref(b)]
        else:
            seq = reversed(parts) if right else parts
            objs = [_part(sp, b, p) for p in seq]
        items = lst.items
        k = min(len(objs), len(items))
        items[:k] = objs[:k]
        del items[k:]
        for o in objs[k:]:
            list_append_steal(heap, lst, o)
        if right:
            list_reverse(heap, lst)
        return lst
    return method


def bytes_join(sp, b, iterable):
    heap = sp.heap
    holder, items = seq_fast(sp, iterable, "can only join an iterable")
    try:
        parts = []
        for i, x in enumerate(items):
            v = getattr(x, "value", None)
            if not isinstance(v, (bytes, bytearray)):
                raise GuestError("TypeError", f"sequence item {i}: expected a bytes-like "
                                 f"object, {x.ob_type.name} found")
            parts.append(bytes(v))
        if b.ob_type is heap.bytes_type and len(items) == 1 and \
                items[0].ob_type is heap.bytes_type:
            return incref(items[0])
        ensure_bytes(heap, sum(map(len, parts)) + len(b.value) * (len(parts) - 1))
        data = bytes(b.value).join(parts)
        if b.ob_type is heap.bytearray_type:
            return bao.bytearray_from_string_and_size(heap, data)
        return bytes_from_size(heap, data) if len(data) != 1 else new_bytes(heap, data)
    finally:
        heap.decref(holder)


def _strip(name):
    def method(sp, b, chars=None):
        chars = opt_none(sp, chars)
        c = None if chars is None else buffer_of(sp, chars)
        data = bytes(b.value)
        r = getattr(data, name)(c)
        if len(r) == len(data):
            return _result(sp, b, r)
        return _part(sp, b, r)
    return method


def bytes_replace(sp, b, old, new, count=None):
    old = buffer_of(sp, old)
    new = buffer_of(sp, new)
    count = -1 if count is None else as_ssize(sp, count)
    data = bytes(b.value)
    if count == 0 or old not in data:
        return _result(sp, b, data)
    if len(new) > len(old):
        found = data.count(old) if old else len(data) + 1
        ensure_bytes(sp.heap, len(data) + (len(new) - len(old)) * (
            found if count < 0 else min(count, found)))
    r = data.replace(old, new, count)
    return _result(sp, b, r, unchanged_ok=False, fresh=True)


def _sub_arg(sp, x):
    h = sp.heap
    if x.ob_type is h.int_type or x.ob_type is h.bool_type:
        v = x.value
        if not 0 <= v < 256:
            raise GuestError("ValueError", "byte must be in range(0, 256)")
        return bytes((v,))
    return buffer_of(sp, x, f"argument should be integer or bytes-like object, not "
                     f"'{x.ob_type.name}'")


def _slice_args(sp, start, end):
    start = opt_none(sp, start)
    end = opt_none(sp, end)
    return (None if start is None else as_index(sp, start),
            None if end is None else as_index(sp, end))


def _find(name):
    def method(sp, b, sub, start=None, end=None):
        sub = _sub_arg(sp, sub)
        start, end = _slice_args(sp, start, end)
        try:
            r = getattr(bytes(b.value), name)(sub, start, end)
        except ValueError:
            raise GuestError("ValueError", "subsection not found") from None
        return sp.newint(r)
    return method


def _startsend(name):
    def method(sp, b, x, start=None, end=None):
        h = sp.heap
        if x.ob_type is h.tuple_type:
            sub = tuple(buffer_of(sp, y) for y in x.items)
        else:
            sub = buffer_of(sp, x, f"{name} first arg must be bytes or a tuple of bytes, "
                            f"not {x.ob_type.name}")
        start, end = _slice_args(sp, start, end)
        return sp.newbool(getattr(bytes(b.value), name)(sub, start, end))
    return method


def _case(name):
    def method(sp, b):
        r = getattr(bytes(b.value), name)()
        if b.ob_type is sp.heap.bytearray_type:
            return bao.bytearray_from_string_and_size(sp.heap, r)
        return bytes_from_size(sp.heap, r)
    return method


def _pred(name):
    def method(sp, b):
        return sp.newbool(getattr(bytes(b.value), name)())
    return method


def _pad(name):
    def method(sp, b, width, fillchar=None):
        width = as_ssize(sp, width)
        fill = buffer_of(sp, fillchar) if fillchar is not None else b" "
        if len(fill) != 1:
            raise GuestError("TypeError", f"{name}() argument 2 must be a byte string of "
                             f"length 1, not {fillchar.ob_type.name}")
        data = bytes(b.value)
        if len(data) >= width:
            return _result(sp, b, data)
        ensure_bytes(sp.heap, width)
        return _result(sp, b, getattr(data, name)(width, fill), False, True)
    return method


def bytes_zfill(sp, b, width):
    width = as_ssize(sp, width)
    data = bytes(b.value)
    if len(data) >= width:
        return _result(sp, b, data)
    ensure_bytes(sp.heap, width)
    return _result(sp, b, data.zfill(width), False, True)


def bytes_expandtabs(sp, b, tabsize=None):
    data = bytes(b.value)
    ts = 8 if tabsize is None else as_index(sp, tabsize)
    if not -(1 << 31) <= ts < (1 << 31):
        raise GuestError("OverflowError", "Python int too large to convert to C int")
    if ts > 1:
        ensure_bytes(sp.heap, len(data) + data.count(b"\t") * (ts - 1))    # at most this long
    r = data.expandtabs(ts)
    if r == data:
        return _result(sp, b, data)
    return _result(sp, b, r, False, True)


def _partition(name):
    def method(sp, b, sepobj):
        sep = buffer_of(sp, sepobj)
        if not sep:
            raise GuestError("ValueError", "empty separator")
        data = bytes(b.value)
        a, s, c = getattr(data, name)(sep)
        parts = (a, s, c)
        objs = []
        for i, p in enumerate(parts):
            if i == 1 and s and b.ob_type is sp.heap.bytes_type:
                objs.append(incref(sepobj) if sepobj.ob_type is sp.heap.bytes_type
                            else new_bytes(sp.heap, p))
            elif p == data and b.ob_type is sp.heap.bytes_type:
                objs.append(incref(b))
            else:
                objs.append(_part(sp, b, p))
        return sp.newtuple(objs)
    return method


def bytes_count(sp, b, sub, start=None, end=None):
    sub = _sub_arg(sp, sub)
    start, end = _slice_args(sp, start, end)
    return sp.newint(bytes(b.value).count(sub, start, end))


# --- bytearray mutators -------------------------------------------------------------------------

def _byte(sp, x):
    h = sp.heap
    if x.ob_type is h.float_type or x.ob_type is h.str_type or x.ob_type is h.bytes_type:
        raise GuestError("TypeError", f"'{x.ob_type.name}' object cannot be interpreted as an "
                         "integer")
    v = as_index(sp, x)
    if not 0 <= v < 256:
        raise GuestError("ValueError", "byte must be in range(0, 256)")
    return v


@builtin("bytearray.append($self, item, /)", METH_O)
def bytearray_append(sp, b, item):
    bao.bytearray_append(sp.heap, b, _byte(sp, item))
    return sp.none()


@builtin("bytearray.extend($self, iterable_of_ints, /)", METH_O)
def bytearray_extend(sp, b, x):
    h = sp.heap
    if x.ob_type is h.bytes_type or x.ob_type is h.bytearray_type:
        bao.bytearray_extend(h, b, bytes(x.value))
        return sp.none()
    if x.ob_type is h.str_type:
        raise GuestError("TypeError", "expected iterable of integers; got: 'str'")
    try:
        it = sp.iter(x)
    except GuestError as e:
        if e.kind == "TypeError":
            raise GuestError("TypeError", f"can't extend bytearray with {x.ob_type.name}") \
                from None
        raise
    h.decref(it)
    items = [_byte(sp, y) for y in _collect_dec(sp, x)]
    hint = sp.len_or_none(x)
    bao.bytearray_extend_iter(h, b, items, hint if hint is not None
                              else bao.EXTEND_DEFAULT_HINT)
    return sp.none()


def _collect_dec(sp, x):
    h = sp.heap
    for y in sp.iterate(x):
        h.decref(y)
        yield y


@builtin("bytearray.pop($self, index=-1, /)", METH_FASTCALL)
def bytearray_pop(sp, b, index=None):
    n = len(b.value)
    i = -1 if index is None else as_ssize(sp, index)
    if n == 0:
        raise GuestError("IndexError", "pop from empty bytearray")
    if i < 0:
        i += n
    if not 0 <= i < n:
        raise GuestError("IndexError", "pop index out of range")
    v = b.value[i]
    bao.bytearray_setslice(sp.heap, b, i, i + 1)
    return sp.newint(v)


@builtin("bytearray.insert($self, index, item, /)", METH_FASTCALL)
def bytearray_insert(sp, b, index, item):
    n = len(b.value)
    i = as_ssize(sp, index)
    v = _byte(sp, item)
    if i < 0:
        i = max(0, i + n)
    i = min(i, n)
    bao.bytearray_setslice(sp.heap, b, i, i, bytes((v,)))
    return sp.none()


@builtin("bytearray.remove($self, value, /)", METH_O)
def bytearray_remove(sp, b, value):
    v = _byte(sp, value)
    i = b.value.find(v)
    if i < 0:
        raise GuestError("ValueError", "value not found in bytearray")
    bao.bytearray_setslice(sp.heap, b, i, i + 1)
    return sp.none()


@builtin("bytearray.reverse($self, /)", METH_NOARGS)
def bytearray_reverse(sp, b):
    b.value.reverse()
    return sp.none()


@builtin("bytearray.clear($self, /)", METH_NOARGS)
def bytearray_clear(sp, b):
    bao.bytearray_setslice(sp.heap, b, 0, len(b.value))
    return sp.none()


@builtin("bytearray.copy($self, /)", METH_NOARGS)
def bytearray_copy(sp, b):
    return bao.bytearray_from_string_and_size(sp.heap, bytes(b.value))


# name -> (implementation, parameters, convention): bytes and bytearray declare their own
# methods over one implementation (Objects/bytes_methods.c, Objects/stringlib)
_FIND_PARAMS = "sub, start=None, end=None, /"     # METH_VARARGS, PyArg_ParseTuple "O|OO:find"
COMMON = {
    "decode": (bytes_decode, "/, encoding='utf-8', errors='strict'",
               METH_FASTCALL | METH_KEYWORDS),
    "hex": (bytes_hex, "/, sep=<unrepresentable>, bytes_per_sep=1",
            METH_FASTCALL | METH_KEYWORDS),
    "split": (_split("split"), "/, sep=None, maxsplit=-1", METH_FASTCALL | METH_KEYWORDS),
    "rsplit": (_split("rsplit"), "/, sep=None, maxsplit=-1", METH_FASTCALL | METH_KEYWORDS),
    "join": (bytes_join, "iterable_of_bytes, /", METH_O),
    "replace": (bytes_replace, "old, new, count=-1, /", METH_FASTCALL),
    "count": (bytes_count, _FIND_PARAMS, METH_VARARGS),
    "zfill": (bytes_zfill, "width, /", METH_O),
    "expandtabs": (bytes_expandtabs, "/, tabsize=8", METH_FASTCALL | METH_KEYWORDS),
}
for _n in ("strip", "lstrip", "rstrip"):
    COMMON[_n] = (_strip(_n), "bytes=None, /", METH_FASTCALL)
for _n in ("find", "rfind", "index", "rindex"):
    COMMON[_n] = (_find(_n), _FIND_PARAMS, METH_VARARGS)
for _n in ("startswith", "endswith"):
    COMMON[_n] = (_startsend(_n), _FIND_PARAMS, METH_VARARGS)
for _n in ("ljust", "rjust", "center"):
    COMMON[_n] = (_pad(_n), "width, fillchar=b' ', /", METH_FASTCALL)
for _n in ("partition", "rpartition"):
    COMMON[_n] = (_partition(_n), "sep, /", METH_O)
for _n in ("upper", "lower", "title", "capitalize", "swapcase"):
    COMMON[_n] = (_case(_n), "/", METH_NOARGS)
for _n in ("isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle",
           "isascii"):
    COMMON[_n] = (_pred(_n), "/", METH_NOARGS)


def _declare_all(owner):
    return {name: declare(impl, f"{owner}.{name}($self, {params})", flags)
            for name, (impl, params, flags) in COMMON.items()}


BYTES_METHODS = dict(_declare_all("bytes"), fromhex=_fromhex("bytes"))
BYTEARRAY_METHODS = dict(_declare_all("bytearray"), fromhex=_fromhex("bytearray"),
                         append=bytearray_append, extend=bytearray_extend, pop=bytearray_pop,
                         insert=bytearray_insert, remove=bytearray_remove,
                         reverse=bytearray_reverse, clear=bytearray_clear, copy=bytearray_copy)


def install(sp):
    add_methods(sp.heap.bytes_type, BYTES_METHODS)
    add_methods(sp.heap.bytearray_type, BYTEARRAY_METHODS)
    sp.heap.bytes_type.tp_vectorcall = bytes_new
    sp.heap.bytearray_type.tp_vectorcall = bytearray___init__


# --- subscripts (bytes_subscript, bytearray_subscript, bytearray_ass_subscript) ------------

def _index_or_slice(sp, obj, key, what):
    """(index, None) or (None, (start, stop, step, n)) for key over obj's length."""
    h = sp.heap
    if key.ob_type is h.slice_type:
        return None, slice_indices(h, key, len(obj.value))
    if key.ob_type is h.int_type or key.ob_type is h.bool_type:
        return key.value, None
    if key.ob_type.flags & (1 << 9):
        v = sp.number_index(key)
        if v is not None:
            return v, None
    raise GuestError("TypeError", f"{what} indices must be integers or slices, not "
                     f"{key.ob_type.name}")


def bytes_subscript(sp, b, key):
    h = sp.heap
    i, sl = _index_or_slice(sp, b, key, "byte")
    data = b.value
    if sl is None:
        if i < 0:
            i += len(data)
        if not 0 <= i < len(data):
            raise GuestError("IndexError", "index out of range")
        return sp.newint(data[i])
    start, stop, step, n = sl
    if n <= 0:
        return new_bytes(h, b"")
    if step == 1:
        if start == 0 and n == len(data) and b.ob_type is h.bytes_type:
            return incref(b)
        return new_bytes(h, data[start:start + n])
    part = bytes(data[start + k * step] for k in range(n))
    return bytes_from_size(h, part)


def bytearray_subscript(sp, b, key):
    h = sp.heap
    i, sl = _index_or_slice(sp, b, key, "bytearray")
    data = b.value
    if sl is None:
        if i < 0:
            i += len(data)
        if not 0 <= i < len(data):
            raise GuestError("IndexError", "bytearray index out of range")
        return sp.newint(data[i])
    start, stop, step, n = sl
    if n <= 0:
        return bao.bytearray_from_string_and_size(h, b"")
    part = bytes(data[start + k * step] for k in range(n))
    return bao.bytearray_from_string_and_size(h, part)


def bytearray_ass_subscript(sp, b, key, value):
    """``b[key] = value`` (value None: ``del b[key]``)."""
    h = sp.heap
    i, sl = _index_or_slice(sp, b, key, "bytearray")
    data = b.value
    if sl is None:
        if i < 0:
            i += len(data)
        if not 0 <= i < len(data):
            raise GuestError("IndexError", "bytearray index out of range")
        if value is None:
            bao.bytearray_setslice(h, b, i, i + 1)
        else:
            data[i] = _byte(sp, value)
        return
    start, stop, step, n = sl
    if value is None:
        new = None
    elif value is b:
        new = b.value
    elif value.ob_type is h.bytes_type or value.ob_type is h.bytearray_type:
        new = bytes(value.value)
    elif value.ob_type is h.int_type or value.ob_type is h.str_type:
        raise GuestError("TypeError", "can assign only bytes, buffers, or iterables of ints "
                         "in range(0, 256)")
    else:
        new = bytes(_byte(sp, x) for x in sp.collect(value))
    if step == 1:
        bao.bytearray_setslice(h, b, start, max(stop, start), new if new is not None else b"")
        return
    if new is None:
        if n <= 0:
            return
        if step < 0:
            start, step = start + step * (n - 1), -step
        drop = set(range(start, start + step * n, step))
        kept = bytes(x for j, x in enumerate(data) if j not in drop)
        data[:] = kept + bytes(n)
        bao.bytearray_resize(h, b, len(kept))
        return
    if len(new) != n:
        raise GuestError("ValueError", f"attempt to assign bytes of size {len(new)} to "
                         f"extended slice of size {n}")
    for k in range(n):
        data[start + k * step] = new[k]


def range_subscript(sp, r, key):
    """``range[slice]``: a new range (``compute_slice``); integer keys are the space's."""
    h = sp.heap
    if key.ob_type is not h.slice_type:
        return None
    host = range(r.start.value, r.stop.value, r.step.value)
    k = key
    def _part(o):
        return None if o is h.none else sp._index(o, "slice")
    try:
        sub = host[slice(_part(k.start), _part(k.stop), _part(k.step))]
    except ValueError as e:
        raise GuestError("ValueError", str(e)) from None
    return make_range_object(h, new_int(h, sub.start), new_int(h, sub.stop),
                             new_int(h, sub.step))


# --- operators (bytes_concat, bytes_repeat, bytearray_concat/_iconcat/_repeat/_irepeat) ------

def _fresh_bytes(h, data):
    """A bytes object from ``PyObject_Malloc`` without the singletons (``bytes_repeat``)."""
    obj = BytesObject.__new__(BytesObject)
    obj.ob_refcnt = 1
    obj.ob_type = h.bytes_type
    obj.value = bytes(data)
    obj.hash = -1
    obj.addr = h.malloc(BYTES_HEADER + len(data))
    return obj


def _buffer_or_none(sp, obj):
    v = getattr(obj, "value", None)
    if isinstance(v, (bytes, bytearray)) and obj.ob_type is not sp.heap.str_type:
        return v
    return None


def bytes_binop(sp, op, a, b):
    """``+`` and ``*`` of bytes and bytearray (a new reference, or None: unsupported)."""
    h = sp.heap
    inplace = op.endswith("=")
    base = op[:-1] if inplace else op
    ints = (h.int_type, h.bool_type)
    if base == "+":
        if a.ob_type is not h.bytes_type and a.ob_type is not h.bytearray_type:
            return None
        vb = _buffer_or_none(sp, b)
        if vb is None:
            raise GuestError("TypeError", f"can't concat {b.ob_type.name} to "
                             f"{a.ob_type.name}")
        if a.ob_type is h.bytearray_type:
            if inplace:
                bao.bytearray_iconcat(h, a, vb)
                return incref(a)
            return bao.bytearray_from_string_and_size(h, bytes(a.value) + bytes(vb))
        if not a.value and b.ob_type is h.bytes_type:
            return incref(b)
        if not vb and a.ob_type is h.bytes_type:
            return incref(a)
        return bytes_from_size(h, a.value + bytes(vb))
    if base == "*":
        if a.ob_type in ints and not inplace:
            a, b = b, a
        if a.ob_type is not h.bytes_type and a.ob_type is not h.bytearray_type:
            return None
        if b.ob_type not in ints:
            n = sp.number_index(b) if b.ob_type.flags & (1 << 9) else None
            if n is None:
                raise GuestError("TypeError", f"can't multiply sequence by non-int of type "
                                 f"'{b.ob_type.name}'")
        else:
            n = b.value
        n = max(n, 0)
        ensure_bytes(h, len(a.value) * n)
        if a.ob_type is h.bytearray_type:
            data = bytes(a.value) * n
            if inplace:
                if n == 0:
                    bao.bytearray_setslice(h, a, 0, len(a.value))
                elif n > 1:
                    bao.bytearray_iconcat(h, a, data[len(a.value):])
                return incref(a)
            return bao.bytearray_from_string_and_size(h, data)
        if n == 1 and a.ob_type is h.bytes_type:
            return incref(a)
        if not a.value:
            return incref(a) if a.ob_type is h.bytes_type else _fresh_bytes(h, b"")
        return _fresh_bytes(h, a.value * n)
    if base == "%" and (a.ob_type is h.bytes_type or a.ob_type is h.bytearray_type):

        def host(x):
            v = getattr(x, "value", None)
            if x.ob_type in (h.int_type, h.bool_type, h.float_type, h.bytes_type,
                             h.bytearray_type) and v is not None:
                return bytes(v) if x.ob_type is h.bytearray_type else v
            raise Unsupported(f"bytes %-formatting of {x.ob_type.name}")
        args = tuple(host(x) for x in b.items) if b.ob_type is h.tuple_type else host(b)
        ensure_percent_room(sp, bytes(a.value).decode("latin-1"), args, ensure_bytes)
        try:
            data = bytes(a.value) % args
        except (TypeError, ValueError, OverflowError) as e:
            raise GuestError(type(e).__name__, str(e)) from None
        if a.ob_type is h.bytearray_type:
            return bao.bytearray_from_string_and_size(h, data)
        return new_bytes(h, data)
    return None

"""The methods of ``str`` (Objects/unicodeobject.c, Objects/stringlib/*.h).

Values are computed on the host payload; results are built the way CPython builds them:
``unicode_result_unchanged`` (the exact str itself when nothing changes), ``PyUnicode_Substring``
and the stringlib ``STRINGLIB_NEW`` paths (one-character results are the latin-1 singletons),
and the ``PyUnicode_New`` paths (case mapping, ``replace``, ``join``, padding) whose
one-character results are fresh objects.  ``split`` lists are preallocated as stringlib does
(``PREALLOC_SIZE``: at most 12 slots, the size then cut back without a realloc).
"""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError
from heapsim.base.errors import Unsupported
from heapsim.interp.methods import strformat
from heapsim.interp.methods.args import as_index, as_ssize, fresh_str, incref, opt_none
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS, builtin, declare,
    staticmethod_fn,
)
from heapsim.objects.bytesobject import new_bytes
from heapsim.objects.longobject import long_to_decimal
from heapsim.objects.sizecheck import ensure_str
from heapsim.objects.dictobject import dict_items, dict_new, dict_setitem
from heapsim.objects.listobject import (
    list_append_steal, list_extend_from_iterable, list_new, list_reverse,
)
from heapsim.objects.unicodeobject import new_str
from heapsim.objects.tupleobject import tuple_new

MAX_PREALLOC = 12
PY_SSIZE_T_MAX = (1 << 63) - 1


def _unchanged(sp, s):
    """``unicode_result_unchanged``: the exact str itself, a copy for a subclass."""
    if s.ob_type is sp.heap.str_type:
        s.ob_refcnt += 1
        return s
    return new_str(sp.heap, s.value)


def _substr(sp, s, value, i, j):
    """``PyUnicode_Substring(s, i, j)``."""
    if i == 0 and j == len(value):
        return _unchanged(sp, s)
    return new_str(sp.heap, value[i:j])


def _need_str(sp, obj, what):
    h = sp.heap
    v = getattr(obj, "value", None)
    if obj.ob_type is h.str_type or (type(v) is str and sp.isinstance_tp(obj, h.str_type)):
        return v
    raise GuestError("TypeError", what.format(obj.ob_type.name))


def _strarg(sp, obj, fname, pos):
    return _need_str(sp, obj, f"{fname}() argument {pos} must be str, not {{}}")


# --- splitting ---------------------------------------------------------------------------------

def _prealloc_list(heap, maxcount):
    n = MAX_PREALLOC if maxcount >= MAX_PREALLOC else maxcount + 1
    lst = list_new(heap, n)
    return lst


def _fill(heap, lst, objs):
    """SPLIT_ADD for each of objs (new references), then FIX_PREALLOC_SIZE."""
    items = lst.items
    k = min(len(objs), len(items))
    items[:k] = objs[:k]
    del items[k:]
    for o in objs[k:]:
        list_append_steal(heap, lst, o)


def _split_args(sp, sep, maxsplit):
    sep = opt_none(sp, sep)
    if sep is not None:
        sep = _need_str(sp, sep, "must be str or None, not {}")
    maxcount = -1 if maxsplit is None else as_ssize(sp, maxsplit)
    if maxcount < 0:
        maxcount = PY_SSIZE_T_MAX
    return sep, maxcount


@builtin("str.split($self, /, sep=None, maxsplit=-1)", METH_FASTCALL | METH_KEYWORDS)
def str_split(sp, s, sep=None, maxsplit=None):
    heap = sp.heap
    sep, maxcount = _split_args(sp, sep, maxsplit)
    v = s.value
    if sep == "":
        raise GuestError("ValueError", "empty separator")
    lst = _prealloc_list(heap, maxcount)
    exact = s.ob_type is heap.str_type
    objs = []
    if sep is None:
        parts = v.split(None, maxcount if maxcount < PY_SSIZE_T_MAX else -1)
        if len(parts) == 1 and parts[0] == v and exact:
            objs.append(incref(s))
        else:
            for p in parts:
                objs.append(new_str(heap, p))
    else:
        parts = v.split(sep, maxcount if maxcount < PY_SSIZE_T_MAX else -1)
        if len(parts) == 1 and exact:
            objs.append(incref(s))
        else:
            for p in parts:
                objs.append(new_str(heap, p))
    _fill(heap, lst, objs)
    return lst


@builtin("str.rsplit($self, /, sep=None, maxsplit=-1)", METH_FASTCALL | METH_KEYWORDS)
def str_rsplit(sp, s, sep=None, maxsplit=None):
    heap = sp.heap
    sep, maxcount = _split_args(sp, sep, maxsplit)
    v = s.value
    if sep == "":
        raise GuestError("ValueError", "empty separator")
    lst = _prealloc_list(heap, maxcount)
    exact = s.ob_type is heap.str_type
    parts = v.rsplit(sep, maxcount if maxcount < PY_SSIZE_T_MAX else -1)
    if len(parts) == 1 and exact and (sep is not None or parts[0] == v):
        objs = [incref(s)]
    else:
        objs = [new_str(heap, p) for p in reversed(parts)]   # made from the right
    _fill(heap, lst, objs)
    list_reverse(heap, lst)
    return lst


@builtin("str.splitlines($self, /, keepends=False)", METH_FASTCALL | METH_KEYWORDS)
def str_splitlines(sp, s, keepends=None):
    heap = sp.heap
    keep = keepends is not None and sp.truth(keepends)
    v = s.value
    lst = list_new(heap, 0)
    lines = v.splitlines(keep)
    for line in lines:
        if len(lines) == 1 and line == v and s.ob_type is heap.str_type:
            list_append_steal(heap, lst, incref(s))
        else:
            list_append_steal(heap, lst, new_str(heap, line))
    return lst


def _partition(sp, s, sepobj, right):
    heap = sp.heap
    sep = _need_str(sp, sepobj, "must be str, not {}")
    if not sep:
        raise GuestError("ValueError", "empty separator")
    v = s.value
    out = tuple_new(heap, 3)
    pos = v.rfind(sep) if right else v.find(sep)
    empty = heap.empty_str
    if pos < 0:
        if right:
            out.items[:] = [incref(empty), incref(empty), incref(s)]
        else:
            out.items[:] = [incref(s), incref(empty), incref(empty)]
        return out
    a = new_str(heap, v[:pos])
    out.items[0] = a
    out.items[1] = incref(sepobj)
    out.items[2] = new_str(heap, v[pos + len(sep):])
    return out


@builtin("str.partition($self, sep, /)", METH_O)
def str_partition(sp, s, sep):
    return _partition(sp, s, sep, False)


@builtin("str.rpartition($self, sep, /)", METH_O)
def str_rpartition(sp, s, sep):
    return _partition(sp, s, sep, True)


# --- joining ---------------------------------------------------------------------------------

def seq_fast(sp, obj, msg):
    """``PySequence_Fast``: (holder, items) where holder is a new reference to an exact
    list/tuple (obj itself, or a fresh list made as ``PySequence_List`` makes it)."""
    heap = sp.heap
    tp = obj.ob_type
    if tp is heap.list_type or tp is heap.tuple_type:
        return incref(obj), obj.items
    try:
        it = sp.iter(obj)
    except GuestError as e:
        if e.kind == "TypeError":
            raise GuestError("TypeError", msg) from None
        raise
    lst = list_new(heap, 0)
    try:
        hint = sp.len_or_none(obj)
        list_extend_from_iterable(heap, lst, sp.interp._host_iter(it), 8 if hint is None
                                  else hint)
    except BaseException:
        heap.decref(lst)
        raise
    finally:
        heap.decref(it)
    return lst, lst.items


@builtin("str.join($self, iterable, /)", METH_O)
def str_join(sp, s, iterable):
    heap = sp.heap
    holder, items = seq_fast(sp, iterable, "can only join an iterable")
    try:
        n = len(items)
        if n == 0:
            return incref(heap.empty_str)
        if n == 1 and items[0].ob_type is heap.str_type:
            return incref(items[0])
        parts = []
        for i, x in enumerate(items):
            v = getattr(x, "value", None)
            if type(v) is not str or not sp.isinstance_tp(x, heap.str_type):
                raise GuestError("TypeError", f"sequence item {i}: expected str instance, "
                                 f"{x.ob_type.name} found")
            parts.append(v)
        ensure_str(heap, sum(map(len, parts)) + len(s.value) * (n - 1))
        return fresh_str(heap, s.value.join(parts))
    finally:
        heap.decref(holder)


# --- stripping, replacing, padding ----------------------------------------------------------

def _strip(name, how):
    def method(sp, s, chars=None):
        chars = opt_none(sp, chars)
        if chars is not None:
            chars = _need_str(sp, chars, f"{name} arg must be None or str")
        v = s.value
        if how == 0:
            r = v.strip(chars)
        elif how == 1:
            r = v.lstrip(chars)
        else:
            r = v.rstrip(chars)
        if len(r) == len(v):
            return _unchanged(sp, s)
        return new_str(sp.heap, r)
    return declare(method, f"str.{name}($self, chars=None, /)", METH_FASTCALL)


@builtin("str.replace($self, old, new, count=-1, /)", METH_FASTCALL)
def str_replace(sp, s, old, new, count=None):
    old = _strarg(sp, old, "replace", 1)
    new = _strarg(sp, new, "replace", 2)
    count = -1 if count is None else as_ssize(sp, count)
    v = s.value
    if count == 0 or old not in v or (old == new and (len(old) > 0)):
        return _unchanged(sp, s)
    if len(new) > len(old):
        found = v.count(old) if old else len(v) + 1
        ensure_str(sp.heap, len(v) + (len(new) - len(old)) * (
            found if count < 0 else min(count, found)))
    r = v.replace(old, new, count)
    if r == v and old == "" and new == "":
        return _unchanged(sp, s)
    return fresh_str(sp.heap, r)


def _fillchar(sp, obj, name):
    v = _need_str(sp, obj, name + "() argument 2 must be str of length 1, not {}")
    if len(v) != 1:
        raise GuestError("TypeError", "The fill character must be exactly one character long")
    return v


def _pad(name):
    def method(sp, s, width, fillchar=None):
        width = as_ssize(sp, width)
        fill = " " if fillchar is None else _fillchar(sp, fillchar, name)
        v = s.value
        if len(v) >= width:
            return _unchanged(sp, s)
        ensure_str(sp.heap, width)
        return fresh_str(sp.heap, getattr(v, name)(width, fill))
    return declare(method, f"str.{name}($self, width, fillchar=' ', /)", METH_FASTCALL)


@builtin("str.zfill($self, width, /)", METH_O)
def str_zfill(sp, s, width):
    width = as_ssize(sp, width)
    v = s.value
    if len(v) >= width:
        return _unchanged(sp, s)
    ensure_str(sp.heap, width)
    return fresh_str(sp.heap, v.zfill(width))


@builtin("str.expandtabs($self, /, tabsize=8)", METH_FASTCALL | METH_KEYWORDS)
def str_expandtabs(sp, s, tabsize=None):
    ts = 8 if tabsize is None else as_index(sp, tabsize)
    if not -(1 << 31) <= ts < (1 << 31):
        raise GuestError("OverflowError", "Python int too large to convert to C int")
    v = s.value
    if "\t" not in v:
        return _unchanged(sp, s)
    if ts > 1:
        ensure_str(sp.heap, len(v) + v.count("\t") * (ts - 1))     # at most this long
    return new_str(sp.heap, v.expandtabs(ts))


def _affix(name, param):
    def method(sp, s, arg):
        a = _strarg(sp, arg, name, 1)
        v = s.value
        r = getattr(v, name)(a)
        if len(r) == len(v):
            return _unchanged(sp, s)
        return new_str(sp.heap, r)
    return declare(method, f"str.{name}($self, {param}, /)", METH_O)


# --- case mapping ------------------------------------------------------------------------------

def _case(name):
    def method(sp, s):
        return fresh_str(sp.heap, getattr(s.value, name)())
    return declare(method, f"str.{name}($self, /)", METH_NOARGS)


# --- searching -------------------------------------------------------------------------------

def _slice_args(sp, start, end):
    """(start, end) of the optional start/end arguments (None, int or __index__)."""
    what = "slice indices must be integers or None or have an __index__ method"
    start = opt_none(sp, start)
    end = opt_none(sp, end)
    return (None if start is None else as_index(sp, start, what),
            None if end is None else as_index(sp, end, what))


# find, count, startswith and friends are METH_VARARGS with PyArg_ParseTuple ("O|OO:find")
_FIND_SIGNATURE = "str.{}($self, sub, start=None, end=None, /)"


def _find(name):
    def method(sp, s, sub, start=None, end=None):
        sub = _need_str(sp, sub, "must be str, not {}")
        start, end = _slice_args(sp, start, end)
        try:
            r = getattr(s.value, name)(sub, start, end)
        except ValueError as e:
            raise GuestError("ValueError", str(e)) from None
        return sp.newint(r)
    return declare(method, _FIND_SIGNATURE.format(name), METH_VARARGS)


def _startsend(name):
    def method(sp, s, x, start=None, end=None):
        h = sp.heap
        start, end = _slice_args(sp, start, end)
        v = s.value
        if x.ob_type is h.tuple_type:
            for y in list(x.items):
                sub = _need_str(sp, y, "tuple for " + name + " must only contain str, not {}")
                if getattr(v, name)(sub, start, end):
                    return sp.newbool(True)
            return sp.newbool(False)
        sub = _need_str(sp, x, name + " first arg must be str or a tuple of str, not {}")
        return sp.newbool(getattr(v, name)(sub, start, end))
    return declare(method, f"str.{name}($self, prefix, start=None, end=None, /)", METH_VARARGS)


def _predicate(name):
    def method(sp, s):
        return sp.newbool(getattr(s.value, name)())
    return declare(method, f"str.{name}($self, /)", METH_NOARGS)


# --- encoding, translating -------------------------------------------------------------------

@builtin("str.encode($self, /, encoding='utf-8', errors='strict')",
         METH_FASTCALL | METH_KEYWORDS)
def str_encode(sp, s, encoding=None, errors=None):
    enc = "utf-8" if encoding is None else _need_str(
        sp, encoding, "encode() argument 'encoding' must be str, not {}")
    err = "strict" if errors is None else _need_str(
        sp, errors, "encode() argument 'errors' must be str, not {}")
    try:
        data = s.value.encode(enc, err)
    except LookupError as e:
        raise GuestError("LookupError", str(e)) from None
    except UnicodeError as e:
        raise GuestError(type(e).__name__, str(e)) from None
    return new_bytes(sp.heap, data)


@builtin("str.translate($self, table, /)", METH_O)
def str_translate(sp, s, table):
    heap = sp.heap
    out = []
    for ch in s.value:
        key = sp.newint(ord(ch))
        try:
            try:
                r = sp.getitem(table, key)
            except GuestError as e:
                if e.kind in ("LookupError", "KeyError", "IndexError"):
                    out.append(ch)
                    continue
                raise
        finally:
            heap.decref(key)
        try:
            if r is heap.none:
                continue
            if r.ob_type is heap.int_type:
                if not 0 <= r.value <= 0x10ffff:
                    raise GuestError("ValueError", "character mapping must be in "
                                     "range(0x110000)")
                out.append(chr(r.value))
            elif isinstance(getattr(r, "value", None), str):
                out.append(r.value)
            else:
                raise GuestError("TypeError", "character mapping must return integer, None "
                                 "or str")
        finally:
            heap.decref(r)
    return new_str(heap, "".join(out))


@staticmethod_fn
@builtin("str.maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)", METH_FASTCALL)
def str_maketrans(sp, s, x, y=None, z=None):
    """``str.maketrans`` (a static method: called on the type or an instance)."""
    heap = sp.heap
    d = dict_new(heap)
    try:
        if y is None:
            if x.ob_type is not heap.dict_type:
                raise GuestError("TypeError", "if you give only one argument to maketrans it "
                                 "must be a dict")
            for k, v in list(dict_items(x)):
                if k.ob_type is heap.str_type:
                    if len(k.value) != 1:
                        raise GuestError("ValueError", "string keys in translate table must "
                                         "be of length 1")
                    key = sp.newint(ord(k.value))
                elif k.ob_type is heap.int_type:
                    key = incref(k)
                else:
                    raise GuestError("TypeError", "keys in translate table must be strings "
                                     "or integers")
                dict_setitem(heap, d, key, v)
                heap.decref(key)
            return d
        x = _need_str(sp, x, "maketrans() argument 1 must be str, not {}")
        y = _need_str(sp, y, "maketrans() argument 2 must be str, not {}")
        if len(x) != len(y):
            raise GuestError("ValueError", "the first two maketrans arguments must have equal "
                             "length")
        for a, b in zip(x, y):
            key = sp.newint(ord(a))
            val = sp.newint(ord(b))
            dict_setitem(heap, d, key, val)
            heap.decref(key)
            heap.decref(val)
        if z is not None:
            z = _need_str(sp, z, "maketrans() argument 3 must be str, not {}")
            for c in z:
                key = sp.newint(ord(c))
                dict_setitem(heap, d, key, heap.none)
                heap.decref(key)
        return d
    except BaseException:
        heap.decref(d)
        raise


@builtin("str.count($self, sub, start=None, end=None, /)", METH_VARARGS)
def str_count(sp, s, sub, start=None, end=None):
    sub = _need_str(sp, sub, "must be str, not {}")
    start, end = _slice_args(sp, start, end)
    return sp.newint(s.value.count(sub, start, end))


@builtin("str.format_map($self, mapping, /)", METH_O)
def str_format_map(sp, s, mapping):
    return strformat.str_format_impl(sp, s, [], None, mapping=mapping)


@builtin("str.format($self, /, *args, **kwargs)", METH_VARARGS | METH_KEYWORDS)
def str_format(sp, s, args, kw):
    return strformat.str_format_impl(sp, s, args, kw)


@builtin("str.__getnewargs__($self, /)", METH_NOARGS)
def str_getnewargs(sp, s):
    return sp.newtuple([new_str(sp.heap, s.value)])


METHODS = {
    "split": str_split, "rsplit": str_rsplit, "splitlines": str_splitlines,
    "partition": str_partition, "rpartition": str_rpartition, "join": str_join,
    "strip": _strip("strip", 0), "lstrip": _strip("lstrip", 1), "rstrip": _strip("rstrip", 2),
    "replace": str_replace, "ljust": _pad("ljust"), "rjust": _pad("rjust"),
    "center": _pad("center"), "zfill": str_zfill, "expandtabs": str_expandtabs,
    "removeprefix": _affix("removeprefix", "prefix"),
    "removesuffix": _affix("removesuffix", "suffix"),
    "find": _find("find"), "rfind": _find("rfind"), "index": _find("index"),
    "rindex": _find("rindex"),
    "count": str_count, "startswith": _startsend("startswith"),
    "endswith": _startsend("endswith"), "encode": str_encode, "translate": str_translate,
    "maketrans": str_maketrans, "format": str_format, "format_map": str_format_map,
    "__getnewargs__": str_getnewargs,
}
for _n in ("upper", "lower", "title", "capitalize", "swapcase", "casefold"):
    METHODS[_n] = _case(_n)
for _n in ("isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isidentifier",
           "isnumeric", "isdecimal", "istitle", "isascii", "isprintable"):
    METHODS[_n] = _predicate(_n)


def install(sp):
    add_methods(sp.heap.str_type, METHODS)
    sp.heap.str_type.tp_vectorcall = unicode_new


@builtin("str(object='', encoding='utf-8', errors='strict')", METH_VARARGS | METH_KEYWORDS,
         parser="str", pack=True)
def unicode_new(sp, tp, obj=None, encoding=None, errors=None):
    """``str()``, ``str(obj)``, ``str(bytes, encoding, errors)`` (``unicode_new``: the
    ``tp_new`` convention, then Argument Clinic's keyword parser)."""
    heap = sp.heap
    if obj is None:
        if encoding is not None or errors is not None:
            obj = heap.empty_bytes
        else:
            return incref(heap.empty_str)
    if encoding is not None or errors is not None:
        v = getattr(obj, "value", None)
        if not isinstance(v, (bytes, bytearray)):
            if isinstance(v, str):
                raise GuestError("TypeError", "decoding str is not supported")
            raise GuestError("TypeError", "decoding to str: need a bytes-like object, "
                             f"{obj.ob_type.name} found")
        enc = "utf-8" if encoding is None else encoding.value
        err = "strict" if errors is None else errors.value
        try:
            return new_str(heap, bytes(v).decode(enc, err))
        except LookupError as e:
            raise GuestError("LookupError", str(e)) from None
        except UnicodeError as e:
            raise GuestError(type(e).__name__, str(e)) from None
    tp0 = obj.ob_type
    if tp0 is heap.int_type:
        return fresh_str(heap, long_to_decimal(obj.value))
    r = sp.str(obj)
    if tp is heap.str_type:
        return r
    maker = getattr(sp, "new_subclass_instance", None)
    if maker is None:
        heap.decref(r)
        raise Unsupported(f"str subclass {tp.name}")
    try:
        return maker(tp, r.value)
    finally:
        heap.decref(r)

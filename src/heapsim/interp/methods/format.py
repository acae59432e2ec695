"""Formatting: ``format()``/``PyObject_Format``, ``__format__`` of the builtin scalars and
``%``-formatting of str and bytes.  ``str.format``/``format_map`` parse their fields on guest
objects in strformat.py.

The builtin scalars' text comes from the host's own formatting of their payloads (host ints,
floats, complexes and strs: the host is CPython 3.11, so spec parsing, rounding and error
messages are the oracle's).  ``%``-formatting hands the host's ``%`` operator ``GuestProxy``
objects for the other guest objects: a proxy's host class bears the guest type's name (so host
messages such as ``%d format: a real number is required, not list`` name the guest type), and
it offers only the special methods ``%`` calls (``__str__``, ``__repr__``, ``__index__``,
``__float__``, ``__getitem__`` for ``%(key)s``), each calling back into the object space.  No
attribute of a proxy is reachable by a name the guest chooses: ``%`` looks up no attribute,
and a proxy is never handed to guest code.

The result object follows ``_PyUnicodeWriter``: when the whole output is one str object
written whole (``"%s" % s``, a format string without conversions), that object itself is
returned; otherwise a new string (``unicode_result``: one-character results are the latin-1
singletons).
"""

import re

from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.methods.args import as_index, fresh_str, incref
from heapsim.interp.methods.clinic import METH_FASTCALL, METH_O, builtin, declare
from heapsim.objects.bytesobject import new_bytes
from heapsim.objects.longobject import long_to_decimal
from heapsim.objects.sizecheck import ensure_bytes, ensure_str
from heapsim.objects.unicodeobject import new_str


_fresh = fresh_str


# --- PyObject_Format ---------------------------------------------------------------------------

def format_object(sp, obj, spec):
    """``PyObject_Format(obj, spec)`` with a host str spec: a new reference."""
    h = sp.heap
    tp = obj.ob_type
    if tp is h.str_type or tp is h.int_type or tp is h.float_type or tp is h.complex_type:
        r = format_field_exact(sp, obj, spec)
        if type(r) is not str:
            return r
        if tp is h.int_type and not spec:
            return _fresh(h, r)                 # long_to_decimal_string
        return new_str(h, r)
    if tp is h.bool_type:
        if not spec:
            return new_str(h, str(obj is h.true))
        ensure_spec_room(sp, spec)
        return _host_format(h, obj is h.true, spec)
    if obj is h.none:
        if spec:
            raise GuestError("TypeError", "unsupported format string passed to "
                             "NoneType.__format__")
        return new_str(h, "None")
    return sp.format(obj, spec)


# A format spec's width and precision:
# ``[[fill]align][sign][z][#][0][width][grouping][.precision][type]``.
_SPEC_SIZES = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?")
_BIG_NUMBER = re.compile(r"\d{7,}")


def ensure_spec_room(sp, spec, is_str=False):
    """Before the host formats with ``spec``: a width (or, except for a str, a precision) of
    millions of characters must fit under the heap limit (objects/sizecheck.py)."""
    if len(spec) >= 7:
        m = _SPEC_SIZES.match(spec)
        n = int(m.group(1) or 0)
        if not is_str and m.group(2):
            n = max(n, int(m.group(2)))
        ensure_str(sp.heap, n)


def ensure_percent_room(sp, fmt, args, ensure=ensure_str):
    """Before the host runs ``fmt % args``: the widths and precisions written in fmt, and the
    ``*`` ones taken from the arguments, must fit under the heap limit."""
    numbers = [int(x) for x in _BIG_NUMBER.findall(fmt)]
    if "*" in fmt:
        numbers += [x for x in (args if type(args) is tuple else (args,))
                    if type(x) is int and x > 999999]
    if numbers:
        ensure(sp.heap, max(numbers))


def format_field_exact(sp, obj, spec):
    """The formatters ``str.format`` calls directly for an exact str, int, float or complex
    (``_PyUnicode_FormatAdvancedWriter`` and its siblings): obj itself (a new reference) when
    it is written whole, else the host text; None for any other object."""
    h = sp.heap
    tp = obj.ob_type
    if tp is h.str_type:
        if not spec:
            return incref(obj)
        ensure_spec_room(sp, spec, True)
        r = _host_text(obj.value, spec)
        if r == obj.value:
            return incref(obj)
        return r
    if tp is h.int_type:
        if not spec:
            return long_to_decimal(obj.value)
        ensure_spec_room(sp, spec)
        return _host_text(obj.value, spec)
    if tp is h.float_type or tp is h.complex_type:
        if not spec:
            return str(obj.value)
        ensure_spec_room(sp, spec)
        return _host_text(obj.value, spec)
    return None


def _host_text(v, spec):
    try:
        return format(v, spec)
    except (ValueError, TypeError, OverflowError) as e:
        raise GuestError(type(e).__name__, str(e)) from None


def _host_format(h, v, spec):
    try:
        return new_str(h, format(v, spec))
    except (ValueError, TypeError, OverflowError) as e:
        raise GuestError(type(e).__name__, str(e)) from None


@builtin("format(value, format_spec='', /)", METH_FASTCALL)
def builtin_format(sp, self, value, spec=None):
    s = ""
    if spec is not None:
        if spec.ob_type is not sp.heap.str_type:
            raise GuestError("TypeError", "format() argument 2 must be str, not "
                             f"{spec.ob_type.name}")
        s = spec.value
    return format_object(sp, value, s)


def _scalar_format(sp, obj, spec):
    """``int.__format__``/``float.__format__``/``complex.__format__``."""
    if spec.ob_type is not sp.heap.str_type:
        raise GuestError("TypeError", "__format__() argument must be str, not "
                         f"{spec.ob_type.name}")
    h = sp.heap
    if obj.ob_type is h.int_type and not spec.value:
        return _fresh(h, long_to_decimal(obj.value))
    return format_object(sp, obj, spec.value)


int___format__, float___format__, complex___format__ = (
    declare(_scalar_format, f"{owner}.__format__($self, format_spec, /)", METH_O)
    for owner in ("int", "float", "complex"))


# --- guest proxies -----------------------------------------------------------------------------

def getitem_own_key(sp, obj, key):
    """``PyObject_GetItem(obj, key)`` for a key the caller releases right after: a KeyError
    that carries the key (``GuestError.key``, borrowed by the dict that raised it) takes its
    own reference, as the exception object CPython sets at once would."""
    try:
        return sp.getitem(obj, key)
    except GuestError as e:
        if getattr(e, "key", None) is key and not getattr(e, "owned", False):
            key.ob_refcnt += 1
            e.owned = True
        raise


class GuestProxy:
    """A guest object inside a host formatting operation."""

    __slots__ = ("_sp", "_obj", "_keep")

    def __format__(self, spec):
        sp = self._sp
        r = format_object(sp, self._obj, spec)
        try:
            if r.ob_type is not sp.heap.str_type:
                raise GuestError("TypeError", "__format__ must return a str, not "
                                 f"{r.ob_type.name}")
            return r.value
        finally:
            sp.heap.decref(r)

    def __str__(self):
        sp = self._sp
        r = sp.str(self._obj)
        v = r.value
        sp.heap.decref(r)
        return v

    def __repr__(self):
        sp = self._sp
        r = sp.repr(self._obj)
        v = r.value
        sp.heap.decref(r)
        return v

    def __getitem__(self, key):
        sp = self._sp
        k = sp.wrap(key)
        try:
            r = getitem_own_key(sp, self._obj, k)
        finally:
            sp.heap.decref(k)
        self._keep.append(r)
        return to_host(sp, r, self._keep)

    def __index__(self):
        return as_index(self._sp, self._obj)

    def __int__(self):
        return self.__index__()

    def __float__(self):
        fn = getattr(self._sp, "number_float", None)
        if fn is not None:
            r = fn(self._obj)
            if r is not None:
                return r
        raise TypeError(f"must be real number, not {self._obj.ob_type.name}")


_PROXY_CLASSES = {}


def to_host(sp, obj, keep):
    """A host value for a guest object: the payload of a builtin scalar, else a proxy."""
    h = sp.heap
    tp = obj.ob_type
    if tp is h.str_type or tp is h.int_type or tp is h.float_type or tp is h.complex_type:
        return obj.value
    if tp is h.bool_type:
        return obj is h.true
    if obj is h.none:
        return None
    cls = _PROXY_CLASSES.get(tp.name)
    if cls is None:
        try:
            cls = type(tp.name, (GuestProxy,), {"__slots__": ()})
        except (ValueError, UnicodeError):      # a name python3 refuses for a class
            cls = GuestProxy
        _PROXY_CLASSES[tp.name] = cls
    p = cls.__new__(cls)
    p._sp = sp
    p._obj = obj
    p._keep = keep
    return p


class _Mapping:
    """A guest mapping for ``format_map``/``%(name)s``/``**kwargs``."""

    __slots__ = ("sp", "obj", "keep", "kw")

    def __init__(self, sp, obj, keep, kw=None):
        self.sp = sp
        self.obj = obj
        self.keep = keep
        self.kw = kw

    def __getitem__(self, key):
        sp = self.sp
        if self.kw is not None:
            v = self.kw.get(key)
            if v is None:
                raise KeyError(key)
            return to_host(sp, v, self.keep)
        k = sp.wrap(key)
        try:
            r = getitem_own_key(sp, self.obj, k)
        finally:
            sp.heap.decref(k)
        self.keep.append(r)
        return to_host(sp, r, self.keep)

    def keys(self):
        return ()


def _host_error(e, sp=None):
    name = type(e).__name__
    if isinstance(e, KeyError):
        err = GuestError("KeyError")
        if e.args and isinstance(e.args[0], str):
            if sp is not None:
                err.key = new_str(sp.heap, e.args[0])
                err.owned = True
        return err
    if name in ("ValueError", "TypeError", "IndexError", "OverflowError", "ZeroDivisionError",
                "AttributeError"):
        return GuestError(name, str(e))
    return None


# --- %-formatting --------------------------------------------------------------------------

def str_mod(sp, fmt_obj, values):
    """``PyUnicode_Format(fmt, values)``: ``fmt % values`` for an exact str fmt."""
    h = sp.heap
    fmt = fmt_obj.value
    keep = []
    try:
        tp = values.ob_type
        if tp is h.tuple_type:
            hv = tuple(to_host(sp, x, keep) for x in values.items)
            if fmt == "%s" and len(values.items) == 1 and values.items[0].ob_type is h.str_type:
                return incref(values.items[0])
        elif _is_mapping(sp, values):
            hv = _Mapping(sp, values, keep)
            if "%(" not in fmt:
                hv = to_host(sp, values, keep)
        else:
            if fmt == "%s" and tp is h.str_type:
                return incref(values)
            hv = to_host(sp, values, keep)
        ensure_percent_room(sp, fmt, hv)
        try:
            text = fmt % hv
        except GuestError:
            raise
        except Exception as e:
            err = _host_error(e, sp)
            if err is None:
                raise
            raise err from None
        if text == fmt and fmt_obj.ob_type is h.str_type and "%" not in fmt:
            return incref(fmt_obj)
        return new_str(h, text)
    finally:
        for r in keep:
            h.decref(r)


def _is_mapping(sp, obj):
    h = sp.heap
    tp = obj.ob_type
    if tp is h.tuple_type or tp is h.str_type:
        return False
    if tp is h.dict_type or sp.isinstance_tp(obj, h.dict_type):
        return True
    return False


def bytes_mod(sp, fmt_obj, values):
    """``bytes % values`` for scalar/bytes arguments."""
    h = sp.heap

    def hostv(x):
        if x.ob_type is h.bytes_type or x.ob_type is getattr(h, "bytearray_type", None):
            return bytes(x.value)
        try:
            return sp.unwrap(x)
        except Unsupported:
            raise GuestError("TypeError", "%b requires a bytes-like object, or an object that "
                             f"implements __bytes__, not '{x.ob_type.name}'") from None
    try:
        hv = tuple(hostv(x) for x in values.items) if values.ob_type is h.tuple_type \
            else hostv(values)
        ensure_percent_room(sp, bytes(fmt_obj.value).decode("latin-1"), hv, ensure_bytes)
        return new_bytes(h, bytes(fmt_obj.value) % hv)
    except GuestError:
        raise
    except Exception as e:
        err = _host_error(e, sp)
        if err is None:
            raise
        raise err from None

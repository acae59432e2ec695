"""Formatting: ``format()``/``PyObject_Format``, ``__format__`` of the builtin scalars,
``str.format``/``format_map`` and ``%``-formatting of str.

The text is produced by the host's own formatting machinery (the host is CPython 3.11, so
spec parsing, rounding and error messages are the oracle's), with guest objects standing in
through ``GuestProxy`` objects whose host class bears the guest type's name (so host messages
such as ``%d format: a real number is required, not list`` name the guest type) and whose
``__format__``/``__str__``/``__repr__``/``__getattr__``/``__getitem__`` call back into the
object space.

The result object follows ``_PyUnicodeWriter``: when the whole output is one str object
written whole (``"{}".format(s)``, ``"%s" % s``, a format string without fields), that object
itself is returned; otherwise a new string (``unicode_result``: one-character results are the
latin-1 singletons).
"""

import _string

from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.methods.args import as_index, fresh_str, incref
from heapsim.interp.methods.clinic import METH_FASTCALL, METH_O, builtin, declare
from heapsim.objects.bytesobject import new_bytes
from heapsim.objects.unicodeobject import new_str


_fresh = fresh_str


# --- PyObject_Format ---------------------------------------------------------------------------

def format_object(sp, obj, spec):
    """``PyObject_Format(obj, spec)`` with a host str spec: a new reference."""
    h = sp.heap
    tp = obj.ob_type
    if tp is h.str_type:
        if not spec:
            return incref(obj)
        try:
            r = format(obj.value, spec)
        except (ValueError, TypeError) as e:
            raise GuestError(type(e).__name__, str(e)) from None
        if r == obj.value:
            return incref(obj)
        return new_str(h, r)
    if tp is h.int_type:
        if not spec:
            return _fresh(h, str(obj.value))     # long_to_decimal_string
        return _host_format(h, obj.value, spec)
    if tp is h.float_type or tp is h.bool_type or tp is h.complex_type:
        v = sp.unwrap(obj)
        if not spec:
            return new_str(h, str(v))
        return _host_format(h, v, spec)
    if obj is h.none:
        if spec:
            raise GuestError("TypeError", "unsupported format string passed to "
                             "NoneType.__format__")
        return new_str(h, "None")
    return sp.format(obj, spec)


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
        return _fresh(h, str(obj.value))
    return format_object(sp, obj, spec.value)


int___format__, float___format__, complex___format__ = (
    declare(_scalar_format, f"{owner}.__format__($self, format_spec, /)", METH_O)
    for owner in ("int", "float", "complex"))


# --- guest proxies -----------------------------------------------------------------------------

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

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        sp = self._sp
        r = sp.getattr(self._obj, name)
        self._keep.append(r)
        return to_host(sp, r, self._keep)

    def __getitem__(self, key):
        sp = self._sp
        k = sp.wrap(key)
        try:
            r = sp.getitem(self._obj, k)
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
        cls = type(tp.name, (GuestProxy,), {"__slots__": ()})
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
            r = sp.getitem(self.obj, k)
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


# --- str.format --------------------------------------------------------------------------------

def _single_field(fmt):
    """The field of a format string that is exactly one ``{...}`` field, else None."""
    try:
        parts = list(_string.formatter_parser(fmt))
    except ValueError:
        return None
    if len(parts) != 1:
        return None
    literal, name, spec, conv = parts[0]
    if literal or name is None:
        return None
    return name, spec, conv


def str_format_impl(sp, s, args, kw, mapping=None):
    h = sp.heap
    fmt = s.value
    if "{" not in fmt and "}" not in fmt:
        if s.ob_type is h.str_type:
            return incref(s)
        return new_str(h, fmt)
    keep = []
    try:
        hargs = [to_host(sp, a, keep) for a in args]
        if mapping is not None:
            hkw = _Mapping(sp, mapping, keep)
        else:
            hkw = {k: to_host(sp, v, keep) for k, v in (kw or {}).items()}
        single = _single_field(fmt)
        if single is not None:
            name, spec, conv = single
            if "{" not in spec and (conv is None or conv == "s"):
                obj = _lookup_simple(sp, name, args, kw, mapping)
                if obj is not None and obj.ob_type is h.str_type:
                    r = format_object(sp, obj, spec)
                    if r is obj:
                        return r
                    h.decref(r)
        try:
            if mapping is not None:
                text = fmt.format_map(hkw)
            else:
                text = fmt.format(*hargs, **hkw)
        except GuestError:
            raise
        except Exception as e:
            err = _host_error(e, sp)
            if err is None:
                raise
            raise err from None
        return new_str(h, text)
    finally:
        for r in keep:
            h.decref(r)


def _lookup_simple(sp, name, args, kw, mapping):
    """The object of a plain field name ('' , a digit string or an identifier)."""
    if name == "":
        return args[0] if args else None
    if name.isdigit():
        i = int(name)
        return args[i] if i < len(args) else None
    if name.isidentifier() and mapping is None and kw:
        return kw.get(name)
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
        return new_bytes(h, bytes(fmt_obj.value) % hv)
    except GuestError:
        raise
    except Exception as e:
        err = _host_error(e, sp)
        if err is None:
            raise
        raise err from None

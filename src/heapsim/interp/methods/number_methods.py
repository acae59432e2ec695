"""``int``, ``float``, ``complex`` and ``bool``: constructors and methods
(Objects/longobject.c, floatobject.c, complexobject.c, boolobject.c).

Values are computed on the host payloads (the host is CPython 3.11, so parsing, rounding and
messages are the oracle's); results are made with the object model's constructors (the
small-int cache, the float free list).  ``int(x)`` of an exact int and ``float(x)`` of an exact
float return x itself, as CPython does.
"""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.methods.args import as_index, incref
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS, SLOT_WRAPPER, builtin,
    classmethod_fn, declare,
)
from heapsim.interp.methods.format import complex___format__, float___format__, int___format__
from heapsim.objects.bytesobject import bytes_from_size
from heapsim.objects.complexobject import new_complex
from heapsim.objects.floatobject import new_float
from heapsim.objects.longobject import new_int


def _host_err(e):
    return GuestError(type(e).__name__, str(e))


def _subtype(tp, base):
    while tp is not None:
        if tp is base:
            return True
        tp = tp.base
    return False


def _bytes_like(sp, x):
    h = sp.heap
    return x.ob_type is h.bytes_type or x.ob_type is getattr(h, "bytearray_type", None)


def number_int(sp, x):
    """``PyNumber_Long(x)`` as a host int."""
    h = sp.heap
    tp = x.ob_type
    v = getattr(x, "value", None)
    if tp is h.int_type or tp is h.bool_type:
        return int(v)
    if tp is h.float_type:
        try:
            return int(v)
        except (OverflowError, ValueError) as e:
            raise _host_err(e) from None
    if tp is h.str_type or _subtype(tp, h.str_type):
        try:
            return int(v)
        except ValueError as e:
            raise _host_err(e) from None
    if _bytes_like(sp, x):
        try:
            return int(bytes(v))
        except ValueError as e:
            raise _host_err(e) from None
    if type(v) is int and _subtype(tp, h.int_type):
        return v
    if type(v) is float and _subtype(tp, h.float_type):
        return int(v)
    fn = getattr(sp, "number_int", None)
    if fn is not None:
        r = fn(x)
        if r is not None:
            return r
    raise GuestError("TypeError", "int() argument must be a string, a bytes-like object or a "
                     f"real number, not '{tp.name}'")


@builtin("int(x=0, /, base=10)", METH_VARARGS | METH_KEYWORDS, parser="int", pack=True)
def long_new(sp, tp, x=None, base=None):
    heap = sp.heap
    if x is None:
        if base is not None:
            raise GuestError("TypeError", "int() missing string argument")
        return _make_int(sp, tp, 0)
    if base is None:
        if x.ob_type is heap.int_type and tp is heap.int_type:
            return incref(x)
        return _make_int(sp, tp, number_int(sp, x))
    b = as_index(sp, base)
    if not (x.ob_type is heap.str_type or _subtype(x.ob_type, heap.str_type)
            or _bytes_like(sp, x)):
        raise GuestError("TypeError", "int() can't convert non-string with explicit base")
    v = x.value if not _bytes_like(sp, x) else bytes(x.value)
    try:
        return _make_int(sp, tp, int(v, b))
    except (ValueError, TypeError) as e:
        raise _host_err(e) from None


def _make_int(sp, tp, v):
    heap = sp.heap
    if tp is heap.int_type:
        return new_int(heap, v)
    maker = getattr(sp, "new_subclass_instance", None)
    if maker is None:
        raise Unsupported(f"int subclass {tp.name}")
    return maker(tp, v)


def number_float(sp, x):
    h = sp.heap
    tp = x.ob_type
    v = getattr(x, "value", None)
    if tp is h.float_type or tp is h.int_type or tp is h.bool_type:
        try:
            return float(v)
        except OverflowError:
            raise GuestError("OverflowError", "int too large to convert to float") from None
    if tp is h.str_type or _subtype(tp, h.str_type) or _bytes_like(sp, x):
        try:
            return float(v if not _bytes_like(sp, x) else bytes(v))
        except ValueError as e:
            raise _host_err(e) from None
    if type(v) in (int, float) and (_subtype(tp, h.int_type) or _subtype(tp, h.float_type)):
        return float(v)
    fn = getattr(sp, "number_float", None)
    if fn is not None:
        r = fn(x)
        if r is not None:
            return r
    raise GuestError("TypeError", "float() argument must be a string or a real number, not "
                     f"'{tp.name}'")


@builtin("float(x=0, /)", METH_FASTCALL, exact_kw=lambda sp: sp.heap.float_type)
def float_vectorcall(sp, tp, x=None):
    heap = sp.heap
    if x is None:
        v = 0.0
    else:
        if x.ob_type is heap.float_type and tp is heap.float_type:
            return incref(x)
        v = number_float(sp, x)
    if tp is heap.float_type:
        return new_float(heap, v)
    maker = getattr(sp, "new_subclass_instance", None)
    if maker is None:
        raise Unsupported(f"float subclass {tp.name}")
    return maker(tp, v)


@builtin("complex(real=0, imag=0)", METH_VARARGS | METH_KEYWORDS, parser="complex")
def complex_new(sp, tp, real=None, imag=None):
    heap = sp.heap
    try:
        if real is None:
            v = complex(0, 0 if imag is None else sp.unwrap(imag))
        elif real.ob_type is heap.str_type:
            if imag is not None:
                raise GuestError("TypeError", "complex() can't take second arg if first is a "
                                 "string")
            v = complex(real.value)
        else:
            if real.ob_type is heap.complex_type and imag is None and tp is heap.complex_type:
                return incref(real)
            r = sp.unwrap(real)
            if isinstance(r, str) or r is None:
                raise GuestError("TypeError", "complex() first argument must be a string or a "
                                 f"number, not '{real.ob_type.name}'")
            if imag is None:
                v = complex(r)
            else:
                i = sp.unwrap(imag)
                if isinstance(i, str) or i is None:
                    raise GuestError("TypeError", "complex() second argument must be a "
                                     f"number, not '{imag.ob_type.name}'")
                v = complex(r, i)
    except Unsupported:
        bad = real if real is not None else imag
        raise GuestError("TypeError", "complex() first argument must be a string or a number, "
                         f"not '{bad.ob_type.name}'") from None
    except (ValueError, TypeError, OverflowError) as e:
        raise _host_err(e) from None
    return new_complex(heap, v)


@builtin("bool(x=False, /)", METH_FASTCALL)
def bool_vectorcall(sp, tp, x=None):
    return sp.newbool(x is not None and sp.truth(x))


# --- int methods --------------------------------------------------------------------------------

def _ival(x):
    v = x.value
    return int(v)


@builtin("int.bit_length($self, /)", METH_NOARGS)
def int_bit_length(sp, x):
    return new_int(sp.heap, _ival(x).bit_length())


@builtin("int.bit_count($self, /)", METH_NOARGS)
def int_bit_count(sp, x):
    return new_int(sp.heap, _ival(x).bit_count())


@builtin("int.to_bytes($self, /, length=1, byteorder='big', *, signed=False)",
         METH_FASTCALL | METH_KEYWORDS)
def int_to_bytes(sp, x, length=None, byteorder=None, signed=None):
    n = 1 if length is None else as_index(sp, length)
    order = "big" if byteorder is None else byteorder.value
    try:
        data = _ival(x).to_bytes(n, order, signed=signed is not None and sp.truth(signed))
    except (OverflowError, ValueError) as e:
        raise _host_err(e) from None
    return bytes_from_size(sp.heap, data)      # PyBytes_FromStringAndSize(NULL, n)


@classmethod_fn(lambda h: h.int_type)
@builtin("int.from_bytes($type, /, bytes, byteorder='big', *, signed=False)",
         METH_FASTCALL | METH_KEYWORDS)
def int_from_bytes(sp, cls, data, byteorder=None, signed=None):
    h = sp.heap
    if _bytes_like(sp, data):
        raw = bytes(data.value)
    else:
        items = sp.collect(data)
        try:
            raw = bytes(as_index(sp, i) for i in items)
        except ValueError:
            raise GuestError("ValueError", "bytes must be in range(0, 256)") from None
        finally:
            for i in items:
                h.decref(i)
    order = "big" if byteorder is None else byteorder.value
    try:
        v = int.from_bytes(raw, order, signed=signed is not None and sp.truth(signed))
    except ValueError as e:
        raise _host_err(e) from None
    return new_int(h, v)


@builtin("int.as_integer_ratio($self, /)", METH_NOARGS)
def int_as_integer_ratio(sp, x):
    h = sp.heap
    v = _ival(x)
    a = incref(x) if x.ob_type is h.int_type else new_int(h, v)
    return sp.newtuple([a, new_int(h, 1)])


def long_long(sp, x):
    """``long_long_meth``: the int itself, an exact int copy of a subclass's value."""
    if x.ob_type is sp.heap.int_type:
        return incref(x)
    return new_int(sp.heap, _ival(x))


int_conjugate = declare(long_long, "int.conjugate($self, /)", METH_NOARGS)
int___trunc__ = declare(long_long, "int.__trunc__($self, /)", METH_NOARGS)
int___index__ = declare(long_long, "int.__index__($self, /)", SLOT_WRAPPER)
int___int__ = declare(long_long, "int.__int__($self, /)", SLOT_WRAPPER)


# --- float methods ------------------------------------------------------------------------------

@builtin("float.is_integer($self, /)", METH_NOARGS)
def float_is_integer(sp, x):
    return sp.newbool(x.value.is_integer())


@builtin("float.as_integer_ratio($self, /)", METH_NOARGS)
def float_as_integer_ratio(sp, x):
    try:
        a, b = x.value.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        raise _host_err(e) from None
    h = sp.heap
    return sp.newtuple([new_int(h, a), new_int(h, b)])


@builtin("float.hex($self, /)", METH_NOARGS)
def float_hex(sp, x):
    return sp.newstr(x.value.hex())


@classmethod_fn(lambda h: h.float_type)
@builtin("float.fromhex($type, string, /)", METH_O)
def float_fromhex(sp, cls, s):
    if s.ob_type is not sp.heap.str_type:
        raise GuestError("TypeError", f"fromhex() argument must be str, not {s.ob_type.name}")
    try:
        return new_float(sp.heap, float.fromhex(s.value))
    except (ValueError, OverflowError) as e:
        raise _host_err(e) from None


@builtin("float.conjugate($self, /)", METH_NOARGS)
def float_conjugate(sp, x):
    if x.ob_type is sp.heap.float_type:
        return incref(x)
    return new_float(sp.heap, float(x.value))


@builtin("float.__trunc__($self, /)", METH_NOARGS)
def float___trunc__(sp, x):
    try:
        return new_int(sp.heap, int(x.value))
    except (OverflowError, ValueError) as e:
        raise _host_err(e) from None


@builtin("complex.conjugate($self, /)", METH_NOARGS)
def complex_conjugate(sp, x):
    return new_complex(sp.heap, x.value.conjugate())


INT_METHODS = {
    "bit_length": int_bit_length, "bit_count": int_bit_count, "to_bytes": int_to_bytes,
    "from_bytes": int_from_bytes, "as_integer_ratio": int_as_integer_ratio,
    "conjugate": int_conjugate, "__index__": int___index__, "__format__": int___format__,
    "__trunc__": int___trunc__, "__int__": int___int__,
}
FLOAT_METHODS = {
    "is_integer": float_is_integer, "as_integer_ratio": float_as_integer_ratio,
    "hex": float_hex, "fromhex": float_fromhex, "conjugate": float_conjugate,
    "__format__": float___format__, "__trunc__": float___trunc__,
}
COMPLEX_METHODS = {"conjugate": complex_conjugate, "__format__": complex___format__}


def install(sp):
    add_methods(sp.heap.int_type, INT_METHODS)
    add_methods(sp.heap.float_type, FLOAT_METHODS)
    add_methods(sp.heap.complex_type, COMPLEX_METHODS)
    sp.heap.int_type.tp_vectorcall = long_new
    sp.heap.float_type.tp_vectorcall = float_vectorcall
    sp.heap.complex_type.tp_vectorcall = complex_new
    sp.heap.bool_type.tp_vectorcall = bool_vectorcall

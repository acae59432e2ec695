"""``int``, ``float``, ``complex`` and ``bool``: constructors and methods
(Objects/longobject.c, floatobject.c, complexobject.c, boolobject.c).

Values are computed on the host payloads (the host is CPython 3.11, so parsing, rounding and
messages are the oracle's); results are made with the object model's constructors (the
small-int cache, the float free list).  ``int(x)`` of an exact int and ``float(x)`` of an exact
float return x itself, as CPython does.
"""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.methods.args import (
    as_index, classmethod_fn, clinic_arity, incref, no_kw, pack_args, parse, release_args,
)
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


def c_int(sp, tp, args, kw):
    t, d = pack_args(sp, args, kw)
    try:
        return _c_int(sp, tp, args, kw)
    finally:
        release_args(sp.heap, t, d)


def _c_int(sp, tp, args, kw):
    heap = sp.heap
    x, base = parse("int", args, kw, ("x", "base"), 0, 1, sp=sp)
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


def c_float(sp, tp, args, kw):
    heap = sp.heap
    if kw and tp is heap.float_type:
        raise GuestError("TypeError", "float() takes no keyword arguments")
    clinic_arity("float", args, 0, 1)
    if not args:
        v = 0.0
    else:
        x = args[0]
        if x.ob_type is heap.float_type and tp is heap.float_type:
            return incref(x)
        v = number_float(sp, x)
    if tp is heap.float_type:
        return new_float(heap, v)
    maker = getattr(sp, "new_subclass_instance", None)
    if maker is None:
        raise Unsupported(f"float subclass {tp.name}")
    return maker(tp, v)


def c_complex(sp, tp, args, kw):
    heap = sp.heap
    real, imag = parse("complex", args, kw, ("real", "imag"), sp=sp)
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


def c_bool(sp, tp, args, kw):
    if kw:
        raise GuestError("TypeError", "bool() takes no keyword arguments")
    if len(args) > 1:
        raise GuestError("TypeError", f"bool expected at most 1 argument, got {len(args)}")
    return sp.newbool(bool(args) and sp.truth(args[0]))


# --- int methods --------------------------------------------------------------------------------

def _ival(x):
    v = x.value
    return int(v)


def i_bit_length(sp, x, args, kw):
    clinic_arity("bit_length", args, 0, 0, x)
    return new_int(sp.heap, _ival(x).bit_length())


def i_bit_count(sp, x, args, kw):
    clinic_arity("bit_count", args, 0, 0, x)
    return new_int(sp.heap, _ival(x).bit_count())


def i_to_bytes(sp, x, args, kw):
    from heapsim.objects.bytesobject import bytes_from_size
    length, byteorder, signed = parse("to_bytes", args, kw, ("length", "byteorder", "signed"),
                                      0, 0, sp=sp)
    if signed is not None and "signed" not in (kw or {}):
        raise GuestError("TypeError", "to_bytes() takes at most 2 positional arguments "
                         f"({len(args)} given)")
    n = 1 if length is None else as_index(sp, length)
    order = "big" if byteorder is None else byteorder.value
    try:
        data = _ival(x).to_bytes(n, order, signed=signed is not None and sp.truth(signed))
    except (OverflowError, ValueError) as e:
        raise _host_err(e) from None
    return bytes_from_size(sp.heap, data)      # PyBytes_FromStringAndSize(NULL, n)


@classmethod_fn("int")
def i_from_bytes(sp, cls, args, kw):
    data, byteorder, signed = parse("from_bytes", args, kw, ("bytes", "byteorder", "signed"),
                                    1, 0, sp=sp)
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


def i_as_integer_ratio(sp, x, args, kw):
    clinic_arity("as_integer_ratio", args, 0, 0, x)
    h = sp.heap
    v = _ival(x)
    a = incref(x) if x.ob_type is h.int_type else new_int(h, v)
    return sp.newtuple([a, new_int(h, 1)])


def i_conjugate(sp, x, args, kw):
    clinic_arity("conjugate", args, 0, 0, x)
    if x.ob_type is sp.heap.int_type:
        return incref(x)
    return new_int(sp.heap, _ival(x))


def i_index(sp, x, args, kw):
    return i_conjugate(sp, x, args, kw)


# --- float methods ------------------------------------------------------------------------------

def f_is_integer(sp, x, args, kw):
    clinic_arity("is_integer", args, 0, 0, x)
    return sp.newbool(x.value.is_integer())


def f_as_integer_ratio(sp, x, args, kw):
    clinic_arity("as_integer_ratio", args, 0, 0, x)
    try:
        a, b = x.value.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        raise _host_err(e) from None
    h = sp.heap
    return sp.newtuple([new_int(h, a), new_int(h, b)])


def f_hex(sp, x, args, kw):
    clinic_arity("hex", args, 0, 0, x)
    return sp.newstr(x.value.hex())


@classmethod_fn("float")
def f_fromhex(sp, cls, args, kw):
    clinic_arity("fromhex", args, 1, 1, cls)
    s = args[0]
    if s.ob_type is not sp.heap.str_type:
        raise GuestError("TypeError", f"fromhex() argument must be str, not {s.ob_type.name}")
    try:
        return new_float(sp.heap, float.fromhex(s.value))
    except (ValueError, OverflowError) as e:
        raise _host_err(e) from None


def f_conjugate(sp, x, args, kw):
    clinic_arity("conjugate", args, 0, 0, x)
    if x.ob_type is sp.heap.float_type:
        return incref(x)
    return new_float(sp.heap, float(x.value))


def f_trunc(sp, x, args, kw):
    try:
        return new_int(sp.heap, int(x.value))
    except (OverflowError, ValueError) as e:
        raise _host_err(e) from None


def c_conjugate(sp, x, args, kw):
    clinic_arity("conjugate", args, 0, 0, x)
    return new_complex(sp.heap, x.value.conjugate())


def _fmt(sp, x, args, kw):
    from heapsim.interp.methods.format import scalar_format_method
    return scalar_format_method(sp, x, args, kw)


INT_METHODS = {
    "bit_length": i_bit_length, "bit_count": i_bit_count, "to_bytes": i_to_bytes,
    "from_bytes": i_from_bytes, "as_integer_ratio": i_as_integer_ratio,
    "conjugate": i_conjugate, "__index__": i_index, "__format__": _fmt,
    "__trunc__": i_conjugate, "__int__": i_conjugate,
}
FLOAT_METHODS = {
    "is_integer": f_is_integer, "as_integer_ratio": f_as_integer_ratio, "hex": f_hex,
    "fromhex": f_fromhex, "conjugate": f_conjugate, "__format__": _fmt, "__trunc__": f_trunc,
}
COMPLEX_METHODS = {"conjugate": c_conjugate, "__format__": _fmt}


def install(sp):
    add_methods(sp.heap.int_type, INT_METHODS)
    add_methods(sp.heap.float_type, FLOAT_METHODS)
    add_methods(sp.heap.complex_type, COMPLEX_METHODS)
    sp.heap.int_type.tp_vectorcall = c_int
    sp.heap.float_type.tp_vectorcall = c_float
    sp.heap.complex_type.tp_vectorcall = c_complex
    sp.heap.bool_type.tp_vectorcall = c_bool

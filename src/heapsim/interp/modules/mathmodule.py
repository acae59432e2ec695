"""The guest ``math`` module (Modules/mathmodule.c).

Values are computed by the host's ``math`` (the same C library calls and the same error
messages as the oracle's); arguments are converted as CPython converts them (``__float__`` /
``__index__``), and results are simulated ints and floats.  Functions that return an int
argument unchanged in CPython (``floor``/``ceil``/``trunc`` of an int go through
``int.__floor__`` and friends, which return the int itself) do so here too.
"""

import math as hmath

from heapsim.base.errors import GuestError
from heapsim.interp.methods.args import as_index, clinic_arity, incref, no_kw
from heapsim.interp.modules.modsupport import add_functions, new_module, set_attr
from heapsim.objects.floatobject import new_float
from heapsim.objects.longobject import new_int
from heapsim.objects.unicodeobject import new_str


def _err(e):
    return GuestError(type(e).__name__, str(e))


def _float(sp, x):
    """``PyFloat_AsDouble``: a host float."""
    h = sp.heap
    tp = x.ob_type
    if tp is h.float_type:
        return x.value
    if tp is h.int_type:
        try:
            return float(x.value)
        except OverflowError:
            raise GuestError("OverflowError", "int too large to convert to float") from None
    if tp is h.bool_type:
        return 1.0 if x is h.true else 0.0
    v = getattr(x, "value", None)
    if type(v) in (int, float) and not isinstance(v, bool) and tp is not h.str_type:
        return float(v)
    fn = getattr(sp, "number_float", None)
    if fn is not None:
        r = fn(x)
        if r is not None:
            return r
    raise GuestError("TypeError", f"must be real number, not {tp.name}")


def _num(sp, x):
    """An int stays an int (for functions that accept ints exactly), else a float."""
    h = sp.heap
    if x.ob_type is h.int_type or x.ob_type is h.bool_type:
        return int(x.value)
    return _float(sp, x)


def _int(sp, x):
    h = sp.heap
    if x.ob_type is h.float_type:
        raise GuestError("TypeError", "'float' object cannot be interpreted as an integer")
    return as_index(sp, x)


def _f1(name, fn=None):
    fn = fn or getattr(hmath, name)

    def f(sp, self, args, kw):
        no_kw(name, kw)
        clinic_arity(name, args, 1, 1)
        x = _num(sp, args[0])
        try:
            return new_float(sp.heap, fn(x))
        except (ValueError, OverflowError) as e:
            raise _err(e) from None
    return f


def _f2(name):
    fn = getattr(hmath, name)

    def f(sp, self, args, kw):
        no_kw(name, kw)
        if len(args) != 2:
            raise GuestError("TypeError", f"{name} expected 2 arguments, got {len(args)}")
        a, b = _num(sp, args[0]), _num(sp, args[1])
        try:
            return new_float(sp.heap, fn(a, b))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            raise _err(e) from None
    return f


def _rounding(name):
    special = "__" + name + "__"

    def f(sp, self, args, kw):
        no_kw(name, kw)
        clinic_arity(name, args, 1, 1)
        h = sp.heap
        x = args[0]
        if x.ob_type is h.int_type:
            return incref(x)
        if x.ob_type is h.bool_type:
            return new_int(h, int(x is h.true))
        if x.ob_type is not h.float_type:
            call_special = getattr(sp, "call_special", None)
            if call_special is not None:
                r = call_special(x, special, [])
                if r is not None:
                    return r
            if name == "trunc":
                raise GuestError("TypeError", f"type {x.ob_type.name} doesn't define "
                                 "__trunc__ method")
        v = _float(sp, x)
        try:
            return new_int(h, getattr(hmath, name)(v))
        except (ValueError, OverflowError) as e:
            raise _err(e) from None
    return f


def m_log(sp, self, args, kw):
    no_kw("log", kw)
    if not 1 <= len(args) <= 2:
        raise GuestError("TypeError", f"log expected {'at least 1' if not args else 'at most 2'}"
                         f" argument{'s' if args else ''}, got {len(args)}")
    try:
        vals = [_num(sp, a) for a in args]
        return new_float(sp.heap, hmath.log(*vals))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        raise _err(e) from None


def _int_fn(name, lo, hi):
    fn = getattr(hmath, name)

    def f(sp, self, args, kw):
        no_kw(name, kw)
        if not lo <= len(args) <= hi:
            if lo == hi:
                raise GuestError("TypeError", f"{name} expected {lo} argument"
                                 f"{'s' if lo != 1 else ''}, got {len(args)}")
            clinic_arity(name, args, lo, hi)
        vals = [_int(sp, a) for a in args]
        if name == "gcd" and len(args) == 1 and args[0].ob_type is sp.heap.int_type \
                and vals[0] >= 0:
            return incref(args[0])
        try:
            return new_int(sp.heap, fn(*vals))
        except (ValueError, OverflowError) as e:
            raise _err(e) from None
    return f


def m_factorial(sp, self, args, kw):
    no_kw("factorial", kw)
    clinic_arity("factorial", args, 1, 1)
    x = args[0]
    if x.ob_type is sp.heap.float_type:
        raise GuestError("TypeError", "'float' object cannot be interpreted as an integer")
    try:
        return new_int(sp.heap, hmath.factorial(_int(sp, x)))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


def m_isqrt(sp, self, args, kw):
    no_kw("isqrt", kw)
    clinic_arity("isqrt", args, 1, 1)
    try:
        return new_int(sp.heap, hmath.isqrt(_int(sp, args[0])))
    except ValueError as e:
        raise _err(e) from None


def m_comb_perm(name):
    fn = getattr(hmath, name)

    def f(sp, self, args, kw):
        no_kw(name, kw)
        lo = 2 if name == "comb" else 1
        if not lo <= len(args) <= 2:
            if lo == 2:
                raise GuestError("TypeError", f"{name} expected 2 arguments, got {len(args)}")
            raise GuestError("TypeError", f"{name} expected at most 2 arguments, got "
                             f"{len(args)}")
        vals = []
        for a in args:
            if a is sp.heap.none and name == "perm":
                vals.append(None)
            else:
                vals.append(_int(sp, a))
        try:
            return new_int(sp.heap, fn(*vals))
        except (ValueError, OverflowError) as e:
            raise _err(e) from None
    return f


def _floats_of(sp, iterable):
    h = sp.heap
    out = []
    for x in sp.iterate(iterable):
        try:
            out.append(_num(sp, x))
        finally:
            h.decref(x)
    return out


def m_fsum(sp, self, args, kw):
    no_kw("fsum", kw)
    clinic_arity("fsum", args, 1, 1)
    vals = _floats_of(sp, args[0])
    try:
        return new_float(sp.heap, hmath.fsum(vals))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


def m_prod(sp, self, args, kw):
    h = sp.heap
    clinic_arity("prod", args, 1, 1)
    start = None
    if kw:
        from heapsim.interp.methods.args import kw_parser
        kw_parser(sp, "math.prod", ("start",))
        for k, v in kw.items():
            if k != "start":
                raise GuestError("TypeError", f"prod() got an unexpected keyword argument "
                                 f"'{k}'")
            start = v
    result = incref(start) if start is not None else new_int(h, 1)
    it = sp.iter(args[0])
    try:
        while True:
            x = sp.next(it)
            if x is None:
                return result
            try:
                new = sp.binary_op("*", result, x)
            except BaseException:
                h.decref(result)
                raise
            finally:
                h.decref(x)
            h.decref(result)
            result = new
    finally:
        h.decref(it)


def m_hypot(sp, self, args, kw):
    no_kw("hypot", kw)
    vals = [_num(sp, a) for a in args]
    try:
        return new_float(sp.heap, hmath.hypot(*vals))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


def m_dist(sp, self, args, kw):
    no_kw("dist", kw)
    if len(args) != 2:
        raise GuestError("TypeError", f"dist expected 2 arguments, got {len(args)}")
    h = sp.heap
    for a in args:
        if a.ob_type is not h.tuple_type and a.ob_type is not h.list_type:
            pass
    p = _floats_of(sp, args[0])
    q = _floats_of(sp, args[1])
    try:
        return new_float(h, hmath.dist(p, q))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


def m_isclose(sp, self, args, kw):
    if len(args) != 2:
        raise GuestError("TypeError", f"isclose() takes exactly 2 positional arguments "
                         f"({len(args)} given)")
    opts = {}
    if kw:
        from heapsim.interp.methods.args import kw_parser
        kw_parser(sp, "math.isclose", ("a", "b", "rel_tol", "abs_tol"))
    for k, v in (kw or {}).items():
        if k not in ("rel_tol", "abs_tol"):
            raise GuestError("TypeError", f"isclose() got an unexpected keyword argument "
                             f"'{k}'")
        opts[k] = _float(sp, v)
    try:
        return sp.newbool(hmath.isclose(_float(sp, args[0]), _float(sp, args[1]), **opts))
    except ValueError as e:
        raise _err(e) from None


def _pred(name):
    fn = getattr(hmath, name)

    def f(sp, self, args, kw):
        no_kw(name, kw)
        clinic_arity(name, args, 1, 1)
        return sp.newbool(fn(_float(sp, args[0])))
    return f


def m_modf(sp, self, args, kw):
    clinic_arity("modf", args, 1, 1)
    a, b = hmath.modf(_float(sp, args[0]))
    h = sp.heap
    return sp.newtuple([new_float(h, a), new_float(h, b)])


def m_frexp(sp, self, args, kw):
    clinic_arity("frexp", args, 1, 1)
    m, e = hmath.frexp(_float(sp, args[0]))
    h = sp.heap
    return sp.newtuple([new_float(h, m), new_int(h, e)])


def m_ldexp(sp, self, args, kw):
    if len(args) != 2:
        raise GuestError("TypeError", f"ldexp expected 2 arguments, got {len(args)}")
    x = _float(sp, args[0])
    i = args[1]
    if i.ob_type is not sp.heap.int_type and i.ob_type is not sp.heap.bool_type:
        raise GuestError("TypeError", "Expected an int as second argument to ldexp.")
    try:
        return new_float(sp.heap, hmath.ldexp(x, int(i.value)))
    except OverflowError as e:
        raise _err(e) from None


def m_pow(sp, self, args, kw):
    return _f2("pow")(sp, self, args, kw)


FUNCTIONS = {
    "sqrt": _f1("sqrt"), "exp": _f1("exp"), "expm1": _f1("expm1"), "log2": _f1("log2"),
    "log10": _f1("log10"), "log1p": _f1("log1p"), "sin": _f1("sin"), "cos": _f1("cos"),
    "tan": _f1("tan"), "asin": _f1("asin"), "acos": _f1("acos"), "atan": _f1("atan"),
    "sinh": _f1("sinh"), "cosh": _f1("cosh"), "tanh": _f1("tanh"), "asinh": _f1("asinh"),
    "acosh": _f1("acosh"), "atanh": _f1("atanh"), "fabs": _f1("fabs"), "erf": _f1("erf"),
    "erfc": _f1("erfc"), "gamma": _f1("gamma"), "lgamma": _f1("lgamma"),
    "radians": _f1("radians"), "degrees": _f1("degrees"), "cbrt": None, "exp2": None,
    "atan2": _f2("atan2"), "copysign": _f2("copysign"), "fmod": _f2("fmod"),
    "remainder": _f2("remainder"), "pow": m_pow, "nextafter": _f2("nextafter"),
    "ulp": _f1("ulp"), "log": m_log, "floor": _rounding("floor"), "ceil": _rounding("ceil"),
    "trunc": _rounding("trunc"), "gcd": _int_fn("gcd", 0, 1 << 30),
    "lcm": _int_fn("lcm", 0, 1 << 30), "isqrt": m_isqrt, "factorial": m_factorial,
    "comb": m_comb_perm("comb"), "perm": m_comb_perm("perm"), "fsum": m_fsum, "prod": m_prod,
    "hypot": m_hypot, "dist": m_dist, "isclose": m_isclose, "isfinite": _pred("isfinite"),
    "isinf": _pred("isinf"), "isnan": _pred("isnan"), "modf": m_modf, "frexp": m_frexp,
    "ldexp": m_ldexp,
}
FUNCTIONS = {k: v for k, v in FUNCTIONS.items() if v is not None}


def init(sp):
    """The ``math`` module: a new reference (its functions are builtin functions bound to
    it, then, where the host's math is an extension module, its ``__file__`` as the import
    of an extension sets it, then the constants, as ``math_exec`` adds them)."""
    heap = sp.heap
    mod = new_module(sp, "math")
    add_functions(sp, mod, FUNCTIONS.items())
    host_file = getattr(hmath, "__file__", None)       # None where math is built in
    if host_file is not None:
        set_attr(sp, mod, "__file__", new_str(heap, host_file))
    for name in ("pi", "e", "tau", "inf", "nan"):
        set_attr(sp, mod, name, new_float(heap, getattr(hmath, name)))
    return mod

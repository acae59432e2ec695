"""The guest ``math`` module (Modules/mathmodule.c).

Values are computed by the host's ``math`` (the same C library calls and the same error
messages as the oracle's); arguments are converted as CPython converts them (``__float__`` /
``__index__``), and results are simulated ints and floats.  Functions that return an int
argument unchanged in CPython (``floor``/``ceil``/``trunc`` of an int go through
``int.__floor__`` and friends, which return the int itself) do so here too.
"""

import math as hmath

from heapsim.base.errors import GuestError
from heapsim.interp.methods.args import as_index, incref
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_O, METH_VARARGS, builtin, declare,
)
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


def _f1(name):
    """``FUNC1``: a float function of one argument (METH_O)."""
    fn = getattr(hmath, name)

    def f(sp, self, x):
        x = _num(sp, x)
        try:
            return new_float(sp.heap, fn(x))
        except (ValueError, OverflowError) as e:
            raise _err(e) from None
    return declare(f, f"math.{name}(x, /)", METH_O)


def _f2(name, params="x, y"):
    """``FUNC2`` and the clinic functions of two floats (METH_FASTCALL)."""
    fn = getattr(hmath, name)

    def f(sp, self, a, b):
        a, b = _num(sp, a), _num(sp, b)
        try:
            return new_float(sp.heap, fn(a, b))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            raise _err(e) from None
    return declare(f, f"math.{name}({params}, /)", METH_FASTCALL)


def _rounding(name):
    special = "__" + name + "__"

    def f(sp, self, x):
        h = sp.heap
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
    return declare(f, f"math.{name}(x, /)", METH_O)


@builtin("math.log(*args)", METH_VARARGS)
def math_log(sp, self, args):
    """``math.log(x, [base=math.e])``: an optional group, whose argument count Argument
    Clinic's code checks by hand."""
    if not 1 <= len(args) <= 2:
        raise GuestError("TypeError", "math.log requires 1 to 2 arguments")
    try:
        vals = [_num(sp, a) for a in args]
        return new_float(sp.heap, hmath.log(*vals))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        raise _err(e) from None


def _int_fn(name):
    """``math.gcd`` / ``math.lcm`` (METH_FASTCALL over any number of ints)."""
    fn = getattr(hmath, name)

    def f(sp, self, args):
        vals = [_int(sp, a) for a in args]
        if name == "gcd" and len(args) == 1 and args[0].ob_type is sp.heap.int_type \
                and vals[0] >= 0:
            return incref(args[0])
        try:
            return new_int(sp.heap, fn(*vals))
        except (ValueError, OverflowError) as e:
            raise _err(e) from None
    return declare(f, f"math.{name}(*integers)", METH_FASTCALL)


@builtin("math.factorial(n, /)", METH_O)
def math_factorial(sp, self, x):
    if x.ob_type is sp.heap.float_type:
        raise GuestError("TypeError", "'float' object cannot be interpreted as an integer")
    try:
        return new_int(sp.heap, hmath.factorial(_int(sp, x)))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


@builtin("math.isqrt(n, /)", METH_O)
def math_isqrt(sp, self, n):
    try:
        return new_int(sp.heap, hmath.isqrt(_int(sp, n)))
    except ValueError as e:
        raise _err(e) from None


def _comb_perm(name, params):
    fn = getattr(hmath, name)

    def f(sp, self, *args):
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
    return declare(f, f"math.{name}({params}, /)", METH_FASTCALL)


def _floats_of(sp, iterable):
    h = sp.heap
    out = []
    for x in sp.iterate(iterable):
        try:
            out.append(_num(sp, x))
        finally:
            h.decref(x)
    return out


@builtin("math.fsum(seq, /)", METH_O)
def math_fsum(sp, self, seq):
    vals = _floats_of(sp, seq)
    try:
        return new_float(sp.heap, hmath.fsum(vals))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


@builtin("math.prod(iterable, /, *, start=1)", METH_FASTCALL | METH_KEYWORDS)
def math_prod(sp, self, iterable, start=None):
    h = sp.heap
    result = incref(start) if start is not None else new_int(h, 1)
    it = sp.iter(iterable)
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


@builtin("math.hypot(*coordinates)", METH_FASTCALL)
def math_hypot(sp, self, args):
    vals = [_num(sp, a) for a in args]
    try:
        return new_float(sp.heap, hmath.hypot(*vals))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


@builtin("math.dist(p, q, /)", METH_FASTCALL)
def math_dist(sp, self, p, q):
    h = sp.heap
    p = _floats_of(sp, p)
    q = _floats_of(sp, q)
    try:
        return new_float(h, hmath.dist(p, q))
    except (ValueError, OverflowError) as e:
        raise _err(e) from None


@builtin("math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", METH_FASTCALL | METH_KEYWORDS)
def math_isclose(sp, self, a, b, rel_tol=None, abs_tol=None):
    opts = {}
    if rel_tol is not None:
        opts["rel_tol"] = _float(sp, rel_tol)
    if abs_tol is not None:
        opts["abs_tol"] = _float(sp, abs_tol)
    try:
        return sp.newbool(hmath.isclose(_float(sp, a), _float(sp, b), **opts))
    except ValueError as e:
        raise _err(e) from None


def _pred(name):
    fn = getattr(hmath, name)

    def f(sp, self, x):
        return sp.newbool(fn(_float(sp, x)))
    return declare(f, f"math.{name}(x, /)", METH_O)


@builtin("math.modf(x, /)", METH_O)
def math_modf(sp, self, x):
    a, b = hmath.modf(_float(sp, x))
    h = sp.heap
    return sp.newtuple([new_float(h, a), new_float(h, b)])


@builtin("math.frexp(x, /)", METH_O)
def math_frexp(sp, self, x):
    m, e = hmath.frexp(_float(sp, x))
    h = sp.heap
    return sp.newtuple([new_float(h, m), new_int(h, e)])


@builtin("math.ldexp(x, i, /)", METH_FASTCALL)
def math_ldexp(sp, self, x, i):
    x = _float(sp, x)
    if i.ob_type is not sp.heap.int_type and i.ob_type is not sp.heap.bool_type:
        raise GuestError("TypeError", "Expected an int as second argument to ldexp.")
    try:
        return new_float(sp.heap, hmath.ldexp(x, int(i.value)))
    except OverflowError as e:
        raise _err(e) from None


FUNCTIONS = {
    "sqrt": _f1("sqrt"), "exp": _f1("exp"), "expm1": _f1("expm1"), "log2": _f1("log2"),
    "log10": _f1("log10"), "log1p": _f1("log1p"), "sin": _f1("sin"), "cos": _f1("cos"),
    "tan": _f1("tan"), "asin": _f1("asin"), "acos": _f1("acos"), "atan": _f1("atan"),
    "sinh": _f1("sinh"), "cosh": _f1("cosh"), "tanh": _f1("tanh"), "asinh": _f1("asinh"),
    "acosh": _f1("acosh"), "atanh": _f1("atanh"), "fabs": _f1("fabs"), "erf": _f1("erf"),
    "erfc": _f1("erfc"), "gamma": _f1("gamma"), "lgamma": _f1("lgamma"),
    "radians": _f1("radians"), "degrees": _f1("degrees"), "cbrt": None, "exp2": None,
    "atan2": _f2("atan2", "y, x"), "copysign": _f2("copysign"), "fmod": _f2("fmod"),
    "remainder": _f2("remainder"), "pow": _f2("pow"), "nextafter": _f2("nextafter"),
    "ulp": _f1("ulp"), "log": math_log, "floor": _rounding("floor"),
    "ceil": _rounding("ceil"), "trunc": _rounding("trunc"), "gcd": _int_fn("gcd"),
    "lcm": _int_fn("lcm"), "isqrt": math_isqrt, "factorial": math_factorial,
    "comb": _comb_perm("comb", "n, k"), "perm": _comb_perm("perm", "n, k=None"),
    "fsum": math_fsum, "prod": math_prod, "hypot": math_hypot, "dist": math_dist,
    "isclose": math_isclose, "isfinite": _pred("isfinite"), "isinf": _pred("isinf"),
    "isnan": _pred("isnan"), "modf": math_modf, "frexp": math_frexp, "ldexp": math_ldexp,
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

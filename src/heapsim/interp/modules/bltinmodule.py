"""The guest ``builtins`` module (Python/bltinmodule.c): its functions, except the ones the
object protocol owns (isinstance, getattr, ...: ``sp.register_builtins`` adds them), the
constructors of the builtin iterator types, range and slice, and ``init(sp)``, which builds the
module (the first row of the module table, modules/table.py).

Each function is ``fn(sp, self, args, kw)`` returning a new reference; argument errors are
CPython's.
"""

from heapsim.objects.core import add_methods
from heapsim.base.errors import GuestError, Unsupported
from heapsim.interp.types import iterobject as itmod
from heapsim.interp.methods.args import as_index, fresh_str, incref, opt_none
from heapsim.interp.methods.clinic import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_VARARGS, builtin, declare,
)
from heapsim.interp.methods.format import builtin_format
from heapsim.interp.methods.list_methods import builtin_sorted
from heapsim.interp.modules import bltin_exec, bltin_site
from heapsim.interp.modules.modsupport import add_functions, new_module, set_attr
from heapsim.interp.types.exceptions import ALIASES, is_subtype, new_exception
from heapsim.interp.types.exceptiongroup import install_exception_groups
from heapsim.interp.types.genericaliasobject import init_generic_alias_type, install_generic_alias
from heapsim.interp.types.unionobject import init_union_type, install_union
from heapsim.objects.core import PyObject
from heapsim.objects.floatobject import new_float
from heapsim.objects.longobject import long_to_decimal, new_int
from heapsim.objects.rangeobject import RANGEITER_SIZE, RangeIterObject, range_new
from heapsim.objects.sliceobject import slice_indices
from heapsim.objects.unicodeobject import new_str, str_char


# --- output -------------------------------------------------------------------------------------

@builtin("print(*args, sep=' ', end='\\n', file=None, flush=False)",
         METH_FASTCALL | METH_KEYWORDS)
def builtin_print(sp, self, args, sep=None, end=None, file=None, flush=None):
    heap = sp.heap
    none = heap.none
    if sep is None or sep is none:
        sep_s = " "
    elif sep.ob_type is heap.str_type:
        sep_s = sep.value
    else:
        raise GuestError("TypeError", f"sep must be None or a string, not {sep.ob_type.name}")
    if end is None or end is none:
        end_s = "\n"
    elif end.ob_type is heap.str_type:
        end_s = end.value
    else:
        raise GuestError("TypeError", f"end must be None or a string, not {end.ob_type.name}")
    interp = sp.interp
    if file is None or file is none:
        out = interp.stdout
        write = None
    else:
        stream = getattr(file, "stream", None)
        if stream is not None:
            out = interp.stderr if stream == "stderr" else interp.stdout
            write = None
        else:
            out = None
            write = sp.getattr(file, "write")
    try:
        str_type = heap.str_type
        if write is None:
            parts = []
            for a in args:
                if a.ob_type is str_type:
                    parts.append(a.value)
                else:
                    s = sp.str(a)
                    parts.append(s.value)
                    heap.decref(s)
            out.write(sep_s.join(parts) + end_s)
            if flush is not None and sp.truth(flush):
                out.flush()
        else:
            for i, a in enumerate(args):
                if i:
                    _call_write(sp, write, sep_s)
                s = sp.str(a)
                try:
                    r = sp.call(write, [s], None)
                    heap.decref(r)
                finally:
                    heap.decref(s)
            _call_write(sp, write, end_s)
            if flush is not None and sp.truth(flush):
                fl = sp.getattr(file, "flush")
                try:
                    heap.decref(sp.call(fl, [], None))
                finally:
                    heap.decref(fl)
    finally:
        if write is not None:
            heap.decref(write)
    return sp.none()


def _call_write(sp, write, text):
    s = new_str(sp.heap, text)
    try:
        sp.heap.decref(sp.call(write, [s], None))
    finally:
        sp.heap.decref(s)


# --- simple functions ---------------------------------------------------------------------------

@builtin("len(obj, /)", METH_O)
def builtin_len(sp, self, x):
    h = sp.heap
    tp = x.ob_type
    if tp is h.list_type or tp is h.tuple_type:
        return new_int(h, len(x.items))
    if tp is h.str_type or tp is h.bytes_type or tp is h.bytearray_type:
        return new_int(h, len(x.value))
    return new_int(h, sp.len(x))


@builtin("id(obj, /)", METH_O)
def builtin_id(sp, self, x):
    return new_int(sp.heap, x.addr)


@builtin("hash(obj, /)", METH_O)
def builtin_hash(sp, self, x):
    return new_int(sp.heap, sp.hash(x))


@builtin("repr(obj, /)", METH_O)
def builtin_repr(sp, self, x):
    if x.ob_type is sp.heap.int_type:
        return fresh_str(sp.heap, long_to_decimal(x.value))
    return sp.repr(x)


@builtin("ascii(obj, /)", METH_O)
def builtin_ascii(sp, self, x):
    r = sp.repr(x)
    v = r.value
    if v.isascii():
        return r
    sp.heap.decref(r)
    return new_str(sp.heap, _ascii_escape(v))


def _ascii_escape(v):
    out = []
    for ch in v:
        c = ord(ch)
        if c < 128:
            out.append(ch)
        elif c < 256:
            out.append(f"\\x{c:02x}")
        elif c < 65536:
            out.append(f"\\u{c:04x}")
        else:
            out.append(f"\\U{c:08x}")
    return "".join(out)


@builtin("callable(obj, /)", METH_O)
def builtin_callable(sp, self, x):
    return sp.newbool(sp.callable(x))


@builtin("abs(x, /)", METH_O)
def builtin_abs(sp, self, a):
    h = sp.heap
    tp = a.ob_type
    if tp is h.int_type:
        v = a.value
        if v >= 0:
            return incref(a)
        return new_int(h, -v)
    if tp is h.float_type:
        v = a.value
        return new_float(h, abs(v))
    if tp is h.bool_type:
        return new_int(h, int(a is h.true))
    if tp is h.complex_type:
        try:
            return new_float(h, abs(a.value))
        except OverflowError as e:
            raise GuestError("OverflowError", str(e)) from None
    fn = getattr(sp, "unary", None)
    if fn is not None and tp not in sp.scalar_types:
        try:
            return sp.call_special(a, "__abs__", []) if hasattr(sp, "call_special") else \
                _no_abs(tp)
        except AttributeError:
            pass
    _no_abs(tp)


def _no_abs(tp):
    raise GuestError("TypeError", f"bad operand type for abs(): '{tp.name}'")


@builtin("chr(i, /)", METH_O)
def builtin_chr(sp, self, x):
    v = as_index(sp, x)
    if not 0 <= v <= 0x10ffff:
        if abs(v) >= 1 << 31:
            raise GuestError("OverflowError", "signed integer is greater than maximum"
                             if v > 0 else "signed integer is less than minimum")
        raise GuestError("ValueError", "chr() arg not in range(0x110000)")
    return str_char(sp.heap, v)


@builtin("ord(c, /)", METH_O)
def builtin_ord(sp, self, x):
    h = sp.heap
    tp = x.ob_type
    v = getattr(x, "value", None)
    if type(v) is str:
        if len(v) != 1:
            raise GuestError("TypeError", "ord() expected a character, but string of length "
                             f"{len(v)} found")
        return new_int(h, ord(v))
    if tp is h.bytes_type or tp is getattr(h, "bytearray_type", None):
        if len(v) != 1:
            raise GuestError("TypeError", "ord() expected a character, but string of length "
                             f"{len(v)} found")
        return new_int(h, v[0])
    raise GuestError("TypeError", "ord() expected string of length 1, but "
                     f"{tp.name} found")


def _num(sp, x):
    h = sp.heap
    tp = x.ob_type
    if tp is h.int_type or tp is h.float_type or tp is h.complex_type:
        return x.value
    if tp is h.bool_type:
        return x is h.true
    return None


def _binop_host(sp, name, fn, a, b, c=None):
    try:
        if c is None:
            return sp.wrap(fn(a, b))
        return sp.wrap(fn(a, b, c))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        raise GuestError(type(e).__name__, str(e)) from None


@builtin("divmod(x, y, /)", METH_FASTCALL)
def builtin_divmod(sp, self, a, b):
    x, y = _num(sp, a), _num(sp, b)
    if x is None or y is None or type(x) is complex or type(y) is complex:
        fn = getattr(sp, "binary_special", None)
        if fn is not None:
            return fn("divmod", a, b)
        raise GuestError("TypeError", "unsupported operand type(s) for divmod(): "
                         f"'{a.ob_type.name}' and '{b.ob_type.name}'")
    try:
        q, r = divmod(x, y)
    except (ZeroDivisionError, TypeError, OverflowError) as e:
        raise GuestError(type(e).__name__, str(e)) from None
    return sp.newtuple([sp.wrap(q), sp.wrap(r)])


@builtin("pow(base, exp, mod=None)", METH_FASTCALL | METH_KEYWORDS)
def builtin_pow(sp, self, base, exp, mod=None):
    mod = opt_none(sp, mod)
    if mod is None:
        return sp.binary_op("**", base, exp)
    x, y, z = _num(sp, base), _num(sp, exp), _num(sp, mod)
    if x is None or y is None or z is None:
        raise GuestError("TypeError", "unsupported operand type(s) for ** or pow(): "
                         f"'{base.ob_type.name}', '{exp.ob_type.name}', '{mod.ob_type.name}'")
    return _binop_host(sp, "pow", pow, x, y, z)


@builtin("round(number, ndigits=None)", METH_FASTCALL | METH_KEYWORDS)
def builtin_round(sp, self, number, ndigits=None):
    h = sp.heap
    nd = opt_none(sp, ndigits)
    x = number
    tp = x.ob_type
    if tp is h.int_type or tp is h.bool_type:
        if nd is None:
            if tp is h.int_type:
                return incref(x)
            return new_int(h, int(x is h.true))
        n = as_index(sp, nd)
        r = round(int(x.value), n)
        if r == x.value and tp is h.int_type:
            return incref(x)
        return new_int(h, r)
    if tp is h.float_type:
        try:
            if nd is None:
                return new_int(h, round(x.value))
            return new_float(h, round(x.value, as_index(sp, nd)))
        except (ValueError, OverflowError) as e:
            raise GuestError(type(e).__name__, str(e)) from None
    fn = getattr(sp, "call_special", None)
    if fn is not None:
        r = fn(x, "__round__", [] if nd is None else [nd])
        if r is not None:
            return r
    raise GuestError("TypeError", f"type {tp.name} doesn't define __round__ method")


def _base_fmt(name, fn):
    def method(sp, self, number):
        return new_str(sp.heap, fn(as_index(sp, number)))
    return declare(method, f"{name}(number, /)", METH_O)


builtin_bin = _base_fmt("bin", bin)
builtin_hex = _base_fmt("hex", hex)
builtin_oct = _base_fmt("oct", oct)


@builtin("globals()", METH_NOARGS)
def builtin_globals(sp, self):
    return incref(sp.interp.frame.globals)


@builtin("locals()", METH_NOARGS)
def builtin_locals(sp, self):
    return incref(bltin_exec.caller_locals(sp))


# --- iteration ----------------------------------------------------------------------------------

@builtin("iter(object, sentinel=<unrepresentable>, /)", METH_FASTCALL)
def builtin_iter(sp, self, obj, sentinel=None):
    if sentinel is None:
        return sp.iter(obj)
    fn = obj
    if not sp.callable(fn):
        raise GuestError("TypeError", "iter(v, w): v must be callable")
    return itmod.new_iter(sp.heap, sp.iter_types["callable_iterator"], incref(fn), 0,
                          incref(sentinel))


@builtin("next(iterator, default=<unrepresentable>, /)", METH_FASTCALL)
def builtin_next(sp, self, it, default=None):
    heap = sp.heap
    if it.ob_type is getattr(heap, "generator_type", None):
        more, r = sp.interp.gen_send(it, heap.none)
        if more:
            return r
        if default is not None:
            heap.xdecref(r)
            return incref(default)
        if r is None or r is heap.none:
            heap.xdecref(r)
            raise GuestError("StopIteration", None)
        err = GuestError("StopIteration")
        err.key = r
        err.owned = True
        raise err
    try:
        x = sp.next(it)
    except GuestError as e:
        if e.kind == "TypeError" and "is not an iterator" in str(e.args[-1] if e.args else ""):
            raise
        if e.kind == "StopIteration" and default is not None:
            return incref(default)
        raise
    if x is None:
        if default is not None:
            return incref(default)
        raise GuestError("StopIteration", None)
    return x


@builtin("any(iterable, /)", METH_O)
def builtin_any(sp, self, iterable):
    heap = sp.heap
    truth = sp.truth
    for x in sp.iterate(iterable):
        t = truth(x)
        heap.decref(x)
        if t:
            return sp.newbool(True)
    return sp.newbool(False)


@builtin("all(iterable, /)", METH_O)
def builtin_all(sp, self, iterable):
    heap = sp.heap
    truth = sp.truth
    for x in sp.iterate(iterable):
        t = truth(x)
        heap.decref(x)
        if not t:
            return sp.newbool(False)
    return sp.newbool(True)


def _minmax(sp, args, key, default, op, name):
    """``min_max``: one iterable or several arguments (the packed argument tuple)."""
    heap = sp.heap
    key = opt_none(sp, key)
    if len(args.items) == 1:
        it = sp.iter(args.items[0])
    else:
        if default is not None:
            raise GuestError("TypeError", f"Cannot specify a default for {name}() with "
                             "multiple positional arguments")
        it = sp.iter(args)
    best = bestkey = None
    cmp = sp.compare_host
    try:
        while True:
            x = sp.next(it)
            if x is None:
                break
            if key is not None:
                try:
                    k = sp.call(key, [x], None)
                except BaseException:
                    heap.decref(x)
                    raise
            else:
                k = incref(x)
            if best is None:
                best, bestkey = x, k
                continue
            try:
                better = cmp(op, k, bestkey)
            except BaseException:
                heap.decref(x)
                heap.decref(k)
                raise
            if better:
                heap.decref(best)
                heap.decref(bestkey)
                best, bestkey = x, k
            else:
                heap.decref(x)
                heap.decref(k)
    except BaseException:
        heap.xdecref(best)
        heap.xdecref(bestkey)
        raise
    finally:
        heap.decref(it)
    if best is None:
        if default is not None:
            return incref(default)
        raise GuestError("ValueError", f"{name}() arg is an empty sequence")
    heap.decref(bestkey)
    return best


@builtin("min(iterable, /, *args, key=None, default=<unrepresentable>)",
         METH_VARARGS | METH_KEYWORDS, unpack=True, pack=True)
def builtin_min(sp, self, args, key=None, default=None):
    return _minmax(sp, args, key, default, "<", "min")


@builtin("max(iterable, /, *args, key=None, default=<unrepresentable>)",
         METH_VARARGS | METH_KEYWORDS, unpack=True, pack=True)
def builtin_max(sp, self, args, key=None, default=None):
    return _minmax(sp, args, key, default, ">", "max")


@builtin("sum(iterable, /, start=0)", METH_FASTCALL | METH_KEYWORDS)
def builtin_sum(sp, self, iterable, start=None):
    heap = sp.heap
    if start is not None:
        st = start.ob_type
        if st is heap.str_type:
            raise GuestError("TypeError", "sum() can't sum strings [use ''.join(seq) instead]")
        if st is heap.bytes_type:
            raise GuestError("TypeError", "sum() can't sum bytes [use b''.join(seq) instead]")
        if st is getattr(heap, "bytearray_type", None):
            raise GuestError("TypeError", "sum() can't sum bytearray [use b''.join(seq) "
                             "instead]")
    int_type, bool_type, float_type = heap.int_type, heap.bool_type, heap.float_type
    it = sp.iter(iterable)
    try:
        result = incref(start) if start is not None else new_int(heap, 0)
        lo, hi = -(1 << 63), (1 << 63) - 1
        if result.ob_type is int_type and lo <= result.value <= hi:
            # i_result: exact ints (and bools) summed in a C long, no intermediate objects
            acc = result.value
            heap.decref(result)
            result = None
            while result is None:
                x = sp.next(it)
                if x is None:
                    return new_int(heap, acc)
                tp = x.ob_type
                if tp is int_type or tp is bool_type:
                    b = int(x.value)
                    if lo <= b <= hi and lo <= acc + b <= hi:
                        acc += b
                        heap.decref(x)
                        continue
                result = new_int(heap, acc)
                try:
                    new = sp.binary_op("+", result, x)
                finally:
                    heap.decref(result)
                    heap.decref(x)
                result = new
        if result.ob_type is float_type:
            # f_result: exact floats and C-long ints summed as a double
            facc = result.value
            heap.decref(result)
            result = None
            while result is None:
                x = sp.next(it)
                if x is None:
                    return new_float(heap, facc)
                tp = x.ob_type
                if tp is float_type:
                    facc += x.value
                    heap.decref(x)
                    continue
                if (tp is int_type or tp is bool_type or isinstance(getattr(x, "value", None),
                                                                    int)) \
                        and lo <= int(x.value) <= hi and sp.isinstance_tp(x, int_type):
                    facc += float(int(x.value))
                    heap.decref(x)
                    continue
                result = new_float(heap, facc)
                try:
                    new = sp.binary_op("+", result, x)
                finally:
                    heap.decref(result)
                    heap.decref(x)
                result = new
        while True:
            x = sp.next(it)
            if x is None:
                return result
            try:
                new = sp.binary_op("+", result, x)
            except BaseException:
                heap.decref(result)
                raise
            finally:
                heap.decref(x)
            heap.decref(result)
            result = new
    finally:
        heap.decref(it)


@builtin("reversed(sequence, /)", METH_FASTCALL)
def reversed_vectorcall(sp, self, seq):
    """``reversed(seq)``: a list gets a list_reverseiterator; a sequence with __len__ and
    __getitem__ gets a ``reversed`` object (here: a reverse iterator over a snapshot)."""
    heap = sp.heap
    tp = seq.ob_type
    if tp is heap.list_type:
        seq.ob_refcnt += 1
        return itmod.new_iter(heap, sp.iter_types["list_reverseiterator"], seq,
                              len(seq.items) - 1)
    fn = getattr(sp, "call_special", None)
    if tp is heap.dict_type or tp.name in ("dict_keys", "dict_values", "dict_items"):
        raise Unsupported("reversed() of a dict")
    if tp is heap.range_type:
        return _range_reversed(sp, seq)
    if tp is heap.bytes_type or tp is heap.bytearray_type:
        # the object space does not index bytes yet: a reverse iterator over the ints
        items = sp.collect(seq)
        t = sp.newlist(items)
        return itmod.new_iter(heap, sp.iter_types["list_reverseiterator"], t, len(items) - 1)
    if tp is heap.tuple_type or tp is heap.str_type:
        n = sp.len(seq)
        return itmod.new_iter(heap, sp.iter_types["reversed"], incref(seq), n - 1)
    if fn is not None:
        r = fn(seq, "__reversed__", [])
        if r is not None:
            return r
    if sp.len_or_none(seq) is None:
        raise GuestError("TypeError", f"'{tp.name}' object is not reversible")
    n = sp.len(seq)
    return itmod.new_iter(heap, sp.iter_types["reversed"], incref(seq), n - 1)


def _range_reversed(sp, r):
    """``range.__reversed__`` (``range_reverse``): a range iterator from the last item
    backwards (a C-long ``range_iterator`` when it fits)."""
    heap = sp.heap
    rr = range(r.start.value, r.stop.value, r.step.value)
    n = len(rr)
    lim = 1 << 63
    if n and -lim <= rr[-1] < lim and -lim <= -rr.step < lim and \
            -lim <= rr[-1] - rr.step * n < lim:
        start, step = rr[-1], -rr.step
    elif not n:
        start, step = r.start.value, 1
    else:
        raise Unsupported("reversed() of a range beyond C long")
    it = RangeIterObject.__new__(RangeIterObject)
    it.ob_refcnt = 1
    it.ob_type = heap.range_iterator_type
    it.addr = heap.malloc(RANGEITER_SIZE)
    it.index = 0
    it.start = start
    it.step = step
    it.len = n
    return it


BUILTIN_FUNCTIONS = {
    "print": builtin_print, "len": builtin_len, "id": builtin_id, "hash": builtin_hash,
    "repr": builtin_repr, "ascii": builtin_ascii, "abs": builtin_abs,
    "callable": builtin_callable, "iter": builtin_iter, "next": builtin_next,
    "any": builtin_any, "all": builtin_all, "min": builtin_min, "max": builtin_max,
    "sum": builtin_sum, "sorted": builtin_sorted, "chr": builtin_chr, "ord": builtin_ord,
    "round": builtin_round, "divmod": builtin_divmod, "pow": builtin_pow, "bin": builtin_bin,
    "hex": builtin_hex, "oct": builtin_oct, "format": builtin_format,
    "globals": builtin_globals, "locals": builtin_locals, "reversed": reversed_vectorcall,
}


# --- constructors of the builtin iterator types, range and slice -------------------------------

@builtin("range(start, stop=<unrepresentable>, step=<unrepresentable>, /)", METH_FASTCALL)
def range_vectorcall(sp, tp, *args):
    return range_new(sp.heap, *args)


@builtin("slice(start, stop=<unrepresentable>, step=<unrepresentable>, /)", METH_VARARGS,
         unpack=True)
def slice_new(sp, tp, start, stop=None, step=None):
    if stop is None:
        return sp.build_slice(sp.heap.none, start, None)
    return sp.build_slice(start, stop, step)


@builtin("enumerate(*args, **kwargs)", METH_FASTCALL | METH_KEYWORDS)
def enumerate_vectorcall(sp, tp, args, kw):
    """``enumerate(iterable, start=0)``: CPython's vectorcall parses its arguments by hand
    (no Argument Clinic parser, so no keyword tuple) and so does this."""
    names = list(kw) if kw else []
    n = len(args) + len(names)
    if n > 2:
        raise GuestError("TypeError", f"enumerate() takes at most 2 arguments ({n} given)")
    if not args and not names:
        raise GuestError("TypeError", "enumerate() missing required argument 'iterable'")
    if not args and names == ["start", "iterable"]:
        names.reverse()
    expected = ("iterable", "start")[len(args):]
    for k, want in zip(names, expected):
        if k != want:
            raise GuestError("TypeError", f"'{k}' is an invalid keyword argument for "
                             "enumerate()")
    vals = list(args) + [kw[k] for k in names]
    return enum_new(sp, tp, *vals)


def enum_new(sp, tp, iterable, start=None):
    heap = sp.heap
    n = 0
    if start is not None:
        if start.ob_type is heap.float_type or start.ob_type is heap.str_type:
            raise GuestError("TypeError", f"'{start.ob_type.name}' object cannot be "
                             "interpreted as an integer")
        n = as_index(sp, start)
    it = sp.iter(iterable)
    return itmod.new_iter(heap, tp, it, n)


@builtin("zip(*iterables, strict=False)", METH_VARARGS | METH_KEYWORDS, pack=True)
def zip_new(sp, tp, args, strict=None):
    heap = sp.heap
    strict = strict is not None and sp.truth(strict)
    its = []
    try:
        for a in args.items:
            its.append(sp.iter(a))
    except BaseException:
        for i in its:
            heap.decref(i)
        raise
    z = itmod.new_iter(heap, tp, tuple(its) if its else None)
    # zip_new makes its result tuple up front (all slots None), reused while nobody holds it
    res = sp.newtuple_borrowed([heap.none] * len(its))
    z.result = res
    if strict:
        z.used = 1
    return z


@builtin("map(func, *iterables)", METH_FASTCALL, exact_kw=lambda sp: sp.iter_types["map"])
def map_vectorcall(sp, tp, args):
    heap = sp.heap
    if len(args) < 2:
        raise GuestError("TypeError", "map() must have at least two arguments.")
    its = []
    try:
        for a in args[1:]:
            its.append(sp.iter(a))
    except BaseException:
        for i in its:
            heap.decref(i)
        raise
    return itmod.new_iter(heap, tp, tuple(its), 0, incref(args[0]))


@builtin("filter(function, iterable, /)", METH_FASTCALL,
         exact_kw=lambda sp: sp.iter_types["filter"])
def filter_vectorcall(sp, tp, function, iterable):
    heap = sp.heap
    it = sp.iter(iterable)
    return itmod.new_iter(heap, tp, it, 0, incref(function))


@builtin("slice.indices($self, length, /)", METH_O)
def slice_indices_method(sp, s, length):
    """``slice.indices(length)``."""
    n = as_index(sp, length)
    if n < 0:
        raise GuestError("ValueError", "length should not be negative")
    start, stop, step, _ = slice_indices(sp.heap, s, n)
    if step < 0 and stop < -1:
        stop = -1
    return sp.newtuple([new_int(sp.heap, start), new_int(sp.heap, stop),
                        new_int(sp.heap, step)])


def install(sp):
    add_methods(sp.heap.slice_type, {"indices": slice_indices_method})
    bltin_exec.install(sp)
    init_generic_alias_type(sp.heap)
    init_union_type(sp.heap)
    install_generic_alias(sp)
    install_union(sp)
    install_exception_groups(sp)
    h = sp.heap
    sp.builtin_binary["divmod"] = builtin_divmod
    h.range_type.tp_vectorcall = range_vectorcall
    h.slice_type.tp_vectorcall = slice_new
    for name, ctor in (("enumerate", enumerate_vectorcall), ("zip", zip_new),
                       ("map", map_vectorcall), ("filter", filter_vectorcall)):
        sp.iter_types[name].tp_vectorcall = ctor
    for name, ctor in CONSTRUCTORS.items():
        tp = h.types[name]
        if tp.tp_vectorcall is None:
            tp.tp_vectorcall = ctor


# --- __import__ and the constructors of type, object and BaseException ------------------------

@builtin("__import__(name, globals=None, locals=None, fromlist=(), level=0)",
         METH_FASTCALL | METH_KEYWORDS)
def builtin___import__(sp, self, name, globals=None, locals=None, fromlist=None, level=None):
    if name.ob_type is not sp.heap.str_type:
        raise GuestError("TypeError", f"__import__() argument 1 must be str, not "
                         f"{name.ob_type.name}")
    return sp.interp.import_hook(name.value, fromlist, level, globals)


BUILTIN_FUNCTIONS["__import__"] = builtin___import__
BUILTIN_FUNCTIONS.update(bltin_exec.EXEC_FUNCTIONS)
BUILTIN_FUNCTIONS.update(bltin_site.SITE_FUNCTIONS)


def c_type(sp, tp, args, kw):
    if len(args) == 1:
        return incref(args[0].ob_type)
    raise Unsupported("type() with three arguments (class creation)")


def c_object(sp, tp, args, kw):
    heap = sp.heap
    o = PyObject.__new__(PyObject)
    o.ob_refcnt = 1
    o.ob_type = heap.object_type
    o.addr = heap.alloc(heap.object_type, 16)
    return o


def c_exception(sp, tp, args, kw):
    heap = sp.heap
    imp = is_subtype(tp, sp.exc_types["ImportError"])
    if kw and not imp:
        raise GuestError("TypeError", f"{tp.name}() takes no keyword arguments")
    if kw:
        for k in kw:
            if k not in ("name", "path"):
                raise GuestError("TypeError", f"'{k}' is an invalid keyword argument for "
                                 f"ImportError()")
    t = sp.newtuple_borrowed(args)
    e = new_exception(heap, tp, t)
    heap.decref(t)
    if kw:
        e.imp_name = incref(kw["name"]) if "name" in kw else None
        e.imp_path = incref(kw["path"]) if "path" in kw else None
    return e


CONSTRUCTORS = {"type": c_type, "object": c_object, "BaseException": c_exception}


# --- the module ------------------------------------------------------------------------------

# The builtin types bound in ``builtins``, in the order bltinmodule.c's SETBUILTIN adds them.
BUILTIN_TYPES = ("int", "float", "complex", "str", "bytes", "bytearray", "bool", "list",
                 "tuple", "dict", "set", "frozenset", "range", "type", "slice", "enumerate",
                 "zip", "map", "filter", "object")


def init(sp):
    """The ``builtins`` module (``_PyBuiltin_Init``): a new reference."""
    heap = sp.heap
    mod = new_module(sp, "builtins")
    add_functions(sp, mod, BUILTIN_FUNCTIONS.items())
    for name in BUILTIN_TYPES:
        tp = heap.types.get(name) or sp.iter_types.get(name)
        if tp is not None:
            set_attr(sp, mod, name, incref(tp))
    for name, tp in sp.exc_types.items():
        set_attr(sp, mod, name, incref(tp))
    for name, target in ALIASES:
        set_attr(sp, mod, name, incref(sp.exc_types[target]))
    set_attr(sp, mod, "None", sp.none())
    set_attr(sp, mod, "True", sp.newbool(True))
    set_attr(sp, mod, "False", sp.newbool(False))
    set_attr(sp, mod, "Ellipsis", incref(heap.ellipsis))
    set_attr(sp, mod, "NotImplemented", incref(heap.not_implemented))
    set_attr(sp, mod, "__debug__", sp.newbool(True))
    for name, obj in bltin_site.site_names(sp):
        set_attr(sp, mod, name, obj)
    sp.register_builtins(mod)      # the object protocol's builtins (isinstance, getattr, ...)
    return mod

"""Generators (Objects/genobject.c, 3.11): the object, resumption, ``send``/``throw``/``close``,
``yield from`` delegation and finalization.

A 3.11 generator embeds its ``_PyInterpreterFrame``: ``sys.getsizeof`` is 16 (GC header) +
152 + 8 per slot of the frame's locals and value stack (``co_nlocalsplus + co_stacksize``).
Here the generator holds the interpreter's host ``Frame``, which keeps its counted references
while the generator is suspended.  ``RETURN_GENERATOR`` creates the generator and leaves the
frame to it; ``YIELD_VALUE`` suspends the frame; each resumption pushes the sent value, as
``gen_send_ex2`` does, and runs the frame again from where it stopped, or raises a thrown
exception at the suspended instruction (``throwflag``).

Each generator keeps its own handled-exception state (``gi_exc_state``): the interpreter
switches to it while the generator runs.  ``tp_finalize`` is ``_PyGen_Finalize``: an unfinished
generator is closed (GeneratorExit thrown in, ``finally`` blocks run) when it dies, by
refcount or in the collector.
"""

from heapsim.base.errors import GuestError, GuestException
from heapsim.interp.types.exceptions import ExcObject
from heapsim.interp.types.frameobject import owned_locals
from heapsim.objects.core import (
    GCObject, TPFLAGS_HAVE_GC, UNTRACKED, TypeObject, add_methods, make_static_type,
)
from heapsim.reclaim.subtype import call_finalizer_from_dealloc

GEN_BASICSIZE = 152
POINTER = 8

CREATED, SUSPENDED, EXECUTING, COMPLETED, CLEARED = range(5)


class GenObject(GCObject):
    """``PyGenObject``: ``frame`` is the host Frame (None once cleared), ``name``/``qualname``
    the simulated strs, ``state`` the frame state, ``exc_state`` gi_exc_state's value."""

    __slots__ = ("frame", "name", "qualname", "state", "weaklist", "framesize", "exc_state",
                 "code")

    @property
    def running(self):
        return self.state == EXECUTING


def _gen_traverse(gen):
    out = [gen.code, gen.name, gen.qualname]
    if gen.exc_state is not None:
        out.append(gen.exc_state)
    f = gen.frame
    if f is not None:
        if owned_locals(f) is not None:
            out.append(f.locals)
        if f.func is not None:
            out.append(f.func)
        out.append(f.code)
        out.extend(o for o in f.localsplus if o is not None)
        out.extend(o for o in f.stack if o is not None)
        if f.fobj is not None:
            out.append(f.fobj)
    return out


def init_gen_type(heap, interp):
    def gen_dealloc(heap, gen):
        heap.gc.untrack(gen)
        if gen.weaklist is not None and heap.clear_weakrefs is not None:
            heap.clear_weakrefs(gen)
        if gen.state < COMPLETED:
            heap.gc.track(gen)
            if call_finalizer_from_dealloc(heap, gen):
                return
            heap.gc.untrack(gen)
        f = gen.frame
        if f is not None:
            gen.frame = None
            interp.clear_frame(f)
        gen.state = CLEARED
        heap.decref(gen.code)
        heap.decref(gen.name)
        heap.decref(gen.qualname)
        if gen.exc_state is not None:
            e = gen.exc_state
            gen.exc_state = None
            heap.decref(e)
        heap.gc_del(gen)

    def gen_finalize(heap, gen):
        if gen.state >= COMPLETED:
            return
        try:
            r = gen_close(interp, gen)
            heap.xdecref(r)
        except GuestError as err:
            ge = interp.materialize(err)
            heap.write_unraisable(ge.exc, gen)
        except GuestException as ge:
            heap.write_unraisable(ge.exc, gen)

    tp = make_static_type("generator", GEN_BASICSIZE, POINTER, TPFLAGS_HAVE_GC,
                          base=heap.object_type, dealloc=gen_dealloc, traverse=_gen_traverse,
                          weakrefable=True,
                          sizeof=lambda gen: GEN_BASICSIZE + POINTER * gen.framesize)
    tp.tp_finalize = gen_finalize
    heap.register_static_type(tp)
    heap.generator_type = tp
    return tp


def gen_new(heap, f):
    """``_Py_MakeCoro``: a new generator that takes over frame f."""
    tp = heap.generator_type
    dc = f.dc
    addr = heap.gc_alloc(tp, GEN_BASICSIZE + POINTER * (dc.nlocalsplus + dc.stacksize))
    gen = GenObject.__new__(GenObject)
    gen.ob_refcnt = 1
    gen.ob_type = tp
    gen.addr = addr
    gen.gc_gen = UNTRACKED
    gen.gc_refs = 0
    gen.gc_flags = 0
    gen.frame = f
    f.gen = gen
    gen.framesize = dc.nlocalsplus + dc.stacksize
    func = f.func
    func.func_name.ob_refcnt += 1
    gen.name = func.func_name
    func.func_qualname.ob_refcnt += 1
    gen.qualname = func.func_qualname
    f.code.ob_refcnt += 1
    gen.code = f.code
    gen.state = CREATED
    gen.weaklist = None
    gen.exc_state = None
    heap.gc.track(gen)
    return gen


# --- resumption ------------------------------------------------------------------------------

def send_ex(interp, gen, arg, exc=None, closing=False):
    """``gen_send_ex2``: resume gen with arg (borrowed) or with the exception ``exc`` (a
    GuestException, whose reference is consumed).  Returns (True, yielded) or (False, return
    value), new references; a guest exception propagates."""
    heap = interp.heap
    state = gen.state
    if state == EXECUTING:
        if exc is not None:
            heap.decref(exc.exc)
        raise GuestError("ValueError", "generator already executing")
    if state >= COMPLETED:
        if exc is not None:
            raise exc
        if arg is not None:
            return False, _incref(heap.none)
        raise GuestError("StopIteration", None)
    if state == CREATED and exc is None and arg is not heap.none:
        raise GuestError("TypeError", "can't send non-None value to a just-started generator")
    f = gen.frame
    if interp.depth >= interp.recursion_limit:
        if exc is not None:
            heap.decref(exc.exc)
        raise GuestError("RecursionError", "maximum recursion depth exceeded")
    arg.ob_refcnt += 1
    f.stack.append(arg)
    gen.state = EXECUTING
    # gi_exc_state becomes the innermost handled-exception state while the generator runs
    interp.exc_prev.append(interp.exc_info)
    interp.exc_info = gen.exc_state
    gen.exc_state = None
    f.suspend = False
    try:
        r = interp.run_frame(f, exc)
    except GuestException as ge:
        gen.state = CLEARED
        gen.frame = None
        _drop_exc_state(interp, gen)
        e = ge.exc
        if interp.is_instance_of(e, "StopIteration"):
            new = interp.make_exception("RuntimeError", "generator raised StopIteration")
            e.ob_refcnt += 1
            new.cause = e
            new.suppress_context = True
            new.context = e
            raise GuestException(new) from None
        raise
    except BaseException:
        gen.state = CLEARED
        gen.frame = None
        _drop_exc_state(interp, gen)
        raise
    if f.suspend:
        gen.state = SUSPENDED
        gen.exc_state = interp.exc_info
        interp.exc_info = interp.exc_prev.pop()
        return True, r
    gen.state = CLEARED
    gen.frame = None
    _drop_exc_state(interp, gen)
    return False, r


def _drop_exc_state(interp, gen):
    cur = interp.exc_info
    interp.exc_info = interp.exc_prev.pop()
    if cur is not None:
        interp.heap.decref(cur)


def _incref(o):
    o.ob_refcnt += 1
    return o


def gen_send(interp, gen, arg):
    """``gen.send(arg)``: the yielded value; StopIteration(value) when it returns."""
    more, r = send_ex(interp, gen, arg)
    if more:
        return r
    raise_stop_iteration(interp, r)


def raise_stop_iteration(interp, r):
    heap = interp.heap
    if r is heap.none:
        heap.decref(r)
        raise GuestError("StopIteration", None)
    e = interp.make_exception("StopIteration", r)
    heap.decref(r)
    interp.set_context(e)
    raise GuestException(e)


def yield_from_target(gen):
    """``_PyGen_yf``: the iterator a suspended ``yield from`` delegates to (borrowed)."""
    if gen.state != SUSPENDED:
        return None
    f = gen.frame
    nxt = f.dc.instructions[f.i]
    if nxt.opname == "RESUME" and nxt.arg >= 2:
        return f.stack[-1]
    return None


def _exc_matches_name(interp, e, name):
    return interp.is_instance_of(e, name)


def gen_close_iter(interp, yf):
    """``gen_close_iter``: close a delegated-to iterator; None, or a GuestException."""
    heap = interp.heap
    if yf.ob_type is heap.generator_type:
        try:
            r = gen_close(interp, yf)
            heap.xdecref(r)
        except GuestError as err:
            return interp.materialize(err)
        except GuestException as ge:
            return ge
        return None
    sp = interp.sp
    try:
        meth = sp.getattr(yf, "close")
    except GuestError as err:
        if err.kind == "AttributeError":
            return None
        ge = interp.materialize(err)
        heap.write_unraisable(ge.exc, yf)
        return None
    except GuestException as ge:
        heap.write_unraisable(ge.exc, yf)
        return None
    try:
        r = sp.call(meth, [], None)
        heap.decref(r)
    except GuestError as err:
        return interp.materialize(err)
    except GuestException as ge:
        return ge
    finally:
        heap.decref(meth)
    return None


def gen_close(interp, gen):
    """``gen.close()``: a new reference to None (or raises)."""
    heap = interp.heap
    if gen.state == CREATED:
        gen.state = COMPLETED
        return _incref(heap.none)
    if gen.state >= COMPLETED:
        return _incref(heap.none)
    yf = yield_from_target(gen)
    err = None
    if yf is not None:
        yf.ob_refcnt += 1
        state = gen.state
        gen.state = EXECUTING
        err = gen_close_iter(interp, yf)
        gen.state = state
        heap.decref(yf)
    if err is None:
        err = GuestException(interp.make_exception("GeneratorExit"))
    try:
        more, r = send_ex(interp, gen, heap.none, err, closing=True)
    except GuestError as e:
        if e.kind in ("StopIteration", "GeneratorExit"):
            return _incref(heap.none)
        raise
    except GuestException as ge:
        if interp.is_instance_of(ge.exc, "StopIteration") or \
                interp.is_instance_of(ge.exc, "GeneratorExit"):
            heap.decref(ge.exc)
            return _incref(heap.none)
        raise
    heap.decref(r)
    if more:
        raise GuestError("RuntimeError", "generator ignored GeneratorExit")
    return _incref(heap.none)


def make_thrown(interp, typ, val, tb):
    """The exception instance ``throw(typ, val, tb)`` raises (new reference)."""
    heap = interp.heap
    sp = interp.sp
    if isinstance(typ, TypeObject) and interp.is_exc_type(typ):
        if val is None or val is heap.none:
            args = []
        elif val.ob_type is heap.tuple_type:
            args = list(val.items)
        elif interp.sp.isinstance_tp(val, typ):
            return _incref(val)
        else:
            args = [val]
        return sp.call(typ, args, None)
    if isinstance(typ, ExcObject) or interp.is_exc_instance(typ):
        if val is not None and val is not heap.none:
            raise GuestError("TypeError", "instance exception may not have a separate value")
        return _incref(typ)
    raise GuestError("TypeError", "exceptions must be classes or instances deriving from "
                     f"BaseException, not {typ.ob_type.name}")


def gen_throw(interp, gen, exc, close_on_genexit=True):
    """``_gen_throw``: exc is a new reference to the exception instance.  Returns the next
    yielded value (new reference) or raises."""
    heap = interp.heap
    yf = yield_from_target(gen)
    if yf is not None:
        yf.ob_refcnt += 1
        if close_on_genexit and interp.is_instance_of(exc, "GeneratorExit"):
            state = gen.state
            gen.state = EXECUTING
            err = gen_close_iter(interp, yf)
            gen.state = state
            heap.decref(yf)
            if err is not None:
                heap.decref(exc)
                return _resume_with(interp, gen, err)
            return _resume_with(interp, gen, GuestException(exc))
        ret = None
        failure = None
        if yf.ob_type is heap.generator_type:
            state = gen.state
            gen.state = EXECUTING
            try:
                ret = gen_throw(interp, yf, exc, close_on_genexit)
            except GuestError as err:
                failure = interp.materialize(err)
            except GuestException as ge:
                failure = ge
            finally:
                gen.state = state
        else:
            sp = interp.sp
            try:
                meth = sp.getattr(yf, "throw")
            except GuestError as err:
                if err.kind != "AttributeError":
                    heap.decref(yf)
                    heap.decref(exc)
                    raise
                heap.decref(yf)
                return _resume_with(interp, gen, GuestException(exc))
            try:
                ret = sp.call(meth, [exc.ob_type, exc], None)
            except GuestError as err:
                failure = interp.materialize(err)
            except GuestException as ge:
                failure = ge
            finally:
                heap.decref(meth)
                heap.decref(exc)
        heap.decref(yf)
        if failure is None:
            return ret
        # the delegated iterator finished: pop it, leave the SEND loop, resume there
        f = gen.frame
        heap.decref(f.stack.pop())
        send = f.dc.instructions[f.i - 2]
        f.i = send.target
        e = failure.exc
        if interp.is_instance_of(e, "StopIteration"):
            val = e.extra if e.extra is not None else heap.none
            val.ob_refcnt += 1
            heap.decref(e)
            try:
                more, r = send_ex(interp, gen, val)
            finally:
                heap.decref(val)
            if more:
                return r
            raise_stop_iteration(interp, r)
        return _resume_with(interp, gen, failure)
    return _resume_with(interp, gen, GuestException(exc))


def _resume_with(interp, gen, ge):
    more, r = send_ex(interp, gen, interp.heap.none, ge)
    if more:
        return r
    raise_stop_iteration(interp, r)


# --- guest methods (generator.send / throw / close) -----------------------------------------

def m_send(sp, gen, args, kw):
    if len(args) != 1:
        raise GuestError("TypeError", f"generator.send() takes exactly one argument "
                         f"({len(args)} given)")
    return gen_send(sp.interp, gen, args[0])


def m_throw(sp, gen, args, kw):
    if not 1 <= len(args) <= 3:
        raise GuestError("TypeError", f"throw expected at least 1 argument, got {len(args)}"
                         if not args else f"throw expected at most 3 arguments, got "
                         f"{len(args)}")
    interp = sp.interp
    typ = args[0]
    val = args[1] if len(args) > 1 else None
    tb = args[2] if len(args) > 2 else None
    exc = make_thrown(interp, typ, val, tb)
    return gen_throw(interp, gen, exc)


def m_close(sp, gen, args, kw):
    if args:
        raise GuestError("TypeError", f"generator.close() takes no arguments ({len(args)} "
                         "given)")
    return gen_close(sp.interp, gen)


def install_methods(sp):
    add_methods(sp.heap.generator_type, {"send": m_send, "throw": m_throw, "close": m_close})
    sp.heap.generator_type.tp_iternext = lambda sp_, gen: sp_.interp.gen_next(gen)

"""Frame objects and traceback objects (Objects/frameobject.c, Python/traceback.c, 3.11).

3.11 runs Python frames as ``_PyInterpreterFrame``s outside the heap (here: host ``Frame``s)
and creates a ``PyFrameObject`` only on demand (``_PyFrame_GetFrameObject``: a traceback
entry, ``sys._getframe``, ``gi_frame``, ``f_back``).  A new frame object is *not* tracked by
the collector.  The frame holds one reference to its frame object; when the frame finishes
while someone else still holds the frame object, ``take_ownership`` moves the frame's data into
the frame object (which then keeps the locals alive), materialises the caller's frame object
for ``f_back``, and tracks the frame object.

getsizeof: frame objects ``120 + 8*(nlocalsplus + stacksize) + 16``; tracebacks 56.
"""

from heapsim.objects.cellobject import CellObject
from heapsim.objects.core import GCObject, TPFLAGS_HAVE_GC, UNTRACKED, make_static_type
from heapsim.objects.dictobject import dict_delitem, dict_getitem, dict_new, dict_setitem

FRAME_BASICSIZE = 120
TB_BASICSIZE = 40
POINTER = 8
CO_OPTIMIZED = 0x1


class Frame:
    """``_PyInterpreterFrame``: the running state of one Python frame (not a heap object).

    ``localsplus`` and ``stack`` hold counted references (host None is NULL); ``i`` is the
    next instruction's index; ``back`` the calling Frame while it runs (set by
    ``run_frame`` on entry); ``ins`` the instruction an error was raised at (set only
    then); ``suspend`` is set when it stops at a yield; ``gen`` its generator, ``fobj`` its
    frame object if any.  Built only by ``new_frame``."""

    __slots__ = ("code", "dc", "func", "localsplus", "stack", "globals", "builtins",
                 "locals", "i", "kwnames", "ins", "back", "suspend", "gen", "fobj")


# NULL paddings for localsplus, by length (a tuple to extend from: no list to build per call)
_NULLS = tuple((None,) * n for n in range(64))


def new_frame(func, args, locals=None):
    """The one frame factory (``_PyFrame_InitializeSpecials``), for every call path, class
    bodies and module code: a Frame running func's code with func's globals and builtins.

    The frame takes the reference to func and the references in ``args`` (a host list that
    becomes ``localsplus``: the arguments already placed, padded here with NULLs to the
    code's ``nlocalsplus``), and takes a new reference to the code.  ``locals`` (borrowed)
    is the namespace of ``*_NAME`` opcodes for class bodies and module code, else None.
    ``back`` and ``ins`` are left unset (``run_frame`` sets ``back`` before anything reads
    it; ``ins`` is read as ``getattr(f, "ins", None)``)."""
    co = func.func_code
    co.ob_refcnt += 1
    dc = co.decoded
    extra = dc.nlocalsplus - len(args)
    if extra:
        args.extend(_NULLS[extra] if extra < 64 else (None,) * extra)
    f = Frame()
    f.code = co
    f.dc = dc
    f.func = func
    f.globals = func.func_globals
    f.builtins = func.func_builtins
    f.locals = locals
    f.localsplus = args
    f.stack = []
    f.i = 0
    f.kwnames = None
    f.suspend = False
    f.gen = None
    f.fobj = None
    return f


class FrameObject(GCObject):
    """``PyFrameObject``: ``frame`` is the host Frame; ``owned`` once the frame object holds
    the frame's data (``FRAME_OWNED_BY_FRAME_OBJECT``)."""

    __slots__ = ("frame", "f_back", "owned", "weaklist", "nslots")


class TracebackObject(GCObject):
    """``PyTracebackObject``: tb_next, tb_frame (a FrameObject), the instruction and line."""

    __slots__ = ("tb_next", "tb_frame", "dc", "index", "lineno")


def owned_locals(f):
    """The locals dict a function's frame holds (``f_locals`` of optimized code), or None."""
    loc = f.locals
    if loc is not None and f.dc.flags & CO_OPTIMIZED:
        return loc
    return None


def fast_to_locals(heap, f):
    """``_PyFrame_FastToLocalsWithError`` for a function's frame: its locals dict (made on
    first use and held by the frame; borrowed) refreshed from the fast locals: each bound
    local, cell and free variable stored under its name, each unbound one removed."""
    d = f.locals
    if d is None:
        d = f.locals = dict_new(heap)
    dc = f.dc
    names = f.code.localsplus_names
    lp = f.localsplus
    first_free = dc.nlocalsplus - dc.nfrees
    cells = dc.cell_indices
    for j, name in enumerate(names):
        v = lp[j]
        if v is not None and isinstance(v, CellObject) and (j >= first_free or j in cells):
            v = v.ob_ref
        if v is None:
            if dict_getitem(heap, d, name) is not None:
                dict_delitem(heap, d, name)
        else:
            dict_setitem(heap, d, name, v)
    return d


def frame_locals(heap, f):
    """``PyEval_GetLocals`` for frame f (borrowed): the namespace of module and class code,
    a function's locals dict (``fast_to_locals``)."""
    if f.locals is not None and not f.dc.flags & CO_OPTIMIZED:
        return f.locals
    return fast_to_locals(heap, f)


def _frame_traverse(fo):
    out = []
    if fo.f_back is not None:
        out.append(fo.f_back)
    if fo.owned:
        f = fo.frame
        loc = owned_locals(f)
        if loc is not None:
            out.append(loc)
        if f.func is not None:
            out.append(f.func)
        out.append(f.code)
        out.extend(o for o in f.localsplus if o is not None)
        out.extend(o for o in f.stack if o is not None)
    return out


def _tb_traverse(tb):
    out = [tb.tb_frame]
    if tb.tb_next is not None:
        out.append(tb.tb_next)
    return out


def _tb_clear(heap, tb):
    n = tb.tb_next
    if n is not None:
        tb.tb_next = None
        heap.decref(n)
    fr = tb.tb_frame
    if fr is not None:
        tb.tb_frame = None
        heap.decref(fr)


def init_frame_types(heap):
    def frame_dealloc(heap, fo):
        if fo.gc_gen >= 0:
            heap.gc.untrack(fo)
        if fo.weaklist is not None and heap.clear_weakrefs is not None:
            heap.clear_weakrefs(fo)
        co = None
        if fo.owned:
            f = fo.frame
            co = f.code
            func = f.func
            f.func = None
            if func is not None:
                heap.decref(func)
            loc = owned_locals(f)
            if loc is not None:
                f.locals = None
                heap.decref(loc)
            lp = f.localsplus
            for j in range(len(lp)):
                o = lp[j]
                if o is not None:
                    lp[j] = None
                    heap.decref(o)
            st = f.stack
            for j in range(len(st)):
                o = st[j]
                st[j] = None
                if o is not None:
                    heap.decref(o)
            del st[:]
            fo.owned = False
        fo.frame = None
        back = fo.f_back
        if back is not None:
            fo.f_back = None
            heap.decref(back)
        heap.gc_del(fo)
        if co is not None:
            heap.decref(co)

    def frame_clear(heap, fo):
        if fo.owned:
            f = fo.frame
            lp = f.localsplus
            for j in range(len(lp)):
                o = lp[j]
                if o is not None:
                    lp[j] = None
                    heap.decref(o)
            st = f.stack
            while st:
                heap.xdecref(st.pop())

    ftp = make_static_type("frame", FRAME_BASICSIZE, POINTER, TPFLAGS_HAVE_GC,
                           base=heap.object_type, dealloc=frame_dealloc,
                           traverse=_frame_traverse, clear=frame_clear, trashcan=True,
                           weakrefable=True,
                           sizeof=lambda fo: FRAME_BASICSIZE + POINTER * fo.nslots)
    heap.register_static_type(ftp)
    heap.frame_type = ftp

    def tb_dealloc(heap, tb):
        heap.gc.untrack(tb)
        _tb_clear(heap, tb)
        heap.gc_del(tb)

    ttp = make_static_type("traceback", TB_BASICSIZE, 0, TPFLAGS_HAVE_GC,
                           base=heap.object_type, dealloc=tb_dealloc, traverse=_tb_traverse,
                           clear=_tb_clear, trashcan=True)
    heap.register_static_type(ttp)
    heap.traceback_type = ttp


def get_frame_object(heap, f):
    """``_PyFrame_GetFrameObject``: f's frame object, created (untracked) if needed;
    borrowed (the frame holds the reference)."""
    fo = f.fobj
    if fo is not None:
        return fo
    tp = heap.frame_type
    n = f.dc.nlocalsplus + f.dc.stacksize
    addr = heap.gc_alloc(tp, FRAME_BASICSIZE + POINTER * n)
    fo = FrameObject.__new__(FrameObject)
    fo.ob_refcnt = 1
    fo.ob_type = tp
    fo.addr = addr
    fo.gc_gen = UNTRACKED
    fo.gc_refs = 0
    fo.gc_flags = 0
    fo.frame = f
    fo.f_back = None
    fo.owned = False
    fo.weaklist = None
    fo.nslots = n
    f.fobj = fo
    return fo


def take_ownership(heap, fo, f, prev):
    """The frame f finishes while fo is still referenced: fo keeps f's data; ``f_back``
    becomes the caller's frame object (prev is the calling host Frame or None)."""
    fo.owned = True
    if prev is not None:
        back = get_frame_object(heap, prev)
        back.ob_refcnt += 1
        fo.f_back = back
    if fo.gc_gen < 0:
        heap.gc.track(fo)


def traceback_here(heap, f, exc, ins):
    """``PyTraceBack_Here``: prepend an entry for frame f (at instruction ins) to exc's
    traceback."""
    fo = get_frame_object(heap, f)
    tp = heap.traceback_type
    addr = heap.gc_alloc(tp, TB_BASICSIZE)
    tb = TracebackObject.__new__(TracebackObject)
    tb.ob_refcnt = 1
    tb.ob_type = tp
    tb.addr = addr
    tb.gc_gen = UNTRACKED
    tb.gc_refs = 0
    tb.gc_flags = 0
    tb.tb_next = exc.traceback          # the reference moves into the new entry
    fo.ob_refcnt += 1
    tb.tb_frame = fo
    tb.dc = f.dc
    tb.index = ins.index
    tb.lineno = f.dc.line_of(ins.index)
    exc.traceback = tb
    heap.gc.track(tb)


def traceback_entries(exc):
    """(DecodedCode, instruction index) of each entry, outermost first."""
    out = []
    tb = exc.traceback
    while tb is not None and isinstance(tb, TracebackObject):
        out.append((tb.dc, tb.index))
        tb = tb.tb_next
    return out

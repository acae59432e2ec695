"""Generators (Objects/genobject.c, 3.11).

A 3.11 generator embeds its ``_PyInterpreterFrame``: ``sys.getsizeof`` is 16 (GC header) +
152 + 8 per slot of the frame's locals and value stack (``co_nlocalsplus + co_stacksize``).
Here the generator holds the interpreter's host ``Frame``, which keeps its counted
references while the generator is suspended.  ``RETURN_GENERATOR`` creates the generator and
leaves the frame to it; ``YIELD_VALUE`` suspends the frame; each resumption pushes the sent
value, as ``gen_send_ex2`` does, and runs the frame again from where it stopped.

Not modelled yet: ``close()``/``throw()`` and the ``GeneratorExit`` thrown into an unfinished
generator when it dies (its frame is simply cleared: its ``finally`` blocks do not run).
"""

from heapsim.objects.core import GCObject, TPFLAGS_HAVE_GC, UNTRACKED, make_static_type

GEN_BASICSIZE = 152
POINTER = 8


class GenObject(GCObject):
    """``PyGenObject``: ``frame`` is the host Frame (None once the generator has finished),
    ``name``/``qualname`` the simulated strs, ``running`` while a resumption is under way."""

    __slots__ = ("frame", "name", "qualname", "running", "weaklist", "framesize")


def _gen_traverse(gen):
    out = [gen.name, gen.qualname]
    f = gen.frame
    if f is not None:
        if f.func is not None:
            out.append(f.func)
        out.extend(o for o in f.localsplus if o is not None)
        out.extend(o for o in f.stack if o is not None)
    return out


def init_gen_type(heap, clear_frame):
    def gen_dealloc(heap, gen):
        heap.gc.untrack(gen)
        if gen.weaklist is not None and heap.clear_weakrefs is not None:
            heap.clear_weakrefs(gen)
        f = gen.frame
        if f is not None:
            gen.frame = None
            clear_frame(f)
        heap.decref(gen.name)
        heap.decref(gen.qualname)
        heap.gc_del(gen)

    tp = make_static_type("generator", GEN_BASICSIZE, POINTER, TPFLAGS_HAVE_GC,
                          base=heap.object_type, dealloc=gen_dealloc, traverse=_gen_traverse,
                          weakrefable=True,
                          sizeof=lambda gen: GEN_BASICSIZE + POINTER * gen.framesize)
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
    gen.framesize = dc.nlocalsplus + dc.stacksize
    func = f.func
    func.func_name.ob_refcnt += 1
    gen.name = func.func_name
    func.func_qualname.ob_refcnt += 1
    gen.qualname = func.func_qualname
    gen.running = False
    gen.weaklist = None
    heap.gc.track(gen)
    return gen

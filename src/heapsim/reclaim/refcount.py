"""What happens when a refcount reaches zero: the dealloc cascade and the trashcan.

``heap.decref`` (``Py_DECREF``) calls ``heap.dealloc(obj)`` at zero; ``install`` points that at
``Reclaimer.dealloc``, which runs the type's ``tp_dealloc`` inside an emulation of CPython's
trashcan (Include/cpython/object.h ``Py_TRASHCAN_BEGIN``/``END``, Objects/object.c
``_PyTrash_begin``/``_end``/``_thread_destroy_chain``).

The trashcan is what keeps the C stack bounded when a long chain of containers dies, and it
decides the *order* of deaths in such a chain, which guest code sees through ``__del__`` and
``id()`` reuse.  Its rules, reproduced exactly:

* only the deallocs of participating types count (``tp.trashcan``: list, tuple, dict, set,
  frame, exceptions, instances of GC heap types through ``subtype_dealloc``, ...); each running
  one adds 1 to ``nesting`` (``tstate->trash_delete_nesting``) for the time of its body;
* a participating dealloc that starts while ``nesting >= 50`` (``_PyTrash_UNWIND_LEVEL``) does
  not run: the object, already untracked, is deposited on ``trash_later``
  (``tstate->trash_delete_later``, a stack);
* when a participating dealloc ends and ``nesting`` is back to 0 with deposits waiting, the
  deposited objects are popped last-in-first-out and deallocated with ``nesting`` held at 1.

Host recursion therefore goes exactly as deep as CPython's C recursion for participating
types: at most 50 deallocs deep, a few host frames each, which is what makes the order right.

Types that do not participate (cells, functions, methods, weakrefs, modules, ...) recurse freely
in CPython; a long enough chain of them would overflow the C stack there.  Here such a chain
must not overflow the host stack either, so ``Reclaimer`` counts the non-participating deallocs
in progress (``depth``) and, past ``host_depth_limit`` of them, defers the object on a second
stack (``deferred``) that is drained, last-in-first-out, when the outermost of them returns.
Below that limit (100 nested non-participating deallocs, far more than real programs build)
the order is CPython's; beyond it CPython itself would be close to a crash.
"""

from heapsim.objects.core import UNTRACKED

# Nested non-participating deallocs allowed on the host stack before deferring.
HOST_DEPTH_LIMIT = 100


# ``Reclaimer`` is the per-thread part of CPython's deallocation state (``PyThreadState``'s
# ``trash_delete_nesting`` and ``trash_delete_later``) plus heapsim's own guard for
# non-participating chains.  ``trash_later`` is the deposit stack as a host list (its end is
# CPython's list head); ``deferred`` is the guard's stack of objects whose dealloc was put off.
class Reclaimer:
    """The dealloc entry point installed as ``heap.dealloc``."""

    __slots__ = ("heap", "gc", "nesting", "trash_later", "unwind_level", "depth",
                 "deferred", "host_depth_limit")

    def __init__(self, heap, unwind_level=None, host_depth_limit=HOST_DEPTH_LIMIT):
        self.heap = heap
        self.gc = heap.gc
        self.nesting = 0
        self.trash_later = []
        self.unwind_level = (heap.profile.gc.trash_unwind_level if unwind_level is None
                             else unwind_level)
        self.depth = 0
        self.deferred = []
        self.host_depth_limit = host_depth_limit

    def dealloc(self, obj):
        """Deallocate ``obj``, whose refcount just reached zero (``_Py_Dealloc``)."""
        tp = obj.ob_type
        if tp.trashcan:
            nesting = self.nesting
            if nesting >= self.unwind_level:
                # _PyTrash_thread_deposit_object: the dealloc already untracked it.
                if obj.gc_gen != UNTRACKED:
                    self.gc.untrack(obj)
                self.trash_later.append(obj)
                return
            self.nesting = nesting + 1
            tp.tp_dealloc(self.heap, obj)
            nesting = self.nesting - 1
            self.nesting = nesting
            if nesting <= 0 and self.trash_later:
                self.destroy_chain()
            return
        depth = self.depth
        if depth < self.host_depth_limit:
            self.depth = depth + 1
            tp.tp_dealloc(self.heap, obj)
            self.depth = depth
            if depth == 0 and self.deferred:
                self.drain_deferred()
            return
        if tp.is_gc and obj.gc_gen != UNTRACKED:
            self.gc.untrack(obj)
        self.deferred.append(obj)

    def destroy_chain(self):
        """``_PyTrash_thread_destroy_chain``: free the deposits, newest first, at nesting 1.

        Each deposited object's dealloc runs with its own trashcan test, so it may deposit
        again; the loop picks those up.
        """
        later = self.trash_later
        dealloc = self.dealloc
        self.nesting += 1
        try:
            while later:
                dealloc(later.pop())
        finally:
            self.nesting -= 1

    def drain_deferred(self):
        """Run the deallocs the host-depth guard put off, newest first, one level deep."""
        deferred = self.deferred
        dealloc = self.dealloc
        self.depth += 1
        try:
            while deferred:
                dealloc(deferred.pop())
        finally:
            self.depth -= 1

    def pending(self):
        """Objects with refcount zero whose dealloc has not run yet (both stacks)."""
        return len(self.trash_later) + len(self.deferred)


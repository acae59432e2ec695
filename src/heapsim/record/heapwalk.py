"""Finding every live object of a run from its roots (for the recorder's start-up set and for
tests' live snapshots).

It is the heap audit's search: the static objects, the collector's generation lists, the
runtime's own roots and its root providers (the running frames, the subclass lists' keys, the
argument parsers' caches), closed under ``reclaim.audit.references``.  An
object held only by a host local of a C function in progress is not found, so a complete
answer needs a safe point (the main module's frame running, between instructions).
"""

from heapsim.reclaim.audit import references


def live_objects(runtime, functions):
    """Every live object found from the run's roots, as a dict id -> object."""
    heap = runtime.heap
    found = {}
    stack = []

    def reach(obj):
        if id(obj) not in found:
            found[id(obj)] = obj
            stack.append(obj)

    for obj in heap.static_objects:
        reach(obj)
    for obj in heap.reclaim.runtime_roots():
        reach(obj)
    providers = list(heap.reclaim.root_providers)
    if runtime.audit_roots not in providers:
        providers.append(runtime.audit_roots)
    for provider in providers:
        for obj in provider():
            reach(obj)
    for lst in heap.gc.lists:
        for obj in lst:
            reach(obj)
    while stack:
        obj = stack.pop()
        if obj.ob_refcnt <= 0:
            continue
        for r in references(obj, functions):
            reach(r)
    return found

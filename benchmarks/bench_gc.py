"""Speed of heapsim's cycle collector against CPython's ``gc.collect()`` on the same heap.

Run as ``PYTHONPATH=src python3 benchmarks/bench_gc.py [sizes...]`` (default: 100000 and
1000000 objects).  For each size it builds, on a fresh simulated heap and in a ``python3``
subprocess, the same structure: instances of a plain class ``N`` paired into 2-cycles
(``a.o = b; b.o = a``), one of each pair held by a list.  Then it times:

* **reachable**: a full collection while the list holds the pairs (everything is scanned,
  nothing is freed);
* **garbage**: the list is dropped and a full collection finds and frees every pair
  (``tp_clear``, the dealloc cascade, the allocator).

It prints tracked objects per second for both and the ratio of heapsim's time to CPython's
(the budget in docs/architecture.md: at most 30x for a full collection of a million
objects).  Nothing here asserts on time.
"""

import json
import os
import subprocess
import sys
import time

from heapsim.objects.instanceobject import instance_new, instance_setattr, new_heap_type
from heapsim.objects.listobject import list_append, list_new
from heapsim.objects.unicodeobject import intern_string
from heapsim.reclaim import gcapi
from heapsim.runtime import build_heap

HOST_PROGRAM = r"""
import gc, json, sys, time
n = int(sys.argv[1])
class N: pass
gc.disable()
gc.collect()
objs = []
for i in range(n // 2):
    a = N(); b = N(); a.o = b; b.o = a
    objs.append(a)
del a, b
t = time.perf_counter(); r1 = gc.collect(); t1 = time.perf_counter() - t
del objs
t = time.perf_counter(); r2 = gc.collect(); t2 = time.perf_counter() - t
print(json.dumps({"reachable": t1, "garbage": t2, "found": r2}))
"""


def host_times(n):
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([sys.executable, "-c", HOST_PROGRAM, str(n)], capture_output=True,
                         text=True, check=True, env=env).stdout
    return json.loads(out)


def sim_times(n):
    heap = build_heap()
    gcapi.disable(heap)
    gcapi.collect(heap)
    name = intern_string(heap, "o")
    cls = new_heap_type(heap, "N")
    objs = list_new(heap, 0)
    for _ in range(n // 2):
        a = instance_new(heap, cls)
        b = instance_new(heap, cls)
        instance_setattr(heap, a, name, b)
        instance_setattr(heap, b, name, a)
        list_append(heap, objs, a)
        heap.decref(a)
        heap.decref(b)
    start = time.perf_counter()
    gcapi.collect(heap)
    t1 = time.perf_counter() - start
    heap.decref(objs)
    start = time.perf_counter()
    found = gcapi.collect(heap)
    t2 = time.perf_counter() - start
    return {"reachable": t1, "garbage": t2, "found": found}


def main(sizes):
    print(f"{'objects':>10} {'case':>10} {'heapsim s':>10} {'objs/s':>12} "
          f"{'python3 s':>10} {'objs/s':>12} {'ratio':>7}")
    for n in sizes:
        sim = sim_times(n)
        host = host_times(n)
        if sim["found"] != host["found"]:
            print(f"  collected {sim['found']} objects, python3 {host['found']}")
        for case in ("reachable", "garbage"):
            s, h = sim[case], host[case]
            print(f"{n:>10} {case:>10} {s:>10.3f} {n / s:>12,.0f} {h:>10.4f} {n / h:>12,.0f} "
                  f"{s / h:>6.1f}x")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000, 1_000_000])

"""Speed of heapsim's memory layer: malloc+free pairs per second.

Run as ``PYTHONPATH=src python3 benchmarks/bench_memory.py``.  Each measure is a function
returning pairs per second, so that other measures (getsizeof timing, ...) can be added beside
them and to ``MEASURES``.  Nothing here asserts on time.
"""

import random
import sys
import time

from heapsim.base.config import MemoryConfig
from heapsim.memory import Pymalloc


def _best_rate(run, pairs, repeat):
    """Run ``run()`` (which does ``pairs`` malloc+free pairs) ``repeat`` times; best pairs/s."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return pairs / best


def measure_small_lifo(pairs=200_000, repeat=3):
    """malloc then immediately free, one size (the ``id(object()) == id(object())`` case).

    One other block of the class stays allocated, so the pool never empties and every pair
    takes the fast paths.
    """
    allocator = Pymalloc(MemoryConfig())
    malloc, free = allocator.malloc, allocator.free
    malloc(32)

    def run():
        for _ in range(pairs):
            free(malloc(32))
    return _best_rate(run, pairs, repeat)


def measure_small_pool_churn(pairs=100_000, repeat=3):
    """malloc then free with nothing else allocated: every free empties the pool.

    The worst case for the fast path: each pair moves the pool to its arena's free pools and
    back (what CPython does too on a fresh heap).
    """
    allocator = Pymalloc(MemoryConfig())
    malloc, free = allocator.malloc, allocator.free

    def run():
        for _ in range(pairs):
            free(malloc(32))
    return _best_rate(run, pairs, repeat)


def measure_small_mixed(pairs=200_000, repeat=3, live=5_000, seed=1):
    """Small sizes mixed (1..512, weighted to small), with ``live`` blocks kept alive.

    Each pair allocates a block and frees a random one of the live set, so pools fill, empty,
    move between lists and are reused, and arenas come and go.
    """
    rng = random.Random(seed)
    sizes = [rng.choice((rng.randint(1, 64), rng.randint(1, 128), rng.randint(1, 512)))
             for _ in range(pairs)]
    victims = [rng.randrange(live) for _ in range(pairs)]
    allocator = Pymalloc(MemoryConfig())
    malloc, free = allocator.malloc, allocator.free
    blocks = [malloc(sizes[i % pairs]) for i in range(live)]

    def run():
        for size, victim in zip(sizes, victims):
            address = malloc(size)
            free(blocks[victim])
            blocks[victim] = address
    return _best_rate(run, pairs, repeat)


def measure_raw(pairs=200_000, repeat=3, live=1_000, seed=2):
    """Raw sizes (0 and 513..4096) through pymalloc's fallback to the raw allocator."""
    rng = random.Random(seed)
    sizes = [rng.choice((0, rng.randint(513, 4096))) for _ in range(pairs)]
    victims = [rng.randrange(live) for _ in range(pairs)]
    allocator = Pymalloc(MemoryConfig())
    malloc, free = allocator.malloc, allocator.free
    blocks = [malloc(sizes[i % pairs]) for i in range(live)]

    def run():
        for size, victim in zip(sizes, victims):
            address = malloc(size)
            free(blocks[victim])
            blocks[victim] = address
    return _best_rate(run, pairs, repeat)


def measure_getsizeof(calls=200_000, repeat=3):
    """``sys.getsizeof`` on a mix of simulated objects (int, str, list, dict, set, tuple)."""
    from heapsim.objects.core import getsizeof
    from heapsim.objects.dictobject import dict_new, dict_setitem
    from heapsim.objects.listobject import list_append, list_new
    from heapsim.objects.longobject import new_int
    from heapsim.objects.setobject import set_add_key, set_new
    from heapsim.objects.tupleobject import tuple_pack
    from heapsim.objects.unicodeobject import new_str
    from heapsim.runtime import build_heap

    heap = build_heap()
    big = new_int(heap, 10 ** 40)
    text = new_str(heap, "h\u00e9llo w\u00f6rld")
    lst = list_new(heap, 0)
    dct = dict_new(heap)
    st = set_new(heap)
    for i in range(20):
        item = new_int(heap, 1000 + i)
        list_append(heap, lst, item)
        dict_setitem(heap, dct, item, item)
        set_add_key(heap, st, item)
        heap.decref(item)
    tup = tuple_pack(heap, big, text, lst)
    objects = [big, text, lst, dct, st, tup] * (calls // 6)

    def run():
        for obj in objects:
            getsizeof(obj)
    return _best_rate(run, len(objects), repeat)


MEASURES = [
    ("small, malloc then free (LIFO)", measure_small_lifo),
    ("small, pool emptied by every free", measure_small_pool_churn),
    ("small sizes mixed, 5000 live", measure_small_mixed),
    ("raw sizes (0, 513..4096), 1000 live", measure_raw),
]


def main(argv=None):
    print(f"heapsim memory benchmark (Python {sys.version.split()[0]})")
    for name, measure in MEASURES:
        rate = measure()
        print(f"{name:<40} {rate:>12,.0f} malloc+free pairs/s")
    rate = measure_getsizeof()
    print(f"{'getsizeof on int/str/list/dict/set/tuple':<40} {rate:>12,.0f} getsizeof calls/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

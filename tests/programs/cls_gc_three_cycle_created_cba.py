# Ported reclaim scenario 'three_cycle_created_cba' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    c = F('c')
    b = F('b')
    a = F('a')
    a.x = b
    b.x = c
    c.x = a
    del a, b, c
    collect()
scenario()
print(log)
# Ported reclaim scenario 'big_cycle_order' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    a = F('a0')
    p = a
    make(N, 3)
    p.x = F('a1')
    p = p.x
    p.x = F('a2')
    p = p.x
    p.x = F('a3')
    p = p.x
    p.x = F('a4')
    p = p.x
    p.x = a
    del a, p
    drop()
    collect()
scenario()
print(log)
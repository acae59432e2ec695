# Ported reclaim scenario 'get_referrers_in_generation_order' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    x = N('x')
    a = N('a')
    a.p = x
    l = [x]
    b = N('b')
    b.q = x
    collect(0)
    t = (x, x)
    referrers(x)
    del a
    referrers(x)
scenario()
print(log)
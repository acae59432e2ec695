# Ported reclaim scenario 'outer_tuple_made_first_stays_tracked_once' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    x = 1
    l = [x]
    outer = (x, l)
    inner = (x, x)
    outer2 = (inner, x)
    collect()
    tracked(outer)
    tracked(outer2)
    tracked(inner)
scenario()
print(log)
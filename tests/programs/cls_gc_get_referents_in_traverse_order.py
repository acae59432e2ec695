# Ported reclaim scenario 'get_referents_in_traverse_order' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    a = N('a')
    b = N('b')
    c = N('c')
    a.y = b
    a.x = c
    referents(a)
    l = [a, b, c]
    referents(l)
    t = (c, a)
    referents(t)
    w = weakref.ref(a, lambda r: _cb('k', r))
    referents(w)
scenario()
print(log)
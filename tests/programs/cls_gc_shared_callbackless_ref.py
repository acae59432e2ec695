# Ported reclaim scenario 'shared_callbackless_ref' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    a = N('a')
    w1 = weakref.ref(a)
    w2 = weakref.ref(a)
    rc(w1)
    wrc(a)
    w3 = weakref.ref(a, lambda r: _cb('k', r))
    wrc(a)
    del w1, w2
    wrc(a)
    del a
scenario()
print(log)
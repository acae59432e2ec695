# Ported reclaim scenario 'weakref_callbacks_newest_first' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    a = N('a')
    w1 = weakref.ref(a, lambda r: _cb('1', r))
    w2 = weakref.ref(a, lambda r: _cb('2', r))
    w3 = weakref.ref(a, lambda r: _cb('3', r))
    w0 = weakref.ref(a)
    wrc(a)
    del a
    note('after')
scenario()
print(log)
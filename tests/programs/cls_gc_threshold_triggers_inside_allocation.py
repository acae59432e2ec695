# Ported reclaim scenario 'threshold_triggers_inside_allocation' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    gc.callbacks.append(lambda phase, info: _gccb('g', phase, info))
    gc.set_threshold(5)
    count()
    make(N, 12)
    count()
    drop()
    count()
    gc.callbacks.clear()
scenario()
print(log)
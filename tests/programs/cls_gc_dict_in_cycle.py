# Ported reclaim scenario 'dict_in_cycle' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    a = F('a')
    d = {'k': a}
    a.d = d
    del a, d
    collect()
scenario()
print(log)
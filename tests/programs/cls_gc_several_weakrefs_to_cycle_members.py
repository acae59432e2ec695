# Ported reclaim scenario 'several_weakrefs_to_cycle_members' (tests/reclaim/test_reclaim_scenarios.py) as a guest program:
# classes with __del__, resurrection, weakref callbacks and collections, logged in order.

import gc, sys, weakref
from _gckit import (C, F, N, R, _C, _F, _N, _R, _cb, _cbd, _cbx, _gccb, _label, _state, alive,
    collect, count, drop, finalized, freeze_count, garbage, hold, keep, log, make, note, rc,
    referents, referrers, saved, tracked, wrc)  # noqa: F401

def scenario():
    gc.collect()
    a = F('a')
    b = F('b')
    a.x = b
    b.x = a
    wa = weakref.ref(a, lambda r: _cb('wa', r))
    wb = weakref.ref(b, lambda r: _cb('wb', r))
    wb2 = weakref.ref(b, lambda r: _cb('wb2', r))
    del a, b
    collect()
scenario()
print(log)
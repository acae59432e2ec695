"""Shared helpers of the cls_gc_*.py programs (the reclaim scenarios ported as guest programs):
classes with __del__, resurrection, weakref and gc callbacks, and the log they write to.
Imported by those programs; not a program itself (tests/test_programs.py skips _*.py)."""

import gc, sys, weakref
log = []
saved = []
keep = []
class _N: pass
class _F:
    def __del__(self):
        log.append('del:' + self.name)
class _R:
    def __del__(self):
        log.append('del:' + self.name)
        saved.append(self)
class _C:
    def __del__(self):
        log.append(f'inner:{gc.collect()}')
def N(name):
    o = _N(); o.name = name; return o
def F(name):
    o = _F(); o.name = name; return o
def R(name):
    o = _R(); o.name = name; return o
def C(name):
    o = _C(); o.name = name; return o
def _state(r):
    if isinstance(r, weakref.ProxyType):
        return ':proxy'
    return ':dead' if r() is None else ':alive'
def _cb(name, r):
    log.append('cb:' + name + _state(r))
def _cbd(name, r):
    log.append('cb:' + name + _state(r))
    keep.clear()
def _cbx(name, r):
    log.append('cb:' + name + _state(r))
    raise ValueError(name)
def hold(o):
    keep.append(o)
def _gccb(name, phase, info):
    log.append(f"gccb:{name}:{phase}:{info['generation']}:{info['collected']}:"
               f"{info['uncollectable']}")
def collect(g=2):
    log.append(f'collect:{gc.collect(g)}')
def count():
    c = gc.get_count()
    log.append(f'count:{c[0]},{c[1]},{c[2]}')
def tracked(o):
    log.append(f'tracked:{gc.is_tracked(o)}')
def finalized(o):
    log.append(f'finalized:{gc.is_finalized(o)}')
def alive(w):
    log.append(f'alive:{w() is not None}')
def rc(o):
    log.append(f'rc:{sys.getrefcount(o) - 2}')
def wrc(o):
    log.append(f'wrc:{weakref.getweakrefcount(o)}')
def freeze_count():
    log.append(f'frozen:{gc.get_freeze_count()}')
def garbage():
    g = gc.garbage
    s = 'garbage:'
    i = 0
    while i < len(g):
        s = s + getattr(g[i], 'name', '?') + ','
        i += 1
    log.append(s)
def make(kind, n):
    i = 0
    while i < n:
        keep.append(kind('m'))
        i += 1
def drop():
    keep.clear()
def note(text):
    log.append(text)
def _label(r):
    name = getattr(r, 'name', None)
    return name if isinstance(name, str) else type(r).__name__
def referents(o):
    log.append('referents:' + ','.join([_label(r) for r in gc.get_referents(o)
                                        if not isinstance(r, str)]))
def referrers(o):
    log.append('referrers:' + ','.join([_label(r) for r in gc.get_referrers(o)]))


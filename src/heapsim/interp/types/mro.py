"""The method resolution order (Objects/typeobject.c ``mro_implementation``): C3
linearisation for classes, the base chain for static types."""

from heapsim.base.errors import GuestError


def static_mro(tp):
    out = []
    while tp is not None:
        out.append(tp)
        tp = tp.base
    return tuple(out)


def mro_of(tp):
    return tp.mro or static_mro(tp)


def is_subtype(a, b):
    if a is b:
        return True
    return b in mro_of(a)


def c3_mro(tp, bases):
    seqs = [list(mro_of(b)) for b in bases] + [list(bases)]
    res = [tp]
    while True:
        seqs = [s for s in seqs if s]
        if not seqs:
            return tuple(res)
        for s in seqs:
            cand = s[0]
            if not any(cand in t[1:] for t in seqs):
                break
        else:
            names = []
            for s in seqs:
                if s[0].name not in names:
                    names.append(s[0].name)
            raise GuestError("TypeError", "Cannot create a consistent method resolution\n"
                             "order (MRO) for bases " + ", ".join(names))
        res.append(cand)
        for s in seqs:
            if s and s[0] is cand:
                del s[0]

# Instances of subclasses of the builtin types: sizes, tracking and block counts.
import sys, gc
class I(int): pass
class F(float): pass
class S(str): pass
class T(tuple): pass
class B(bytes): pass
class St(set): pass
class Fs(frozenset): pass
class C(complex): pass
class L(list): pass
class D(dict): pass
class E(Exception): pass
class Is(int): __slots__ = ()
class Ts(tuple): __slots__ = ()
class Ss(str): __slots__ = ()
for v in [I(5), I(2**40), I(0), F(1.5), S(''), S('abc'), S('é'), S('abcé'), T(), T((1, 2, 3)),
          B(b''), B(b'abc'), St(), St({1, 2, 3}), Fs(), Fs({1}), C(1j), L(), L([1, 2, 3]), D(),
          D(a=1), E(), E(1, 2), Is(3), Ts((1, 2)), Ss('ab')]:
    print(type(v).__name__, repr(v), sys.getsizeof(v), type(v).__sizeof__(v), gc.is_tracked(v))
gc.disable()
t0 = (1, 2, 3); t1 = (1,); s3 = {1, 2}
objs = []
res = []
makers = [lambda: None, lambda: I(5), lambda: I(2**40), lambda: F(1.5), lambda: S('abc'),
          lambda: S('abcé'), lambda: T(t0), lambda: B(b'abc'), lambda: St(s3), lambda: Fs(s3),
          lambda: C(2j), lambda: Is(7), lambda: Ts(t1), lambda: Ss('x'), lambda: L(), lambda: D()]
for f in makers * 2:
    b0 = sys.getallocatedblocks(); x = f(); b1 = sys.getallocatedblocks(); objs.append(x)
    res.append(b1 - b0)
b0 = sys.getallocatedblocks()
del objs, x
b1 = sys.getallocatedblocks()
gc.enable()
print(res[len(res) // 2:], b1 - b0)

# ExceptionGroup and BaseExceptionGroup: construction and its errors, message/exceptions, split,
# subgroup, derive, subclasses, sizes; except* on groups and naked exceptions; an uncaught
# group printed as python3 prints it
import sys, gc
eg = ExceptionGroup("many", [ValueError(1), TypeError("t"), ValueError(2)])
print(eg, repr(eg), type(eg), eg.message, eg.exceptions, eg.args)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), ExceptionGroup.__mro__)
beg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(beg), type(BaseExceptionGroup("x", [ValueError()])))
m, r = eg.split(ValueError)
print(m, m.exceptions, r, r.exceptions, m.args)
print(eg.subgroup(TypeError), eg.subgroup(OSError), eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == 2))
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
m, r = nested.split(ValueError)
print(repr(m), repr(r))
for bad in [(1, [ValueError()]), ("m", 5), ("m", []), ("m", [1]), ("m",)]:
    try:
        ExceptionGroup(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    eg.split(5)
except TypeError as e:
    print(e)
print(sys.getsizeof(eg), gc.is_tracked(eg), ExceptionGroup[int])
try:
    raise ExceptionGroup("g", [ValueError("a"), TypeError("b"), KeyError("c")])
except* ValueError as e:
    print("caught V", repr(e))
except* TypeError as e:
    print("caught T", repr(e))
except* KeyError as e:
    print("caught K", repr(e))
try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked", repr(e), repr(e.exceptions[0]))
def f():
    try:
        raise ExceptionGroup("g", [ValueError("a"), TypeError("b")])
    except* ValueError:
        print("handled V")
try:
    f()
except ExceptionGroup as e:
    print("rest", repr(e))
def g():
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ValueError:
        raise KeyError("new")
try:
    g()
except KeyError as e:
    print("keyerror", repr(e), repr(e.__context__))
try:
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)
me = MyEG("mine", [ValueError(1), TypeError(2)])
a, b = me.split(ValueError)
print(type(a).__name__, type(b).__name__, a, b)
print(sys.getrefcount(eg), gc.get_referents(eg) is not None)
try:
    raise ExceptionGroup("top", [ValueError("x")])
except* ValueError:
    raise

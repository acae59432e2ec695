# except*: several clauses, tuples of types, handlers that raise or re-raise, no match; split
# copies notes; the memory of groups (sizes, references to members, tracking)
import sys, gc
def leaf(i):
    try:
        raise [ValueError, TypeError, KeyError][i % 3](i)
    except Exception as e:
        return e
eg = ExceptionGroup("wide", [leaf(i) for i in range(6)])
try:
    raise eg
except* (ValueError, KeyError) as m:
    print("VK", repr(m))
except* TypeError as t:
    print("T", repr(t), t.exceptions[0].__traceback__ is not None)
# a handler that raises: the new exception and the unhandled rest are grouped
def handler_raises():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from handler")
try:
    handler_raises()
except ExceptionGroup as e:
    print(repr(e), [repr(x) for x in e.exceptions])
    print(repr(e.exceptions[0].__context__))
# a bare raise inside except* re-raises the matched part unchanged
def reraise():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
try:
    reraise()
except ExceptionGroup as e:
    print(repr(e))
# nothing matches: the original group propagates, identical
orig = ExceptionGroup("o", [OSError(1)])
try:
    try:
        raise orig
    except* ValueError:
        print("no")
except ExceptionGroup as e:
    print(e is orig)
# notes are copied to the parts
eg2 = ExceptionGroup("n", [ValueError(1), TypeError(2)])
eg2.add_note("a note")
m, r = eg2.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is eg2.__notes__)
# derive/subgroup/split by predicate, nested full matches
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2)])])
print(nested.subgroup(ValueError) is nested, repr(nested.split(lambda e: isinstance(e, ExceptionGroup))))
print(repr(nested.derive([KeyError(3)])), nested.exceptions[1].message)
# memory: sizes, tracking, references
print(sys.getsizeof(eg), sys.getsizeof(BaseExceptionGroup("b", [KeyboardInterrupt()])))
v = ValueError("held")
r0 = sys.getrefcount(v)
g = ExceptionGroup("h", [v])
r1 = sys.getrefcount(v)
del g
r2 = sys.getrefcount(v)
print(r1 - r0, r2 - r0, gc.is_tracked(eg))
lst = [ValueError(1)]
g = ExceptionGroup("list", lst)
print(g.args[1] is lst, g.exceptions is not lst, type(g.exceptions).__name__)
t = (ValueError(1),)
g = ExceptionGroup("tuple", t)
print(g.exceptions is t)
try:
    BaseExceptionGroup("x", [ValueError()], extra=1)
except TypeError as e:
    print(e)
try:
    eg.split()
except TypeError as e:
    print(e)
class Bad(ExceptionGroup):
    pass
try:
    Bad("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
print(type(Bad("m", [ValueError()])).__name__)

def raiser(e):
    raise e
def collect():
    errs = []
    for e in [ValueError("one"), TypeError("two")]:
        try:
            raiser(e)
        except Exception as x:
            errs.append(x)
    try:
        raise KeyError("ctx")
    except KeyError:
        errs.append(ExceptionGroup("inner", [OSError("three")]))
        raise ExceptionGroup("outer", errs)
try:
    collect()
except* ValueError:
    print("got value error")

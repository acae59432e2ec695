# weakref.finalize: callbacks still pending at exit run then, newest first.
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def report(name, *extra):
    print("finalizer", name, extra)


r1 = Res("one")
r2 = Res("two")
r3 = Res("three")
f1 = weakref.finalize(r1, report, "one")
f2 = weakref.finalize(r2, report, "two", 2)
f3 = weakref.finalize(r3, report, "three")
f2.atexit = False
print(f1.alive, f2.alive, f3.alive, f2.atexit)
del r3
print(f3.alive)
print("end of program")

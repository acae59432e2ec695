# Storing a bound method on its own instance makes a cycle.
import gc
import weakref


class Widget:
    def handler(self):
        pass


gc.collect()
w = Widget()
w.callback = w.handler
wr = weakref.ref(w)
del w
print(wr() is not None, gc.collect(), wr() is None)
w2 = Widget()
wr2 = weakref.ref(w2)
w2.handler()
del w2
print(wr2() is None, gc.collect())

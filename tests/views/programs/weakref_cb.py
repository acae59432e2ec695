# A weak reference does not keep its target alive; its callback runs at the target's death.
import weakref


class Node:
    pass


def gone(ref):
    print("callback: target gone")


n = Node()
w = weakref.ref(n, gone)
print(w() is n)
del n
print(w())

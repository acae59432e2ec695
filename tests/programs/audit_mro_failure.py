# A class statement whose MRO cannot be built raises TypeError and leaves no class behind:
# the bases' refcounts and subclass lists are as before.
import gc
import sys


class A:
    pass


class B(A):
    pass


gc.collect()
rc = (sys.getrefcount(A), sys.getrefcount(B))
subs = (len(A.__subclasses__()), len(B.__subclasses__()))
messages = []
for i in range(5):
    try:
        class C(A, B):
            pass
    except TypeError as e:
        messages.append(str(e))
gc.collect()
rc2 = (sys.getrefcount(A), sys.getrefcount(B))
subs2 = (len(A.__subclasses__()), len(B.__subclasses__()))
print(messages[0], len(messages))
print(rc2[0] - rc[0], rc2[1] - rc[1], subs, subs2)
print("C" in globals())

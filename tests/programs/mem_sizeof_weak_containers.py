# Sizes of the weak containers and of what they hold.
import sys
import weakref


class V:
    pass


vs = [V() for i in range(3)]
wvd = weakref.WeakValueDictionary()
wkd = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
for i, v in enumerate(vs):
    wvd[i] = v
    wkd[v] = i
    ws.add(v)
out = [sys.getsizeof(wvd), sys.getsizeof(wkd), sys.getsizeof(ws)]
out.append([sys.getsizeof(x.data) for x in (wvd, wkd, ws)])
out.append(sorted(vars(wvd)))
out.append(sorted(vars(ws)))
out.append(sys.getsizeof(vars(wkd)))
out.append(sys.getsizeof(weakref.ref(vs[0])))
out.append(sys.getsizeof(weakref.proxy(vs[0])))
for x in out:
    print(x)

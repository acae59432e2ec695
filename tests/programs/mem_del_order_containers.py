# The order in which containers release their items.
class T:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        log.append(self.tag)


log = []
lst = [T("l1"), T("l2"), T("l3")]
del lst
tup = (T("t1"), T("t2"), T("t3"))
del tup
dct = {"a": T("d1"), "b": T("d2")}
dct["c"] = T("d3")
del dct
k = {T("k1"): T("v1")}
del k
obj = T("outer")
obj.a = T("attr-a")
obj.b = T("attr-b")
del obj
print(log)

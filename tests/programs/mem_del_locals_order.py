# Function locals die in frame slot order when the function returns.
class T:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        log.append(self.tag)


log = []


def f(p1, p2):
    z = T("z")
    a = T("a")
    m = T("m")
    return None


f(T("p1"), T("p2"))
log.append("|")


def g():
    x = T("x")
    x = T("x2")
    log.append("rebound")
    del x
    log.append("deleted")


g()
print(log)

def inner():
    yield 1
    yield 2
    return "done"

def outer():
    r = yield from inner()
    yield r

g = outer()
log = []
log.append((g.gi_running, g.gi_yieldfrom, g.gi_frame is not None, g.gi_code.co_name))
log.append(next(g))
log.append((type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_code.co_name))
log.append(g.gi_frame.f_lineno)
log.append(next(g))
log.append(next(g))
log.append((g.gi_yieldfrom, g.gi_frame.f_lineno, g.__name__, g.__qualname__))
for x in g:
    log.append(x)
log.append((g.gi_frame, g.gi_running))

def watcher():
    while True:
        seen = yield
        log.append(("running inside", w.gi_running))
w = watcher()
next(w)
w.send(1)
w.close()
log.append(w.gi_frame)
for item in log:
    print(item)

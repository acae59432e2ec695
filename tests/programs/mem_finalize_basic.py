import weakref
log = []
def target():
    pass
def done(tag, extra=None):
    log.append(('done', tag, extra))
    return 'ret'
f = weakref.finalize(target, done, 'x', extra=5)
p = f.peek()
print(p[0] is target, p[1] is done, p[2], p[3])
del p
del target
print(log, f.peek(), f.detach(), f())
def t2():
    pass
g = weakref.finalize(t2, done, 'y')
det = g.detach()
del t2
print(det[2], log[-1], g())
def t3():
    pass
h = weakref.finalize(t3, done, 'z')
r = h()
print(r, h(), log[-1])

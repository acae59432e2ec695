import weakref
log = []
class T:
    def __del__(self):
        log.append('del')
t = T()
r = weakref.ref(t, lambda ref: log.append(('cb', ref() is None)))
del t
print(log)

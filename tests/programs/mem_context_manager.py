import sys
log = []
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append(('enter', self.name))
        return self
    def __exit__(self, *exc):
        log.append(('exit', self.name, exc[0] is None))
        return False
    def __del__(self):
        log.append(('del', self.name))
with Res('a') as r:
    log.append(('body', sys.getrefcount(r)))
log.append('after with')
del r
try:
    with Res('b'):
        raise ValueError('boom')
except ValueError:
    log.append('caught')
print(log)

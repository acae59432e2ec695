# __call__ and context managers with __enter__/__exit__ suppressing exceptions.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, scale=1): return (x + self.n) * scale
add = Adder(3)
print(add(1), add(2, scale=10), callable(add), callable(Adder), callable(3))
class CM:
    def __init__(self, suppress): self.suppress = suppress
    def __enter__(self):
        print('enter'); return 'value'
    def __exit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None, ev)
        return self.suppress
with CM(True) as v:
    print('body', v)
    raise ValueError('boom')
print('after')
try:
    with CM(False):
        raise KeyError('k')
except KeyError as e:
    print('caught', e)
class NoEnter: pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)

import sys
def f():
    pass
def g():
    yield 1
out = [sys.getsizeof(None), sys.getsizeof(1.0), sys.getsizeof(1j), sys.getsizeof(b''), sys.getsizeof(b'abc'),
       sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'abc')), sys.getsizeof(range(10)), sys.getsizeof(f),
       sys.getsizeof(g()), sys.getsizeof(slice(1, 2)), sys.getsizeof(len), sys.getsizeof(iter([])),
       sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(f, [])), sys.getsizeof(sys),
       sys.getsizeof(Exception()), sys.getsizeof(ValueError('x')), sys.getsizeof([].append), sys.getsizeof(object())]
print(out)

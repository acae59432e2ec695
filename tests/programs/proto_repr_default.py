# Default repr and str of instances and classes; __str__ falls back to __repr__.
class A: pass
class B:
    def __repr__(self): return 'B()'
class C(B):
    def __str__(self): return 'C-str'
a = A()
print(repr(a).split(' object at ')[0], str(B()), repr(C()), str(C()), [B(), C()], A, repr(A))
print(f'{B()}', '%s %r' % (C(), C()), str(A).startswith("<class '__main__.A'>"))

# __slots__ errors: conflicts with class variables, duplicates, non-identifiers, layout conflicts.
def report(f):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
    else:
        print('ok')
def t1():
    class A:
        __slots__ = ('x',)
        x = 1
def t2():
    class A:
        __slots__ = ('x', 'x')
def t3():
    class A:
        __slots__ = ('1x',)
def t4():
    class A:
        __slots__ = 5
def t5():
    class A:
        __slots__ = ('a',)
    class B:
        __slots__ = ('b',)
    class C(A, B): pass
def t6():
    class A:
        __slots__ = ('__dict__',)
    class B(A):
        __slots__ = ('__dict__',)
def t7():
    class A(int):
        __slots__ = ('a',)
def t8():
    class A(tuple):
        __slots__ = ()
def t9():
    class A:
        __slots__ = ('__weakref__',)
    class B(A):
        __slots__ = ('__weakref__',)
for f in (t1, t2, t3, t4, t5, t6, t7, t8, t9):
    report(f)

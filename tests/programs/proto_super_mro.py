# Cooperative multiple inheritance: super() follows the MRO; diamond; mro() and errors.
class Base:
    def hello(self): return ['Base']
class L(Base):
    def hello(self): return ['L'] + super().hello()
class R(Base):
    def hello(self): return ['R'] + super().hello()
class D(L, R):
    def hello(self): return ['D'] + super().hello()
print(D().hello(), [c.__name__ for c in D.__mro__], D.mro() == list(D.__mro__))
print(super(L, D()).hello(), super(D, D()).hello())
class X: pass
class Y: pass
try:
    class Z(X, Y, X): pass
except TypeError as e:
    print(e)
class A(X, Y): pass
class B(Y, X): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
class K:
    @classmethod
    def make(cls): return cls.__name__
class KK(K):
    @classmethod
    def make(cls): return 'sub:' + super().make()
print(KK.make(), KK().make())

# staticmethod and classmethod: access from class and instance, sizes, wrapped attributes.
import sys
class K:
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def c(cls, x): return (cls.__name__, x)
class Sub(K): pass
print(K.s(2), K().s(3), K.c(1), Sub.c(2), Sub().c(3))
sm = K.__dict__['s']; cm = K.__dict__['c']
print(type(sm).__name__, type(cm).__name__, sys.getsizeof(sm), sys.getsizeof(cm), sm.__func__(5))
print(type(K.c).__name__, K.c.__self__ is K, Sub.c.__self__ is Sub)

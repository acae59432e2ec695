# __hash__ None-ing by __eq__, explicit __hash__, inheritance of __hash__ = None.
class E:
    def __eq__(self, o): return True
print(E.__hash__)
try:
    hash(E())
except TypeError as e:
    print(e)
class H:
    def __eq__(self, o): return isinstance(o, H)
    def __hash__(self): return 42
print(hash(H()), list({H(): 1, H(): 2}.values()))
class Sub(E): pass
try:
    {Sub()}
except TypeError as e:
    print(e)
class Restore(E):
    __hash__ = object.__hash__
r = Restore()
print(hash(r) == object.__hash__(r))
class Unh:
    __hash__ = None
try:
    hash(Unh())
except TypeError as e:
    print(e)
class Big:
    def __hash__(self): return 2**70
print(hash(Big()) == hash(2**70))

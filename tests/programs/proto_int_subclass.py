# int subclass: arithmetic returns int, bool-like flags, __repr__ override, sizes and blocks.
import sys
class Flag(int):
    def __repr__(self): return f'Flag({int(self)})'
    def __or__(self, o): return Flag(int(self) | int(o))
A, B = Flag(1), Flag(2)
print(A | B, type(A + B).__name__, A < B, A == 1, hash(A) == 1, [10, 20, 30][B], bin(B))
print(sys.getsizeof(A), sys.getsizeof(Flag(2**100)), isinstance(A, int), int(A) == 1)
class Temp(int):
    unit = 'C'
    def __str__(self): return f'{int(self)}{self.unit}'
t = Temp(21)
print(str(t), t + 1, f'{t}', f'{t:>5}', t.real, t.bit_length(), -t, abs(Temp(-3)))

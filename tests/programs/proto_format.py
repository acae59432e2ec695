# __format__ in format(), f-strings and str.format; __str__ vs __repr__ in conversions.
class Money:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        if spec == 'cents':
            return f'{self.c}c'
        return f'${self.c / 100:{spec or ".2f"}}'
    def __str__(self): return 'Money-str'
    def __repr__(self): return 'Money-repr'
m = Money(1234)
print(format(m), format(m, 'cents'), f'{m}', f'{m:.1f}', f'{m!s}', f'{m!r}', '{:cents}'.format(m))
class Plain: pass
try:
    format(Plain(), 'x')
except TypeError as e:
    print(e)
print(format(Plain(), '')[:8])
class BadFmt:
    def __format__(self, s): return 5
try:
    f'{BadFmt()}'
except TypeError as e:
    print(e)
